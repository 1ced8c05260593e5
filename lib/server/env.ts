import 'server-only';
import { z } from 'zod';

/*
 * The one place that reads process.env. Everything else asks for `serverEnv()`.
 * Parsed lazily so that importing a server module never fails at build time.
 */
const ZServerEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** ISO date used as "today" instead of the clock; for demos and tests only */
  PORTAL_FIXED_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

let parsed: TServerEnv | undefined;

export function serverEnv(): TServerEnv {
  parsed ??= ZServerEnv.parse(process.env);
  return parsed;
}

export function requireDatabaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the portal with `npm start`, which provides a database.');
  return url;
}
