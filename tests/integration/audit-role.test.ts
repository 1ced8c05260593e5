import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { unsafeVerifyAuditChain } from '@/lib/server/audit/verify-chain';
import { db } from '@/lib/server/db';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from '@/lib/server/db/migrate';
import { roleNamesFor } from '@/lib/server/db/roles';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { createFreshDatabase } from '../support/test-database';

/*
 * The role the portal serves as cannot alter the audit trail: not through its privileges, not by
 * switching the triggers off, not by asking PostgreSQL to skip them (ADR 004).
 */

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const asAdmin = (sql: string) => withClient(process.env.TEST_ADMIN_DATABASE_URL!, (c) => c.query(sql));
const asApp = (sql: string) => withClient(process.env.DATABASE_URL!, (c) => c.query(sql));

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await recordStandaloneEvent({ action: 'test.role', outcome: 'SUCCESS' });
});

describe('the role the portal connects as', () => {
  it('is neither a superuser nor the owner of the tables, and cannot create in the schema', async () => {
    const [me] = await db().$queryRaw<{ role: string; super: boolean; owner: string; create: boolean }[]>`
      SELECT current_user AS role, r.rolsuper AS super, pg_get_userbyid(c.relowner) AS owner, has_schema_privilege('public', 'CREATE') AS create
        FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.relname = 'audit_events'`;
    expect(me!.super).toBe(false);
    expect(me!.owner).not.toBe(me!.role);
    expect(me!.create).toBe(false);
    expect(me!.role).toMatch(/_app$/);
  });

  it('appends to the trail and reads it', async () => {
    const before = await db().auditEvent.count();
    await recordStandaloneEvent({ action: 'test.role-append', outcome: 'SUCCESS' });
    expect(await db().auditEvent.count()).toBe(before + 1);
  });

  it('cannot UPDATE, DELETE or TRUNCATE the trail, switch or drop its triggers, or skip them', async () => {
    await expect(asApp(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/permission denied/);
    await expect(asApp('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
    await expect(asApp('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
    await expect(asApp('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only')).rejects.toThrow(/must be owner/);
    await expect(asApp('ALTER TABLE audit_events DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    await expect(asApp('DROP TRIGGER audit_events_append_only ON audit_events')).rejects.toThrow(/must be owner/);
    await expect(asApp('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(asApp(`SELECT setval(pg_get_serial_sequence('audit_events', 'seq'), 1)`)).rejects.toThrow(/permission denied/);
    await expect(asApp('CREATE TABLE audit_events_copy (LIKE audit_events)')).rejects.toThrow(/permission denied/);
    expect(await unsafeVerifyAuditChain()).toMatchObject({ ok: true });
  });

  it('is refused by its privileges alone, with the triggers switched off by a superuser', async () => {
    await asAdmin('ALTER TABLE audit_events DISABLE TRIGGER ALL');
    try {
      await withClient(process.env.DATABASE_URL!, async (app) => {
        await expect(app.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/permission denied/);
        await expect(app.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
        await expect(app.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
      });
    } finally {
      await asAdmin('ALTER TABLE audit_events ENABLE TRIGGER ALL');
    }
    expect(await unsafeVerifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe('db:migrate provisions the roles', () => {
  const adminUrl = inject('adminDatabaseUrl');
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase(adminUrl, 'isms_roles');
  });
  afterAll(async () => fresh?.drop());

  it('given an administrator’s URL: an owner that owns everything and an application role, named after the database', async () => {
    const migrated = await migrateDatabase({ databaseUrl: fresh.url, requireAppRole: true });
    const names = roleNamesFor(fresh.name);
    expect(migrated.roles).toEqual(names);
    expect(new URL(migrated.appUrl!).username).toBe(names.app);
    const owners = await withClient(fresh.url, (c) =>
      c.query<{ owner: string }>(`SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'S', 'i')`),
    );
    expect(owners.rows.map((r) => r.owner)).toEqual([names.owner]);
    // The application's URL works and reaches the trail read-and-append only.
    const privileges = await withClient(migrated.appUrl!, (c) =>
      c.query<{ p: string; has: boolean }>(`SELECT p, has_table_privilege('audit_events', p) AS has FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) p`),
    );
    expect(Object.fromEntries(privileges.rows.map((r) => [r.p, r.has]))).toEqual({ SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false, TRIGGER: false, REFERENCES: false });
  });

  it('tables a later migration creates are granted to the application role', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, '99991231000000_later_table'));
    await writeFile(path.join(dir, '99991231000000_later_table', 'migration.sql'), 'CREATE TABLE "later_table" ("id" SERIAL PRIMARY KEY, "note" TEXT);\n');
    const migrated = await migrateDatabase({ databaseUrl: fresh.url, migrationsDir: dir });
    expect(migrated.applied).toEqual(['99991231000000_later_table']);
    const rows = await withClient(migrated.appUrl!, async (c) => {
      await c.query(`INSERT INTO later_table (note) VALUES ('後から')`);
      return (await c.query<{ note: string }>('SELECT note FROM later_table')).rows;
    });
    expect(rows).toEqual([{ note: '後から' }]);
  });

  it('refuses to serve when the application role would be the owner', async () => {
    const names = roleNamesFor(fresh.name);
    const ownerOnly = new URL(fresh.url);
    ownerOnly.username = names.owner;
    const previous = { app: process.env.DATABASE_URL, migrate: process.env.DATABASE_MIGRATE_URL };
    delete process.env.DATABASE_MIGRATE_URL;
    try {
      await expect(migrateDatabase({ databaseUrl: ownerOnly.toString(), requireAppRole: true })).rejects.toThrow(/not separate from the owner/);
    } finally {
      process.env.DATABASE_URL = previous.app;
      process.env.DATABASE_MIGRATE_URL = previous.migrate;
    }
  });
});
