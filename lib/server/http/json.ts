import 'server-only';
import { NextResponse } from 'next/server';

/*
 * JSON answers of the public API. Document responses depend on who asks, so none of them may
 * be stored by a shared cache.
 */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export function jsonOk(body: unknown, init: { status?: number } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: NO_STORE });
}

export type TApiErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'UNAVAILABLE' | 'INTERNAL';

export function jsonError(status: number, code: TApiErrorCode, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: NO_STORE });
}

/** The one not-found answer: identical for a missing document and for one the caller may not see. */
export function jsonNotFound(): NextResponse {
  return jsonError(404, 'NOT_FOUND', '文書が見つかりません。');
}
