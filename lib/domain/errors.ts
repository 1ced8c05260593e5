/*
 * Typed failures of the data access layer. `code` is stable for JSON clients; `message` is
 * the Japanese sentence shown to people.
 */
export type TDalErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'PARSE_FAILED' | 'CONFLICT';

export class DalError extends Error {
  constructor(
    readonly code: TDalErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DalError';
  }
}
