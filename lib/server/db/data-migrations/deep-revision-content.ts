import 'server-only';
import type pg from 'pg';
import { deepTreeFromLegacy, legacyAnchors } from '@/lib/policy-text/deep/from-legacy';
import { collectAnchors, DEEP_TREE_VERSION, ZDeepTree, type TDeepTree } from '@/lib/policy-text/deep/tree';
import { type TPolicyTree, ZPolicyTree } from '@/lib/policy-text/tree';
import { storedContent } from '@/lib/server/documents/revision-content';
import type { TDataMigration, TDataMigrationContext } from '@/lib/server/db/data-migrations/types';

/*
 * Every stored revision's `content` from the three-level tree (lib/policy-text/tree.ts) to the deep
 * tree (docs/decisions/011, 014), every status alike. The conversion (deepTreeFromLegacy) keeps
 * every anchor; this migration proves it for each row before anything is written:
 *   1. a read-only pass over all rows still in the old form converts each one and checks that every
 *      old anchor is an anchor of the new tree; one row that would lose an anchor aborts the
 *      migration with nothing written;
 *   2. then batch by batch, each in its own transaction: the old content, plain text and hash go to
 *      revision_legacy_contents, the row gets the deep tree, its canonical text and that text's hash.
 * Approved revisions are immutable (the revisions_immutable_when_approved trigger); the trigger
 * steps aside inside each batch's transaction only, as the owner may, and is back before the
 * transaction commits, so no other session ever sees it off. A row already holding the deep tree
 * is skipped, so a run cut short is completed by the next one. `rebase_conflict` holds texts, not
 * trees (the deep parser reads the old canonical text), and stays as it is.
 */

const BATCH = 200;
/** How many failing rows the abort message names. */
const SHOWN = 20;

const NOT_DEEP = `(r.content -> 'version') IS DISTINCT FROM '${DEEP_TREE_VERSION}'::jsonb`;

interface TRow {
  id: string;
  slug: string;
  number: number;
  status: string;
  content: unknown;
  plain_text: string;
  content_hash: string;
}

type TConversion = { ok: true; tree: TDeepTree } | { ok: false; reason: 'unreadable' } | { ok: false; reason: 'anchors'; missing: string[] };

type TConvert = (legacy: TPolicyTree) => TDeepTree;

/** The deep tree of a stored three-level tree, and whether it keeps every anchor. */
export function convertStoredContent(content: unknown, convert: TConvert = deepTreeFromLegacy): TConversion {
  const legacy = ZPolicyTree.safeParse(content);
  if (!legacy.success) return { ok: false, reason: 'unreadable' };
  const tree = convert(legacy.data);
  if (!ZDeepTree.safeParse(tree).success) return { ok: false, reason: 'unreadable' };
  const kept = new Set(collectAnchors(tree));
  const missing = legacyAnchors(legacy.data).filter((anchor) => !kept.has(anchor));
  return missing.length > 0 ? { ok: false, reason: 'anchors', missing } : { ok: true, tree };
}

