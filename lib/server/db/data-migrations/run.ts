import 'server-only';
import type pg from 'pg';
import { eventHash, GENESIS_HASH, type TChainedFields } from '@/lib/server/audit/chain';
import { AUDIT_CHAIN_LOCK_KEY } from '@/lib/server/audit/chain-lock';
import { DATA_MIGRATIONS } from '@/lib/server/db/data-migrations';
import type { TDataMigration } from '@/lib/server/db/data-migrations/types';

/** Who the audit trail names for a data migration: the runner, not a person. */
export const DATA_MIGRATION_ACTOR = 'system:migrate';

export interface TDataMigrateResult {
  applied: string[];
  alreadyApplied: string[];
  /** waiting for the SQL migration they need (a migrations directory older than the code) */
  waiting: string[];
}

/**
 * Appends the event the way recordEvent does (lib/server/audit/record-event.ts): under the chain
 * lock, after the head, its hash over the previous hash and the canonical event. Inside the
 * caller's transaction.
 */
async function appendAuditEvent(client: pg.Client, input: { action: string; details: Record<string, unknown> }): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
  const head = await client.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const seq = (await client.query<{ seq: string }>(`SELECT nextval(pg_get_serial_sequence('audit_events', 'seq'))::text AS seq`)).rows[0]!.seq;
  const fields: TChainedFields = {
    seq: BigInt(seq),
    occurredAt: new Date(),
    actorId: null,
    actorLoginId: DATA_MIGRATION_ACTOR,
    actorRoles: [],
    actorDepartment: null,
    action: input.action,
    targetType: null,
    targetId: null,
    outcome: 'SUCCESS',
    clientAddress: null,
    userAgent: null,
    requestId: null,
    details: JSON.parse(JSON.stringify(input.details)) as unknown,
  };
  const prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
  await client.query(
    `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_login_id, actor_roles, actor_department, action, target_type, target_id, outcome, client_address, user_agent, request_id, details, prev_hash, hash)
     VALUES ($1, $2, NULL, $3, '{}', NULL, $4, NULL, NULL, 'SUCCESS', NULL, NULL, NULL, $5, $6, $7)`,
    [seq, fields.occurredAt, DATA_MIGRATION_ACTOR, input.action, JSON.stringify(fields.details), prevHash, eventHash(prevHash, fields)],
  );
}

/**
 * Runs the data migrations not yet recorded, in name order, each once the SQL migration it needs
 * has been applied. The caller holds the migration lock and acts as the tables' owner. A failing
 * migration throws (and is not recorded); what it committed before failing is a state the
 * application reads and the next run completes.
 */
export async function runDataMigrations(
  client: pg.Client,
  options: { appliedSql: ReadonlySet<string>; migrations?: readonly TDataMigration[]; log?: (message: string) => void },
): Promise<TDataMigrateResult> {
  const result: TDataMigrateResult = { applied: [], alreadyApplied: [], waiting: [] };
  const migrations = [...(options.migrations ?? DATA_MIGRATIONS)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ready = migrations.filter((m) => options.appliedSql.has(m.after));
  result.waiting = migrations.filter((m) => !options.appliedSql.has(m.after)).map((m) => m.name);
  if (ready.length === 0) return result;
  const done = new Set((await client.query<{ name: string }>('SELECT name FROM data_migrations')).rows.map((r) => r.name));
  const log = options.log ?? (() => undefined);
  for (const migration of ready) {
    if (done.has(migration.name)) {
      result.alreadyApplied.push(migration.name);
      continue;
    }
    let outcome;
    try {
      outcome = await migration.run({ client, name: migration.name, log });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new Error(`Data migration ${migration.name} failed: ${(error as Error).message}`);
    }
    await client.query('BEGIN');
    try {
      await client.query('INSERT INTO data_migrations (name, summary) VALUES ($1, $2)', [migration.name, JSON.stringify(outcome.summary)]);
      if (outcome.changed > 0) await appendAuditEvent(client, { action: 'data.migrate', details: { migration: migration.name, changed: outcome.changed, ...outcome.summary } });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`Data migration ${migration.name} could not be recorded: ${(error as Error).message}`);
    }
    result.applied.push(migration.name);
  }
  return result;
}
