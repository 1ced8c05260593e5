import 'server-only';
import { isIP } from 'node:net';
import { headers } from 'next/headers';
import { cache } from 'react';
import { serverEnv } from '@/lib/server/env';

export interface TRequestContext {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

interface THeaderReader {
  get(name: string): string | null;
}

/** Written over on every request by scripts/server/socket-address.mjs, which `npm start` preloads. */
export const SOCKET_ADDRESS_HEADER = 'x-portal-socket-address';

function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let address = raw.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return isIP(address) ? address : null;
}

/*
 * The client address, as the throttle and the audit trail use it. Only what the portal can vouch
 * for: the TCP peer (from our own server preload; never a header a client could have written), or,
 * behind `hops` trusted reverse proxies, the address the outermost of them saw: X-Forwarded-For read
 * from the right, where each trusted proxy appended its peer. Entries further left were written by
 * whoever sent the request and are ignored. With fewer entries than hops the leftmost one is used
 * (the same rule as Express's `trust proxy` hop count).
 */
export function clientAddressFrom(h: THeaderReader, trustedHops: number = serverEnv().PORTAL_TRUSTED_PROXY_HOPS, socketHeaderTrusted: boolean = serverEnv().PORTAL_SOCKET_ADDRESS_HEADER === '1'): string | null {
  const socket = socketHeaderTrusted ? normaliseAddress(h.get(SOCKET_ADDRESS_HEADER)) : null;
  if (trustedHops === 0) return socket;
  const forwarded = (h.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [socket, ...forwarded.reverse()];
  return normaliseAddress(chain[Math.min(trustedHops, chain.length - 1)]);
}

export function contextFromHeaders(h: THeaderReader, options: { trustedHops?: number; socketHeaderTrusted?: boolean } = {}): TRequestContext {
  const requestId = h.get('x-request-id');
  return {
    clientAddress: clientAddressFrom(h, options.trustedHops, options.socketHeaderTrusted),
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