async function batchAfter(client: pg.Client, after: string, lock: boolean): Promise<TRow[]> {
  const { rows } = await client.query<TRow>(
    `SELECT r.id, d.slug, r.number, r.status::text AS status, r.content, r.plain_text, r.content_hash
       FROM revisions r JOIN documents d ON d.id = r.document_id
      WHERE r.id > $1::uuid AND ${NOT_DEEP}
      ORDER BY r.id LIMIT ${BATCH}${lock ? ' FOR UPDATE OF r' : ''}`,
    [after],
  );
  return rows;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const name = (row: TRow) => `${row.slug} revision ${row.number} (${row.status})`;

/** Pass 1: every row in the old form converts keeping its anchors, or the migration stops here. */
async function verifyAll(context: TDataMigrationContext, convert: TConvert): Promise<{ rows: number; unreadable: string[] }> {
  const losing: string[] = [];
  const unreadable: string[] = [];
  let rows = 0;
  for (let after = FIRST_ID; ; ) {
    const batch = await batchAfter(context.client, after, false);
    for (const row of batch) {
      const converted = convertStoredContent(row.content, convert);
      if (!converted.ok && converted.reason === 'anchors') losing.push(`${name(row)}: ${converted.missing.slice(0, 10).join(', ')}${converted.missing.length > 10 ? ' …' : ''}`);
      else if (!converted.ok) unreadable.push(name(row));
      else rows += 1;
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }
  if (losing.length > 0) {
    throw new Error(
      `${losing.length} stored revision(s) would lose anchors in the deep tree; nothing was changed. ` +
        `Missing anchors: ${losing.slice(0, SHOWN).join('; ')}${losing.length > SHOWN ? `; and ${losing.length - SHOWN} more` : ''}`,
    );
  }
  return { rows, unreadable };
}

/** Pass 2: one batch in one transaction; returns the rows converted and the last id seen. */
async function convertBatch(context: TDataMigrationContext, after: string, convert: TConvert): Promise<{ converted: number; last: string | null }> {
  const { client } = context;
  await client.query('BEGIN');
  try {
    const batch = await batchAfter(client, after, true);
    const updates: { id: string; content: unknown; plain_text: string; content_hash: string; legacy: unknown; legacy_plain_text: string; legacy_content_hash: string }[] = [];
    for (const row of batch) {
      const converted = convertStoredContent(row.content, convert);
      // Pass 1 let this row through; a row changed since is checked again and never written losing an anchor.
      if (!converted.ok && converted.reason === 'anchors') throw new Error(`${name(row)} would lose anchors: ${converted.missing.slice(0, 10).join(', ')}; this batch was rolled back.`);
      if (!converted.ok) continue;
      const stored = storedContent(converted.tree);
      updates.push({ id: row.id, content: stored.content, plain_text: stored.plainText, content_hash: stored.contentHash, legacy: row.content, legacy_plain_text: row.plain_text, legacy_content_hash: row.content_hash });
    }
    if (updates.length > 0) {
      const payload = JSON.stringify(updates);
      await client.query(
        `INSERT INTO revision_legacy_contents (revision_id, migration, content, plain_text, content_hash)
         SELECT v.id, $2, v.legacy, v.legacy_plain_text, v.legacy_content_hash
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, legacy jsonb, legacy_plain_text text, legacy_content_hash text)
         ON CONFLICT (revision_id) DO NOTHING`,
        [payload, context.name],
      );
      // The immutability guard steps aside for this statement only, inside this transaction.
      await client.query('ALTER TABLE "revisions" DISABLE TRIGGER "revisions_immutable_when_approved"');
      await client.query(
        `UPDATE revisions r SET content = v.content, plain_text = v.plain_text, content_hash = v.content_hash
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, content jsonb, plain_text text, content_hash text)
          WHERE r.id = v.id`,
        [payload],
      );
      await client.query('ALTER TABLE "revisions" ENABLE TRIGGER "revisions_immutable_when_approved"');
    }
    await client.query('COMMIT');
    return { converted: updates.length, last: batch.length < BATCH ? null : batch.at(-1)!.id };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The migration, with the conversion it checks (a test gives it one that loses an anchor). */
export function deepRevisionContentMigration(convert: TConvert = deepTreeFromLegacy): TDataMigration {
  return {
    name: '20261206100100_deep_revision_content',
    after: '20261206100000_data_migrations',
    run: async (context) => {
      const checked = await verifyAll(context, convert);
      let changed = 0;
      for (let after: string | null = FIRST_ID; after !== null; ) {
        const batch = await convertBatch(context, after, convert);
        changed += batch.converted;
        after = batch.last;
        if (batch.converted > 0) context.log(`本文の保存形式を変換しました: ${changed} / ${checked.rows} 版`);
      }
      // Rows that hold neither form are left as they were (readDeepTree refuses them as before).
      return { changed, summary: { revisions: changed, ...(checked.unreadable.length > 0 ? { unreadable: checked.unreadable.slice(0, SHOWN), unreadableCount: checked.unreadable.length } : {}) } };
    },
  };
}

export const deepRevisionContent = deepRevisionContentMigration();
