import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { databaseFacts, listPgTools, pickPgTool, serverMajorVersion } from '../../scripts/lib/pg-tools';
import { signInAs } from '../support/as-user';
import { createFreshDatabase } from '../support/test-database';

/*
 * `npm run db:backup` and `npm run db:restore` as an operator runs them: the restored copy in a
 * fresh database holds the same rows and an audit chain that verifies with the same head.
 */
const major = await serverMajorVersion(process.env.DATABASE_URL!);
const hasPgDump = listPgTools('pg_dump').some((t) => t.major >= major);

function npmScript(script: string, args: string[], databaseUrl: string, env: Record<string, string> = {}) {
  const result = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', script, ...args], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function factsOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await databaseFacts(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!hasPgDump)(`backup and restore (pg_dump ≥ ${major} needed)`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-backup-'));
  const archive = path.join(dir, 'portal.dump');
  let target: Awaited<ReturnType<typeof createFreshDatabase>>;

  beforeAll(async () => {
    await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
    await seedDatabase({ demoAccounts: true });
    await signInAs('demo-editor');
    const draft = await startDraft({ slug: 'sample-standard', abolition: false });
    await saveDraft({ slug: 'sample-standard', number: draft.number, baseVersion: 1, text: '第１ （目的）\nバックアップ前に保存した本文 ①' });
    for (let i = 0; i < 3; i += 1) await recordStandaloneEvent({ action: 'test.before-backup', outcome: 'SUCCESS', details: { i } });
    target = await createFreshDatabase(inject('adminDatabaseUrl'), 'isms_restored');
  });
  afterAll(async () => {
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with the same rows and a verifying chain with the same head', async () => {
    const backup = npmScript('scripts/db-backup.ts', ['--out', archive], process.env.DATABASE_URL!);
    expect(backup.output).toContain('作成しました');
    expect(backup.status).toBe(0);
    // Written after the backup: not in it.
    await recordStandaloneEvent({ action: 'test.after-backup', outcome: 'SUCCESS' });

    const restore = npmScript('scripts/db-restore.ts', [archive], target.url);
    expect(restore.output).toContain('異常なし');
    expect(restore.status).toBe(0);

    const original = await factsOf(process.env.DATABASE_URL!);
    const restored = await factsOf(target.url);
    expect(restored.counts.audit_events).toBe(original.counts.audit_events! - 1);
    expect({ ...restored.counts, audit_events: 0 }).toEqual({ ...original.counts, audit_events: 0 });
    expect(restored.counts.revisions).toBeGreaterThan(0);

    const head = restored.auditHead!;
    const verify = npmScript('scripts/audit-verify.ts', ['--expect-head', `${head.seq}:${head.hash}`], target.url);
    expect(verify.output).toContain(`head ${head.seq}:${head.hash}`);
    expect(verify.status).toBe(0);
    // The head is the last event before the backup, not the one written after it.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ seq: string }>(`SELECT seq::text AS seq FROM audit_events WHERE action = 'test.after-backup'`);
    await client.end();
    expect(BigInt(head.seq)).toBeLessThan(BigInt(rows[0]!.seq));
  });

  // The real pg_dump behind a watcher: the file its archive goes into (its --file or its standard
  // output) is looked at before it writes the first byte and after the last, before db:backup renames it.
  it.skipIf(process.platform !== 'linux')('keeps the archive readable by its owner only from its first byte', async () => {
    const bin = path.join(dir, 'watched-bin');
    mkdirSync(bin);
    const watcher = path.join(bin, 'pg_dump');
    writeFileSync(
      watcher,
      [
        '#!/bin/sh',
        '[ "$1" = --version ] && exec "$REAL_PG_DUMP" "$@"',
        'exec 3>&1',
        'observe() { t=/proc/$$/fd/3; for a in "$@"; do case "$a" in --file=*) t="${a#--file=}";; esac; done; if [ -e "$t" ]; then stat -L -c "%a %F" "$t"; else echo missing; fi; }',
        'observe "$@" >> "$OBSERVED"',
        '"$REAL_PG_DUMP" "$@"; status=$?',
        'observe "$@" >> "$OBSERVED"',
        'exit $status',
        '',
      ].join('\n'),
    );
    chmodSync(watcher, 0o755);
    const observed = path.join(dir, 'observed.txt');
    const out = path.join(dir, 'private', 'portal.dump');
    const backup = npmScript('scripts/db-backup.ts', ['--out', out], process.env.DATABASE_URL!, {
      PORTAL_PG_BIN_DIR: bin,
      REAL_PG_DUMP: pickPgTool('pg_dump', major, 'test').path,
      OBSERVED: observed,
    });
    expect(backup.output).toContain('作成しました');
    expect(backup.status).toBe(0);
    expect(readFileSync(observed, 'utf8').trim().split('\n')).toEqual(['600 regular empty file', '600 regular file']);
    const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
    expect([mode(out), mode(`${out}.json`), mode(path.dirname(out))]).toEqual(['600', '600', '700']);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('refuses to overwrite a database that holds tables unless told to, and then replaces it whole', async () => {
    const restored = await factsOf(target.url);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(`CREATE TABLE stray (note text); INSERT INTO stray VALUES ('復元後に追加'); INSERT INTO departments (id, code, name) VALUES (gen_random_uuid(), 'stray', '追加された部')`);
    await client.end();
    const changed = await factsOf(target.url);

    const refused = npmScript('scripts/db-restore.ts', [archive], target.url);
    expect(refused.output).toContain('--force');
    expect(refused.status).toBe(2);
    expect(await factsOf(target.url)).toEqual(changed);

    const forced = npmScript('scripts/db-restore.ts', [archive, '--force'], target.url);
    expect(forced.output).toContain('一致しました');
    expect(forced.status).toBe(0);
    expect(await factsOf(target.url)).toEqual(restored);
  });

  it('leaves the database as it was when the archive cannot be applied', async () => {
    const broken = path.join(dir, 'broken.dump');
    const bytes = readFileSync(archive);
    writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = await factsOf(target.url);
    const result = npmScript('scripts/db-restore.ts', [broken, '--force'], target.url);
    expect(result.status).not.toBe(0);
    expect(await factsOf(target.url)).toEqual(before);
  });
});
