/*
 * Fresh databases for tests: on the server named by DATABASE_URL (CI: the machine's
 * PostgreSQL), or on an embedded PostgreSQL when none is set. Every run gets its own database.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { roleNamesFor } from '@/lib/server/db/roles';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres';

export interface TTestServer {
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function startTestServer(): Promise<TTestServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { adminUrl: configured, stop: async () => undefined };
  const port = 55000 + Math.floor(Math.random() * 5000);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `isms-portal-test-pg-${process.pid}`),
    port,
    database: 'postgres',
  });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}

export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createFreshDatabase(adminUrl: string, prefix = 'isms_test'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  return {
    url: withDatabaseName(adminUrl, name),
    name,
    drop: () => dropDatabase(adminUrl, name),
  };
}

/** The database and the owner and application roles a migration provisioned for it (roles are cluster-wide). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const roles = roleNamesFor(name);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `DROP ROLE IF EXISTS "${roles.app}"; DROP ROLE IF EXISTS "${roles.owner}"`);
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
