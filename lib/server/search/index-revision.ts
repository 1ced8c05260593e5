import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { indexKeys, normalizedText } from '@/lib/policy-text/search-text';
import { extractSearchUnits } from '@/lib/policy-text/search-units';
import { ZPolicyTree } from '@/lib/policy-text/tree';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';

/*
 * The search index of approved revisions (docs/decisions/005). Written inside the transaction
 * that imports or approves a revision, so a revision is never in force without being findable.
 * Bump SEARCH_INDEX_VERSION when the units or keys change: `reindexSearch` (run by `npm start`
 * and `npm run db:migrate`) rebuilds every revision indexed by an older version.
 */
export const SEARCH_INDEX_VERSION = 1;

type TIndexClient = Pick<Prisma.TransactionClient, '$executeRaw' | 'revision' | 'searchUnit' | 'searchUnitText' | 'searchIndexedRevision'>;

/** (Re)writes the units of one APPROVED revision; call it in the transaction that approves it. */
export async function indexRevision(tx: TIndexClient, revisionId: string): Promise<number> {
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { id: true, documentId: true, status: true, content: true } });
  await tx.searchUnit.deleteMany({ where: { revisionId } });
  await tx.searchUnitText.deleteMany({ where: { revisionId } });
  if (revision.status !== 'APPROVED') {
    await tx.searchIndexedRevision.deleteMany({ where: { revisionId } });
    return 0;
  }
  const units = extractSearchUnits(ZPolicyTree.parse(revision.content));
  if (units.length > 0) {
    const rows = units.map((unit) => {
      const normalized = normalizedText(unit.text);
      return { ord: unit.ord, anchor: unit.anchor, article_anchor: unit.articleAnchor, heading: normalizedText(unit.label), label: unit.label, body: unit.text, normalized, keys: indexKeys(normalized), segments: unit.segments };
    });
    // One statement per table for all units: Prisma's createMany binds every array element as a
    // parameter, which made indexing a 30-article revision several times slower.
    const json = JSON.stringify(rows);
    await tx.$executeRaw`
      INSERT INTO search_units (revision_id, ord, document_id, article_anchor, heading, normalized, keys)
      SELECT ${revisionId}::uuid, x.ord, ${revision.documentId}::uuid, x.article_anchor, x.heading, x.normalized, x.keys
      FROM jsonb_to_recordset(${json}::jsonb) AS x(ord int, article_anchor text, heading text, normalized text, keys int8[])`;
    await tx.$executeRaw`
      INSERT INTO search_unit_texts (revision_id, ord, anchor, label, body, segments)
      SELECT ${revisionId}::uuid, x.ord, x.anchor, x.label, x.body, x.segments
      FROM jsonb_to_recordset(${json}::jsonb) AS x(ord int, anchor text, label text, body text, segments jsonb)`;
  }
  await moveSupersededUnits(tx, revision.documentId);
  await tx.searchIndexedRevision.upsert({
    where: { revisionId },
    create: { revisionId, version: SEARCH_INDEX_VERSION },
    update: { version: SEARCH_INDEX_VERSION, indexedAt: new Date() },
  });
  return units.length;
}

/**
 * Indexes every APPROVED revision the index does not hold (or holds by older rules), one
 * transaction per revision. Unscoped: for start-up, migrations and bulk loads, never a request.
 */
export async function unsafeReindexSearch(options: { all?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<{ revisions: number; units: number }> {
  const pending = await db().revision.findMany({
    where: { status: 'APPROVED', ...(options.all ? {} : { OR: [{ searchIndex: null }, { searchIndex: { version: { lt: SEARCH_INDEX_VERSION } } }] }) },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  let units = 0;
  for (const [index, { id }] of pending.entries()) {
    units += await db().$transaction((tx) => indexRevision(tx, id));
    options.onProgress?.(index + 1, pending.length);
  }
  await db().$transaction((tx) => moveSupersededUnits(tx));
  return { revisions: pending.length, units };
}

/**
 * Moves the units of revisions that a later revision in force has superseded (as of today) to the
 * superseded partition, so that searches of the revisions in force never visit them. A revision
 * whose successor comes into force on a later date is moved by the next sweep after that date;
 * until then it only costs time, never correctness (the search picks the revision in force itself).
 */
export async function moveSupersededUnits(tx: Pick<Prisma.TransactionClient, '$executeRaw'>, documentId?: string): Promise<number> {
  const today = todayInJapan();
  const scope = documentId ? Prisma.sql`AND u.document_id = ${documentId}::uuid` : Prisma.empty;
  return tx.$executeRaw`
    UPDATE search_units u SET superseded = true
    FROM revisions r
    WHERE u.revision_id = r.id AND NOT u.superseded ${scope}
      AND EXISTS (
        SELECT 1 FROM revisions later
        WHERE later.document_id = r.document_id AND later.status = 'APPROVED' AND later.effective_date <= ${today}::date
          AND (later.effective_date > r.effective_date OR (later.effective_date = r.effective_date AND later.number > r.number)))`;
}

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const sweepHolder = globalThis as unknown as { __portalSearchSweepAt?: number };

/** At most once an hour per process: move what superseded revisions the calendar has made. */
export async function sweepSupersededUnitsNow(): Promise<void> {
  const last = sweepHolder.__portalSearchSweepAt ?? 0;
  if (Date.now() - last < SWEEP_INTERVAL_MS) return;
  sweepHolder.__portalSearchSweepAt = Date.now();
  await db().$transaction((tx) => moveSupersededUnits(tx));
}
