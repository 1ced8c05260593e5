import 'server-only';
import { networkInterfaces, hostname as machineName } from 'node:os';
import { headers } from 'next/headers';
import { serverEnv } from '@/lib/server/env';

/*
 * The origin a person is sent back to after signing in or out. next-auth builds its redirects from
 * NEXTAUTH_URL, which `npm start` defaults to http://localhost:<port>: someone who opened the portal
 * at http://127.0.0.1:<port> or at the machine's LAN address would land on localhost, where the
 * cookie just set (host-only) does not exist, signed out. So the origin of the request is kept when
 * it is the configured one or, in the demo (PORTAL_LOCAL_ORIGINS=1), a local address of this
 * machine on the configured port. Any other Host header (a name pointed at us by someone else's DNS,
 * a forged header) gets the configured origin.
 */
const NEXT_AUTH_DEFAULT_ORIGIN = 'http://localhost:3000';

export function configuredOrigin(): URL {
  return new URL(serverEnv().NEXTAUTH_URL ?? NEXT_AUTH_DEFAULT_ORIGIN);
}

function localModeOn(): boolean {
  const env = serverEnv();
  return env.PORTAL_LOCAL_ORIGINS === '1' || (env.PORTAL_LOCAL_ORIGINS === undefined && !env.NEXTAUTH_URL);
}

function ownAddresses(): Set<string> {
  const own = new Set<string>([machineName().toLowerCase()]);
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) own.add(entry.family === 'IPv6' ? `[${entry.address.split('%')[0]!.toLowerCase()}]` : entry.address);
  }
  return own;
}

/** localhost, 127.0.0.0/8, [::1] or one of this machine's own names and addresses (URL hostname form). */
export function isLocalHostname(hostname: string, own: Set<string> = ownAddresses()): boolean {
  const name = hostname.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name === '[::1]') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  return own.has(name);
}

/**
 * The allowed origin for a request that came with this Host header: the request's own when it is
 * the configured origin or (demo) a local one on the configured port, else the configured origin.
 */
export function allowedOriginFor(host: string | null, options: { configured?: URL; localMode?: boolean; own?: Set<string> } = {}): string {
  const configured = options.configured ?? configuredOrigin();
  if (!host) return configured.origin;
  let candidate: URL;
  try {
    candidate = new URL(`${configured.protocol}//${host}`);
  } catch {
    return configured.origin;
  }
  // A Host header is host[:port] and nothing else.
  if (candidate.host !== host.toLowerCase() || candidate.pathname !== '/' || candidate.username || candidate.password) return configured.origin;
  if (candidate.origin === configured.origin) return configured.origin;
  const localMode = options.localMode ?? localModeOn();
  if (localMode && candidate.protocol === 'http:' && candidate.port === configured.port && isLocalHostname(candidate.hostname, options.own)) return candidate.origin;
  return configured.origin;
}

/** allowedOriginFor the current request (the configured origin outside a request). */
export async function getRequestOrigin(): Promise<string> {
  try {
    return allowedOriginFor((await headers()).get('host'));
  } catch {
    return configuredOrigin().origin;
  }
}
