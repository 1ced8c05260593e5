/*
 * The data migration of issue 16 (docs/decisions/014): a database holding revisions as wave 1
 * stored them (the three-level tree of today's parser, its canonical text and hash) is migrated;
 * afterwards every revision holds the deep tree, every anchor it had still resolves (in the stored
 * tree and through the revision JSON API), the old JSON is kept, and a second run changes nothing.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getRevision } from '@/app/api/v1/documents/[slug]/revisions/[n]/route';
import { deepTreeFromLegacy, legacyAnchors } from '@/lib/policy-text/deep/from-legacy';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { DEEP_TREE_VERSION, ZDeepTree, collectAnchors } from '@/lib/policy-text/deep/tree';
import { parsePolicyText } from '@/lib/policy-text/parse';
import { serializePolicyText } from '@/lib/policy-text/serialize';
import type { TPolicyTree } from '@/lib/policy-text/tree';
import { unsafeVerifyAuditChain } from '@/lib/server/audit/verify-chain';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from '@/lib/server/db/migrate';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { deepRevisionContent, deepRevisionContentMigration } from '@/lib/server/db/data-migrations/deep-revision-content';
import { collectIds } from '../support/policy-tree';
import { signInAs } from '../support/as-user';

const MINE = '20261206100000';
const ROOT = process.cwd();
const DEEP_FIXTURES = path.join(ROOT, 'tests/fixtures/deep');

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function legacyTree(text: string): TPolicyTree | null {
  const parsed = parsePolicyText(text);
  return parsed.ok ? parsed.tree : null;
}

interface TOldRow {
  slug: string;
  number: number;
  status: 'APPROVED' | 'DRAFT' | 'IN_REVIEW' | 'REJECTED' | 'WITHDRAWN';
  tree: TPolicyTree;
  effectiveDate?: string;
  rebaseConflict?: unknown;
}

const documents = [
  { slug: 'old-basic', kind: 'BASIC_POLICY', visibility: 'PUBLIC', title: '旧基本方針' },
  { slug: 'old-standard', kind: 'STANDARD', visibility: 'STAFF', title: '旧対策基準' },
  { slug: 'old-procedure', kind: 'PROCEDURE', visibility: 'RESTRICTED', title: '旧実施手順' },
  { slug: 'old-fixtures', kind: 'STANDARD', visibility: 'STAFF', title: '旧形式の例' },
];
const rows: TOldRow[] = [];
/** anchors per `${slug}/${number}` before the migration */
const before = new Map<string, string[]>();
const originals = new Map<string, { content: TPolicyTree; plainText: string; contentHash: string }>();
let dir: string;

