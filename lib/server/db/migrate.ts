import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runDataMigrations, type TDataMigrateResult } from '@/lib/server/db/data-migrations/run';
import type { TDataMigration } from '@/lib/server/db/data-migrations/types';
import { grantApplicationRole, isSuperuser, provisionDatabaseRoles, roleOf, roleStanding, type TDatabaseRoles } from '@/lib/server/db/roles';
import { currentDatabaseUrls } from '@/lib/server/env';

/*
 * Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's native
 * schema engine (which cannot be downloaded on our machines): in name order, each in its own
 * transaction, under an advisory lock, recorded in _prisma_migrations with the same checksum
 * (SHA-256 of migration.sql), so either tool can take over from the other.
 *
 * Who migrates (ADR 004): the owner of the tables. Given an administrator's (superuser's) URL,
 * the runner first provisions the database's owner and application roles (lib/server/db/roles.ts)
 * and migrates as the owner (SET ROLE); given the owner's URL, it migrates as it is. Either way
 * the application's role then gets its privileges: SELECT and INSERT only on the audit trail.
 *
 * After the SQL migrations, under the same lock and as the same owner, the data migrations written
 * in TypeScript (lib/server/db/data-migrations, ADR 014) run in name order, each recorded in
 * data_migrations once it has finished.
 */

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Prisma's own advisory lock key for migrations (72707369 = "prsi"), so that our runner and
// `prisma migrate deploy` never run at the same time against one database.
const MIGRATION_LOCK_KEY = 72707369;

export interface TMigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface TMigrateResult {
  applied: string[];
  alreadyApplied: string[];
  /** the owner and application roles, when known (null: the URL's role migrated and no application role was named) */
  roles: TDatabaseRoles | null;
  /** the application's URL, when this run provisioned the roles from an administrator's URL */
  appUrl: string | null;
  /** the data migrations (ADR 014) this run applied, found applied, or left waiting for their SQL migration */
  data: TDataMigrateResult;
}

export class MigrationRoleError extends Error {}

/**
 * The URL migrations run on: the one given, except that the application's own URL (DATABASE_URL
 * when DATABASE_MIGRATE_URL is set) names the database whose owner migrates it.
 */
export function migrationUrl(given: string): string {
  const { app, migrate } = currentDatabaseUrls();
  return migrate && given === app && sameDatabase(migrate, given) ? migrate : given;
}

function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || '5432') === (y.port || '5432') && x.pathname === y.pathname;
}

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<TMigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql, 'utf8').digest('hex') };
    }),
  );
}

/**
 * The owner and application roles of the database the client is connected to: provisioned when
 * the client is a superuser's (then appUrl is the application's URL), otherwise the client's role
 * is the owner and the application's is named by the options or by DATABASE_URL.
 */
async function prepareRoles(client: pg.Client, url: string, options: { appRole?: string; requireAppRole?: boolean }): Promise<{ roles: TDatabaseRoles | null; appUrl: string | null }> {
  if (await isSuperuser(client)) {
    const provisioned = await provisionDatabaseRoles(client, url);
    return { roles: { owner: provisioned.owner, app: provisioned.app }, appUrl: provisioned.appUrl };
  }
  const configured = currentDatabaseUrls();
  const app = options.appRole ?? (configured.migrate && configured.app && sameDatabase(configured.app, url) ? roleOf(configured.app) : undefined);
  const owner = roleOf(url);
  if (app && app !== owner) {
    const standing = await roleStanding(client, app);
    if (options.requireAppRole && (!standing.exists || standing.superuser || standing.ownsTrail)) {
      throw new MigrationRoleError(
        `The application's database role ${app} (DATABASE_URL) ${!standing.exists ? 'does not exist' : standing.superuser ? 'is a superuser' : 'owns the tables'}: it must be a plain role that can log in (README, "Database roles").`,
      );
    }
    return { roles: { owner, app }, appUrl: null };
  }
  if (options.requireAppRole) {
    throw new MigrationRoleError(
      `The application's database role is not separate from the owner (${owner}). Give DATABASE_URL the application's role and DATABASE_MIGRATE_URL the owner's (README, "Database roles"), or an administrator's DATABASE_URL to provision both.`,
    );
  }
  return { roles: null, appUrl: null };
}

/** After a restore (objects owned by whoever restored them, no grants): the roles' ownership and privileges again. */
export async function reapplyDatabaseRoles(options: { databaseUrl: string }): Promise<TDatabaseRoles | null> {
  const url = migrationUrl(options.databaseUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const { roles } = await prepareRoles(client, url, {});
    if (roles) await grantApplicationRole(client, roles);
    return roles;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export async function migrateDatabase(options: {
  databaseUrl: string;
  migrationsDir?: string;
  /** the application's role when migrating as the owner (default: DATABASE_URL's when DATABASE_MIGRATE_URL is set) */
  appRole?: string;
  /** refuse to migrate when no application role separate from the owner can be named (npm start, db:migrate) */
  requireAppRole?: boolean;
  /** the data migrations to run (default: all of lib/server/db/data-migrations) */
  dataMigrations?: readonly TDataMigration[];
  /** progress of long data migrations */
  log?: (message: string) => void;
}): Promise<TMigrateResult> {
  const migrations = await readMigrations(options.migrationsDir);
  const url = migrationUrl(options.databaseUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const { roles, appUrl } = await prepareRoles(client, url, options);
    // Everything below is created by, and belongs to, the owner.
    if (appUrl && roles) await client.query(`SET ROLE ${pg.escapeIdentifier(roles.owner)}`);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new Error(`Migration ${failed.migration_name} started earlier and did not finish; resolve it before migrating again.`);
    }

    const result: TMigrateResult = { applied: [], alreadyApplied: [], roles, appUrl, data: { applied: [], alreadyApplied: [], waiting: [] } };
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs). Landed migrations are never edited: add a new one.`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      result.applied.push(migration.name);
    }
    result.data = await runDataMigrations(client, {
      appliedSql: new Set([...result.alreadyApplied, ...result.applied]),
      ...(options.dataMigrations ? { migrations: options.dataMigrations } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    if (roles) await grantApplicationRole(client, roles);
    return result;
  } finally {
    await client.query('RESET ROLE').catch(() => undefined);
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
