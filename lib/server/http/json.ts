import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import { NextResponse } from 'next/server';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { recordUnrecordedRefusal } from '@/lib/server/http/action-result';
import { DalError } from '@/lib/domain/errors';

/*
 * JSON answers of the public API. Document responses depend on who asks, so none of them may
 * be stored by a shared cache.
 */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export function jsonOk(body: unknown, init: { status?: number } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: NO_STORE });
}

export type TApiErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'UNAVAILABLE' | 'INTERNAL' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT';

export function jsonError(status: number, code: TApiErrorCode, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: NO_STORE });
}

/** The one not-found answer: identical for a missing document and for one the caller may not see. */
export function jsonNotFound(): NextResponse {
  return jsonError(404, 'NOT_FOUND', commonErrors.documentNotFound);
}

/** The JSON answer for a refused or failed DAL call; anything unexpected is rethrown. */
export function jsonFromError(error: unknown): NextResponse {
  if (error instanceof PermissionDeniedError) {
    void recordUnrecordedRefusal(error);
    return error.permission === 'sign-in' ? jsonError(401, 'UNAUTHENTICATED', commonErrors.signInRequired) : jsonError(403, 'FORBIDDEN', commonErrors.forbidden);
  }
  if (error instanceof DalError) return jsonError(error.code === 'NOT_FOUND' ? 404 : error.code === 'CONFLICT' ? 409 : 400, error.code === 'PARSE_FAILED' ? 'INVALID_INPUT' : error.code, error.message);
  throw error;
}
