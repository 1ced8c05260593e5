import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';

export interface TRequestContext {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

interface THeaderReader {
  get(name: string): string | null;
}

/*
 * The client address is the last entry of X-Forwarded-For: the one added by the nearest proxy
 * (Next.js itself adds the socket's address when no proxy is in front). Deploy behind a reverse
 * proxy that sets the header; entries a client wrote itself come before it.
 */
export function contextFromHeaders(h: THeaderReader): TRequestContext {
  const forwarded = h.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim() || null;
  const requestId = h.get('x-request-id');
  return {
    clientAddress: last && last.length <= 64 ? last : null,
    userAgent: h.get('user-agent')?.slice(0, 500) ?? null,
    requestId: requestId && /^[A-Za-z0-9-]{1,64}$/.test(requestId) ? requestId : null,
  };
}

export const getRequestContext = cache(async (): Promise<TRequestContext> => {
  try {
    return contextFromHeaders(await headers());
  } catch {
    // outside a request (scripts, tests): nothing to record
    return { clientAddress: null, userAgent: null, requestId: null };
  }
});
