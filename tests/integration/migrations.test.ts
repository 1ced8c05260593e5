import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase, readMigrations } from '@/lib/server/db/migrate';
import { createFreshDatabase } from '../support/test-database';

const adminUrl = inject('adminDatabaseUrl');

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('db:migrate', () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase(adminUrl, 'isms_migrate');
  });
  afterAll(async () => fresh?.drop());

  it('applies every migration once and records it as Prisma does', async () => {
    const files = await readMigrations();
    const first = await migrateDatabase({ databaseUrl: fresh.url });
    expect(first.applied).toEqual(files.map((f) => f.name));

    const second = await migrateDatabase({ databaseUrl: fresh.url });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((f) => f.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      fresh.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    for (const [i, file] of files.entries()) {
      const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, file.name, 'migration.sql'));
      expect(rows[i]?.migration_name).toBe(file.name);
      expect(rows[i]?.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(rows[i]?.finished_at).not.toBeNull();
    }
  });

  it('serialises concurrent runs under the advisory lock', async () => {
    const db = await createFreshDatabase(adminUrl, 'isms_migrate_race');
    try {
      const results = await Promise.all([migrateDatabase({ databaseUrl: db.url }), migrateDatabase({ databaseUrl: db.url }), migrateDatabase({ databaseUrl: db.url })]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, (await readMigrations()).length]);
      const [{ n }] = (await query<{ n: string }>(db.url, 'SELECT count(*) AS n FROM "_prisma_migrations"')) as [{ n: string }];
      expect(Number(n)).toBe((await readMigrations()).length);
    } finally {
      await db.drop();
    }
  });

  it('refuses a landed migration that was edited afterwards', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    const [firstMigration] = await readMigrations(dir);
    await writeFile(path.join(dir, firstMigration!.name, 'migration.sql'), firstMigration!.sql + '\n-- edited\n');
    await expect(migrateDatabase({ databaseUrl: fresh.url, migrationsDir: dir })).rejects.toThrow(/checksum differs/);
  });

  it('rolls a failing migration back whole and records nothing', async () => {
    const db = await createFreshDatabase(adminUrl, 'isms_migrate_fail');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const broken = path.join(dir, '99991231000000_broken');
      await (await import('node:fs/promises')).mkdir(broken);
      await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n');
      await expect(migrateDatabase({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/99991231000000_broken failed/);
      const tables = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM pg_tables WHERE tablename = 'half_done'`);
      expect(tables[0]?.n).toBe('0');
      const recorded = await query<{ migration_name: string }>(db.url, 'SELECT migration_name FROM "_prisma_migrations"');
      expect(recorded.map((r) => r.migration_name)).not.toContain('99991231000000_broken');
    } finally {
      await db.drop();
    }
  });
});