beforeAll(async () => {
  // The SQL migrations up to before this issue's, as a wave-1 database has them.
  dir = await mkdtemp(path.join(os.tmpdir(), 'deep-migration-'));
  for (const name of await readdir(DEFAULT_MIGRATIONS_DIR)) {
    if (name < MINE || !/^\d/.test(name)) await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  const partial = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL!, migrationsDir: dir });
  expect(partial.data.waiting).toContain(deepRevisionContent.name);

  const sample = async (file: string) => legacyTree(await readFile(path.join(ROOT, 'prisma/seed-data', file), 'utf8'))!;
  const [basic, v1, v2, media1, media2, password] = await Promise.all(
    ['fuchu-information-security-basic-policy.txt', 'samples/standard-v1.txt', 'samples/standard-v2.txt', 'samples/procedure-media-v1.txt', 'samples/procedure-media-v2.txt', 'samples/procedure-password-v1.txt'].map(sample),
  );
  rows.push(
    { slug: 'old-basic', number: 1, status: 'APPROVED', tree: basic!, effectiveDate: '2022-05-26' },
    { slug: 'old-standard', number: 1, status: 'APPROVED', tree: v1!, effectiveDate: '2021-04-01' },
    { slug: 'old-standard', number: 2, status: 'APPROVED', tree: v2!, effectiveDate: '2024-04-01' },
    { slug: 'old-standard', number: 3, status: 'DRAFT', tree: v2!, rebaseConflict: { scheduled: { number: 2, edition: 2, effectiveDate: '2024-04-01' }, ours: serializePolicyText(v1!), theirs: serializePolicyText(v2!), merged: '<<<<<<<', regions: 1 } },
    { slug: 'old-standard', number: 4, status: 'WITHDRAWN', tree: v1! },
    { slug: 'old-procedure', number: 1, status: 'APPROVED', tree: media1!, effectiveDate: '2022-04-01' },
    { slug: 'old-procedure', number: 2, status: 'IN_REVIEW', tree: media2!, effectiveDate: '2099-04-01' },
    { slug: 'old-procedure', number: 3, status: 'REJECTED', tree: password! },
  );
  // Every fixture of the deep corpus the old parser reads, as an approved revision of its own.
  let n = 0;
  for (const file of (await readdir(DEEP_FIXTURES)).filter((f) => f.endsWith('.txt')).sort()) {
    const tree = legacyTree(await readFile(path.join(DEEP_FIXTURES, file), 'utf8'));
    if (tree) rows.push({ slug: 'old-fixtures', number: ++n, status: 'APPROVED', tree, effectiveDate: `${2000 + n}-04-01` });
  }

  await withAdmin(async (client) => {
    const editor = (await client.query<{ id: string }>(`INSERT INTO users (id, login_id, display_name, roles) VALUES (gen_random_uuid(), 'old-editor', '旧編集者', ARRAY['STAFF', 'EDITOR']::"Role"[]) RETURNING id`)).rows[0]!.id;
    const ids = new Map<string, string>();
    for (const d of documents) {
      ids.set(d.slug, (await client.query<{ id: string }>(`INSERT INTO documents (id, slug, kind, title, visibility, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`, [d.slug, d.kind, d.title, d.visibility])).rows[0]!.id);
    }
    for (const row of rows) {
      const plainText = serializePolicyText(row.tree);
      await client.query(
        `INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash, effective_date, draft_text, created_by_id, submitted_by_id, rebase_conflict, approved_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          ids.get(row.slug),
          row.number,
          row.status,
          JSON.stringify(row.tree),
          plainText,
          sha256(plainText),
          row.effectiveDate ?? null,
          row.status === 'DRAFT' ? plainText : null,
          editor,
          row.status === 'IN_REVIEW' ? editor : null,
          row.rebaseConflict ? JSON.stringify(row.rebaseConflict) : null,
          row.status === 'APPROVED' ? new Date() : null,
        ],
      );
      before.set(`${row.slug}/${row.number}`, legacyAnchors(row.tree));
      originals.set(`${row.slug}/${row.number}`, { content: row.tree, plainText, contentHash: sha256(plainText) });
    }
    // Their places in the chain, as the chain migration numbered them.
    await client.query(`WITH chain AS (
        SELECT id, row_number() OVER (PARTITION BY document_id ORDER BY effective_date) AS edition, lag(id) OVER (PARTITION BY document_id ORDER BY effective_date) AS previous
        FROM revisions WHERE status = 'APPROVED')
      UPDATE revisions r SET edition = chain.edition, amends_revision_id = chain.previous FROM chain WHERE r.id = chain.id`);
    await client.query(`UPDATE revisions SET base_revision_id = (SELECT id FROM revisions b WHERE b.number = 2 AND b.document_id = revisions.document_id) WHERE number = 3 AND status = 'DRAFT'`);
  });
  expect(rows.filter((r) => r.slug === 'old-fixtures').length).toBeGreaterThanOrEqual(5);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function storedRows() {
  return withAdmin(async (client) =>
    (
      await client.query<{ slug: string; number: number; status: string; content: unknown; plain_text: string; content_hash: string; rebase_conflict: unknown; legacy: unknown; legacy_plain_text: string | null; legacy_hash: string | null }>(
        `SELECT d.slug, r.number, r.status::text AS status, r.content, r.plain_text, r.content_hash, r.rebase_conflict,
                l.content AS legacy, l.plain_text AS legacy_plain_text, l.content_hash AS legacy_hash
           FROM revisions r JOIN documents d ON d.id = r.document_id LEFT JOIN revision_legacy_contents l ON l.revision_id = r.id
          ORDER BY d.slug, r.number`,
      )
    ).rows,
  );
}

describe('the deep-tree data migration', () => {
  it('converts every stored revision, of every status, keeping every anchor and the old JSON', async () => {
    const migrated = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
    expect(migrated.applied).toContain(`${MINE}_data_migrations`);
    expect(migrated.data.applied).toEqual([deepRevisionContent.name]);

    const stored = await storedRows();
    expect(stored).toHaveLength(rows.length);
    expect(new Set(stored.map((r) => r.status))).toEqual(new Set(['APPROVED', 'DRAFT', 'IN_REVIEW', 'REJECTED', 'WITHDRAWN']));
    for (const row of stored) {
      const key = `${row.slug}/${row.number}`;
      expect((row.content as { version?: number }).version, key).toBe(DEEP_TREE_VERSION);
      const tree = ZDeepTree.parse(row.content);
      const after = new Set(collectAnchors(tree));
      const old = before.get(key)!;
      expect(old.length, key).toBeGreaterThan(0);
      expect([key, old.filter((anchor) => !after.has(anchor))]).toEqual([key, []]);
      // the row's text columns now derive from the deep tree
      expect(row.content_hash).toBe(sha256(row.plain_text));
      // nothing stored is lost
      const original = originals.get(key)!;
      expect(row.legacy).toEqual(original.content);
      expect(row.legacy_plain_text).toBe(original.plainText);
      expect(row.legacy_hash).toBe(original.contentHash);
    }
    // the conflict record holds texts, which stay as they were
    expect(stored.find((r) => r.slug === 'old-standard' && r.number === 3)!.rebase_conflict).toMatchObject({ regions: 1, merged: '<<<<<<<' });
  });

  it('resolves every old anchor when each revision is read through the revision JSON API', async () => {
    await signInAs('old-editor');
    for (const row of rows) {
      const response = await getRevision(new Request(`http://localhost/api/v1/documents/${row.slug}/revisions/${row.number}`), { params: Promise.resolve({ slug: row.slug, n: String(row.number) }) });
      expect(response.status, `${row.slug}/${row.number}`).toBe(200);
      const body = (await response.json()) as { tree: unknown };
      const ids = new Set(collectIds(body.tree));
      const old = before.get(`${row.slug}/${row.number}`)!;
      expect([row.slug, row.number, old.filter((anchor) => !ids.has(anchor))]).toEqual([row.slug, row.number, []]);
    }
  });

  it('recognises the same text imported again by its new hash (the seed and npm run import stay idempotent)', async () => {
    const text = await readFile(path.join(ROOT, 'prisma/seed-data/fuchu-information-security-basic-policy.txt'), 'utf8');
    expect(await unsafeImportRevision({ slug: 'old-basic', kind: 'BASIC_POLICY', text })).toMatchObject({ created: false, revisionNumber: 1 });
    const standard = await readFile(path.join(ROOT, 'prisma/seed-data/samples/standard-v2.txt'), 'utf8');
    expect(await unsafeImportRevision({ slug: 'old-standard', kind: 'STANDARD', text: standard, effectiveDate: '2024-04-01' })).toMatchObject({ created: false, revisionNumber: 2 });
  });

  it('records itself once in the audit trail, whose chain still verifies', async () => {
    const events = await withAdmin(async (client) => (await client.query<{ action: string; actor_login_id: string; details: { migration: string; revisions: number } }>(`SELECT action, actor_login_id, details FROM audit_events WHERE action = 'data.migrate'`)).rows);
    expect(events).toEqual([{ action: 'data.migrate', actor_login_id: 'system:migrate', details: expect.objectContaining({ migration: deepRevisionContent.name, revisions: rows.length }) }]);
    expect(await unsafeVerifyAuditChain()).toMatchObject({ ok: true });
  });

  it('changes nothing when run again, even with its record gone', async () => {
    const first = await storedRows();
    const again = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
    expect(again.applied).toEqual([]);
    expect(again.data).toMatchObject({ applied: [], alreadyApplied: [deepRevisionContent.name] });
    // forced: the migration itself skips rows already in the deep form
    await withAdmin((client) => client.query('DELETE FROM data_migrations'));
    const forced = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
    expect(forced.data.applied).toEqual([deepRevisionContent.name]);
    expect(await storedRows()).toEqual(first);
    const events = await withAdmin(async (client) => (await client.query(`SELECT 1 FROM audit_events WHERE action = 'data.migrate'`)).rowCount);
    expect(events).toBe(1);
  });

  it('aborts with nothing written when a conversion would lose an anchor, and converts once it would not', async () => {
    // Two revisions in the old form again (a backup restored from before the migration holds such rows).
    await withAdmin(async (client) => {
      const documentId = (await client.query<{ id: string }>(`SELECT id FROM documents WHERE slug = 'old-fixtures'`)).rows[0]!.id;
      for (const [number, status] of [[98, 'WITHDRAWN'], [99, 'REJECTED']] as const) {
        await client.query(`INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash) VALUES (gen_random_uuid(), $1, $2, $3, $4, '', '')`, [documentId, number, status, JSON.stringify(rows[0]!.tree)]);
      }
      await client.query('DELETE FROM data_migrations');
    });
    const snapshot = await storedRows();
    // a conversion that drops the last article's anchors
    const lossy = deepRevisionContentMigration((legacy) => {
      const tree = deepTreeFromLegacy(legacy);
      return { ...tree, body: tree.body.slice(0, -1) };
    });
    await expect(migrateDatabase({ databaseUrl: process.env.DATABASE_URL!, dataMigrations: [lossy] })).rejects.toThrow(/2 stored revision\(s\) would lose anchors in the deep tree; nothing was changed\. Missing anchors: .*old-fixtures revision 98 \(WITHDRAWN\): a10, a10-p1/);
    expect(await storedRows()).toEqual(snapshot);
    expect(await withAdmin(async (client) => (await client.query('SELECT 1 FROM data_migrations')).rowCount)).toBe(0);

    const fixed = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
    expect(fixed.data.applied).toEqual([deepRevisionContent.name]);
    const stored = (await storedRows()).filter((r) => r.number >= 98);
    expect(stored.map((r) => [r.number, (r.content as { version?: number }).version, r.legacy !== null])).toEqual([
      [98, DEEP_TREE_VERSION, true],
      [99, DEEP_TREE_VERSION, true],
    ]);
  });

  it('leaves a row that holds no stored tree as it was and reports it', async () => {
    await withAdmin(async (client) => {
      const documentId = (await client.query<{ id: string }>(`SELECT id FROM documents WHERE slug = 'old-fixtures'`)).rows[0]!.id;
      await client.query(`INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash) VALUES (gen_random_uuid(), $1, 97, 'WITHDRAWN', '{}', '', '')`, [documentId]);
      await client.query('DELETE FROM data_migrations');
    });
    const snapshot = await storedRows();
    const run = await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
    expect(run.data.applied).toEqual([deepRevisionContent.name]);
    const summary = await withAdmin(async (client) => (await client.query<{ summary: unknown }>('SELECT summary FROM data_migrations')).rows[0]!.summary);
    expect(summary).toEqual({ revisions: 0, unreadable: ['old-fixtures revision 97 (WITHDRAWN)'], unreadableCount: 1 });
    expect(await storedRows()).toEqual(snapshot);
  });

  it('reads every migrated revision back through readDeepTree', async () => {
    const stored = await storedRows();
    for (const row of stored.filter((r) => r.number !== 97)) expect(() => readDeepTree(row.content)).not.toThrow();
  });
});
