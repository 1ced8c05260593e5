import 'server-only';
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { currentDatabaseUrls } from '@/lib/server/env';

/*
 * The two database roles of a portal database (ADR 004, "The application's role"):
 *   - the owner runs the migrations and owns every table, function and type;
 *   - the application's role has only what the portal needs: SELECT and INSERT on the audit
 *     trail, reads and writes elsewhere; not a superuser, not an owner, no CREATE on the schema,
 *     so it can neither alter the trail nor switch its triggers off.
 * Roles are cluster-wide while tests create many databases on one server: when the portal is
 * given an administrator's URL (the embedded PostgreSQL, tests, CI), both roles are named after
 * the database (`<database>_owner`, `<database>_app`) and their passwords are derived from the
 * administrator's password, so that every process handed that URL arrives at the same roles.
 */

export interface TDatabaseRoles {
  owner: string;
  app: string;
}

export interface TProvisionedRoles extends TDatabaseRoles {
  ownerUrl: string;
  appUrl: string;
}

const MAX_IDENTIFIER = 63;

/** The role names for a database: readable, unique per database, within PostgreSQL's 63 bytes. */
export function roleNamesFor(database: string): TDatabaseRoles {
  const base = /^[a-z_][a-z0-9_]*$/.test(database) && database.length <= MAX_IDENTIFIER - 6 ? database : `portal_${createHmac('sha256', 'role-name').update(database).digest('hex').slice(0, 16)}`;
  return { owner: `${base}_owner`, app: `${base}_app` };
}

/** A password only those who hold the administrator's password can work out. */
export function derivedRolePassword(adminUrl: string, role: string): string {
  const u = new URL(adminUrl);
  const secret = decodeURIComponent(u.password) || currentDatabaseUrls().libpqPassword || '';
  return createHmac('sha256', `isms-portal-role-password\n${secret}`).update(role).digest('base64url');
}

/** The application's URL for a database whose roles were provisioned from this administrator's URL (bench, fault runs). */
export function applicationUrlFor(adminDatabaseUrl: string): string {
  const { app } = roleNamesFor(decodeURIComponent(new URL(adminDatabaseUrl).pathname.slice(1)));
  return urlAs(adminDatabaseUrl, app, derivedRolePassword(adminDatabaseUrl, app));
}

export function urlAs(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

const id = (name: string) => pg.escapeIdentifier(name);
const literal = (value: string) => pg.escapeLiteral(value);

export async function isSuperuser(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ super: boolean }>('SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user');
  return rows[0]?.super === true;
}

/**
 * As a superuser connected to the portal's database: creates (or brings up to date) its owner and
 * application roles, and hands every object of the public schema to the owner. Idempotent; the
 * caller holds the migration lock, so two runs never race on one database's roles.
 */
export async function provisionDatabaseRoles(client: pg.Client, adminUrl: string): Promise<TProvisionedRoles> {
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  const database = rows[0]!.db;
  const roles = roleNamesFor(database);
  const passwords = { owner: derivedRolePassword(adminUrl, roles.owner), app: derivedRolePassword(adminUrl, roles.app) };
  for (const kind of ['owner', 'app'] as const) {
    const name = roles[kind];
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount;
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD ${literal(passwords[kind])}`;
    await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${id(name)} ${exists ? 'WITH ' : ''}${attributes}`);
    await client.query(`GRANT CONNECT ON DATABASE ${id(database)} TO ${id(name)}`);
  }
  // Nobody but the owner creates objects in the schema (PostgreSQL 15 and later already default to this).
  await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${id(roles.owner)}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${id(roles.app)}`);
  await transferOwnership(client, roles.owner);
  return { ...roles, ownerUrl: urlAs(adminUrl, roles.owner, passwords.owner), appUrl: urlAs(adminUrl, roles.app, passwords.app) };
}

/** Objects made before the roles existed (or by a restore) go to the owner: tables, then what they do not carry along. */
async function transferOwnership(client: pg.Client, owner: string): Promise<void> {
  const { rows: relations } = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND pg_get_userbyid(c.relowner) <> $1
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
      ORDER BY c.relkind = 'S', c.relname`,
    [owner],
  );
  const statement: Record<string, string> = { r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };
  for (const r of relations) await client.query(`ALTER ${statement[r.kind]} public.${id(r.name)} OWNER TO ${id(owner)}`);
  const { rows: functions } = await client.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1 AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    [owner],
  );
  for (const f of functions) await client.query(`ALTER ROUTINE ${f.signature} OWNER TO ${id(owner)}`);
  const { rows: types } = await client.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND pg_get_userbyid(t.typowner) <> $1
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')`,
    [owner],
  );
  for (const t of types) await client.query(`ALTER TYPE public.${id(t.name)} OWNER TO ${id(owner)}`);
}

/** Tables the application may read and append to, never change: the audit trail. */
export const APPEND_ONLY_TABLES = ['acknowledgments', 'audit_events'] as const;
/** Tables the application only reads: the migrations' records and the texts a data migration kept. */
export const READ_ONLY_TABLES = ['_prisma_migrations', 'data_migrations', 'revision_legacy_contents'] as const;

/**
 * As the owner (or a superuser acting as it, SET ROLE): the application's privileges on every
 * table and sequence there is, and by default on those later migrations create.
 */
export async function grantApplicationRole(client: pg.Client, roles: TDatabaseRoles): Promise<void> {
  if (roles.app === roles.owner) throw new Error(`The application's role (${roles.app}) must not be the owner of the tables.`);
  const app = id(roles.app);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${app}`);
  // (a table a later migration creates is not there yet on a database migrated part of the way)
  const present = async (tables: readonly string[]) =>
    (await client.query<{ name: string }>(`SELECT t AS name FROM unnest($1::text[]) t WHERE to_regclass('public.' || quote_ident(t)) IS NOT NULL`, [tables])).rows.map((r) => r.name);
  for (const table of await present(APPEND_ONLY_TABLES)) await client.query(`REVOKE UPDATE, DELETE ON public.${id(table)} FROM ${app}`);
  for (const table of await present(READ_ONLY_TABLES)) await client.query(`REVOKE INSERT, UPDATE, DELETE ON public.${id(table)} FROM ${app}`);
  // nextval() for inserts; no UPDATE, which would allow setval() on the trail's sequence.
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  await client.query(`REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
  await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(roles.owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
  await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(roles.owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
}

/** What a database role may do that the application's must not: for a refusal with a clear reason. */
export async function roleStanding(client: pg.Client, role: string): Promise<{ exists: boolean; superuser: boolean; ownsTrail: boolean }> {
  const { rows } = await client.query<{ super: boolean; owns: boolean }>(
    `SELECT r.rolsuper AS super, EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'audit_events' AND c.relnamespace = 'public'::regnamespace AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owns
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  return { exists: rows.length > 0, superuser: rows[0]?.super ?? false, ownsTrail: rows[0]?.owns ?? false };
}
