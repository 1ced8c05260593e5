/*
 * What a server action answers: its data, or a typed error the form can show. Client-safe.
 */
export type TActionError = {
  code: 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_INPUT' | 'PARSE_FAILED' | 'CONFLICT';
  message: string;
  /** for PARSE_FAILED: the parser's errors, each with its line */
  lines?: { line: number; message: string }[];
};
export type TActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: TActionError };
