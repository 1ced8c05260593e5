/*
 * Which PostgreSQL a command talks to: the server in DATABASE_URL when it is set, otherwise
 * the embedded one in .data/ (started for the command and stopped after it).
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { startEmbeddedPostgres, type TEmbeddedDatabase } from './embedded-postgres';

// The same .env that Next.js reads, so the scripts and the server agree on the database.
if (existsSync('.env')) process.loadEnvFile('.env');

export const EMBEDDED_DATA_DIR = path.join(process.cwd(), '.data', 'postgres');
export const EMBEDDED_PORT = Number(process.env.PORTAL_EMBEDDED_PG_PORT ?? 54329);
export const EMBEDDED_DATABASE = 'isms_portal';

export interface TDatabaseHandle {
  url: string;
  embedded: TEmbeddedDatabase | null;
  close: () => Promise<void>;
}

export async function openDatabase(log: (line: string) => void = () => undefined): Promise<TDatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: null, close: async () => undefined };
  log(`組み込み PostgreSQL を起動します（データ: ${path.relative(process.cwd(), EMBEDDED_DATA_DIR)}、ポート ${EMBEDDED_PORT}）`);
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT, database: EMBEDDED_DATABASE });
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}

export async function withDatabase<T>(fn: (url: string) => Promise<T>, log?: (line: string) => void): Promise<T> {
  const handle = await openDatabase(log);
  try {
    return await fn(handle.url);
  } finally {
    await handle.close();
  }
}
