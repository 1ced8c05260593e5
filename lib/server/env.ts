import 'server-only';
import { z } from 'zod';
import { DEFAULT_IMPORT_MAX_MB, IMPORT_MAX_MB_CEILING } from '@/lib/domain/ingest';

/*
 * The one place that reads process.env. Everything else asks for `serverEnv()`.
 * Parsed lazily so that importing a server module never fails at build time.
 */
const ZServerEnv = z.object({
  /** the application's connection (its own role; ADR 004) */
  DATABASE_URL: z.string().url().optional(),
  /** the owner's connection, for migrations only; unset when DATABASE_URL is an administrator's */
  DATABASE_MIGRATE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** how long a transaction may wait for a pooled connection, and how long it may run */
  DATABASE_TX_MAX_WAIT_MS: z.coerce.number().int().min(100).default(10_000),
  DATABASE_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** ISO date used as "today" instead of the clock; for demos and tests only */
  PORTAL_FIXED_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** signs the session cookie; `npm start` generates one into .data/ when unset */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** the portal's public origin; https:// switches on Secure and __Host- cookies and HSTS */
  NEXTAUTH_URL: z.string().url().optional(),
  /**
   * '1': the demo. After sign-in a person stays on the local address they used (localhost, 127.x,
   * ::1, this machine's own addresses and name) on NEXTAUTH_URL's port. `npm start` sets it when it
   * runs the embedded database or NEXTAUTH_URL is not configured.
   */
  PORTAL_LOCAL_ORIGINS: z.enum(['0', '1']).optional(),
  /** reverse proxies in front of the portal whose X-Forwarded-For entries are trusted (0: none) */
  PORTAL_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** set by scripts/server/socket-address.mjs in the server process: x-portal-socket-address is its own */
  PORTAL_SOCKET_ADDRESS_HEADER: z.enum(['1']).optional(),
  PORTAL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  PORTAL_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** failed sign-ins per login id, and per client address, before a lock-out */
  PORTAL_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  PORTAL_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  PORTAL_SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** the city's directory (OpenID Connect); the provider appears when all three are set */
  PORTAL_OIDC_ISSUER: z.string().url().optional(),
  PORTAL_OIDC_CLIENT_ID: z.string().optional(),
  PORTAL_OIDC_CLIENT_SECRET: z.string().optional(),
  /** the largest Word, PDF or text file 文書を取り込む accepts, in MB (IMPORT_MAX_MB_CEILING at most) */
  PORTAL_IMPORT_MAX_MB: z.coerce.number().min(0.1).max(IMPORT_MAX_MB_CEILING).default(DEFAULT_IMPORT_MAX_MB),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

let parsed: TServerEnv | undefined;

export function serverEnv(): TServerEnv {
  parsed ??= ZServerEnv.parse(process.env);
  return parsed;
}

export function requireAuthSecret(): string {
  const secret = serverEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: start the portal with `npm start`, which provides one.');
  return secret;
}

/** Cookies are Secure (and __Host- prefixed) when the portal is served over HTTPS. */
export function servedOverHttps(): boolean {
  return serverEnv().NEXTAUTH_URL?.startsWith('https://') ?? false;
}

export function requireDatabaseUrl(): string {
  const url = currentDatabaseUrls().app;
  if (!url) throw new Error('DATABASE_URL is not set: start the portal with `npm start`, which provides a database.');
  return url;
}

/**
 * The database URLs as they are now: scripts and test set-ups switch DATABASE_URL from an
 * administrator's to the application's role after provisioning, so these are not cached.
 */
export function currentDatabaseUrls(): { app?: string; migrate?: string; libpqPassword?: string } {
  return { app: process.env.DATABASE_URL || undefined, migrate: process.env.DATABASE_MIGRATE_URL || undefined, libpqPassword: process.env.PGPASSWORD || undefined };
}
