import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { indexKeys, normalizedText } from '@/lib/policy-text/search-text';
import { extractSearchUnits } from '@/lib/policy-text/search-units';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';

/*
 * The search index of approved revisions (docs/decisions/005). Written inside the transaction
 * that imports or approves a revision, so a revision is never in force without being findable.
 * Bump SEARCH_INDEX_VERSION when the units or keys change: `reindexSearch` (run by `npm start`
 * and `npm run db:migrate`) rebuilds every revision indexed by an older version.
 * 2: units and citations of the deep tree (issue 16): 号の細分 at any depth, tables, 備考, appendices.
 */
export const SEARCH_INDEX_VERSION = 2;

type TIndexClient = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw' | 'revision' | 'searchUnit' | 'searchUnitText' | 'searchIndexedRevision'>;

/** (Re)writes the units of one APPROVED revision; call it in the transaction that approves it. */
export async function indexRevision(tx: TIndexClient, revisionId: string): Promise<number> {
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { id: true, documentId: true, status: true, content: true } });
  await tx.searchUnit.deleteMany({ where: { revisionId } });
  await tx.searchUnitText.deleteMany({ where: { revisionId } });
  if (revision.status !== 'APPROVED') {
    await tx.searchIndexedRevision.deleteMany({ where: { revisionId } });
    return 0;
  }
  const units = extractSearchUnits(readDeepTree(revision.content));
  if (units.length > 0) {
    const rows = units.map((unit) => {
      const normalized = normalizedText(unit.text);
      return { ord: unit.ord, anchor: unit.anchor, article_anchor: unit.articleAnchor, heading: normalizedText(unit.label), label: unit.label, body: unit.text, normalized, keys: indexKeys(normalized), segments: unit.segments };
    });
    // One statement per table for all units: Prisma's createMany binds every array element as a
    // parameter, which made indexing a 30-article revision several times slower.
    const json = JSON.stringify(rows);
    // Written straight into its partition (a scheduled revision waits in the second); the move
    // below then takes the predecessor's units out of the first.
    const [inForce] = await tx.$queryRaw<{ id: string; is_abolition: boolean }[]>(revisionInEffect(Prisma.sql`${revision.documentId}::uuid`, todayInJapan()));
    const notInForce = !(inForce?.id === revisionId && !inForce.is_abolition);
    await tx.$executeRaw`
      INSERT INTO search_units (revision_id, ord, not_in_force, document_id, article_anchor, heading, normalized, keys)
      SELECT ${revisionId}::uuid, x.ord, ${notInForce}, ${revision.documentId}::uuid, x.article_anchor, x.heading, x.normalized, x.keys
      FROM jsonb_to_recordset(${json}::jsonb) AS x(ord int, article_anchor text, heading text, normalized text, keys int8[])`;
    await tx.$executeRaw`
      INSERT INTO search_unit_texts (revision_id, ord, anchor, label, body, segments)
      SELECT ${revisionId}::uuid, x.ord, x.anchor, x.label, x.body, x.segments
      FROM jsonb_to_recordset(${json}::jsonb) AS x(ord int, anchor text, label text, body text, segments jsonb)`;
  }
  await moveUnitsInForce(tx, revision.documentId);
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
  await db().$transaction((tx) => moveUnitsInForce(tx));
  return { revisions: pending.length, units };
}

/**
 * The latest approved revision of a document in effect on a day (id, is_abolition): the one in force,
 * unless it abolishes the document. One probe of the unique (document, effective date) index.
 */
function revisionInEffect(documentId: Prisma.Sql, day: string): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r.is_abolition FROM revisions r
    WHERE r.document_id = ${documentId} AND r.status = 'APPROVED' AND r.effective_date <= ${day}::date
    ORDER BY r.effective_date DESC -- unique among approved revisions of a document
    LIMIT 1`;
}

/** Serialises the moves between the partitions: a move is a delete and an insert, and two at once would collide. */
const IN_FORCE_LOCK = 0x5345_4152;

type TMoveClient = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;

/**
 * Puts every unit in its partition as of today: the units of the revision in force today (the latest
 * approved one in effect, unless it abolishes the document) in the first, the units of every other
 * approved revision (superseded, or scheduled for a later date) in the second. Searches of the
 * revisions in force read the first partition only and check nothing more about revisions.
 *
 * Without a document, it does so for the whole index and records the date in search_index_state:
 * a search of the revisions in force runs it first on a new day (`ensureInForceToday`). With one,
 * it does so for that document, in the transaction that imports or approves its revision.
 */
export async function moveUnitsInForce(tx: TMoveClient, documentId?: string): Promise<number> {
  const today = todayInJapan();
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${IN_FORCE_LOCK}::int8)`;
  const documents = documentId ? Prisma.sql`AND d.id = ${documentId}::uuid` : Prisma.empty;
  const units = documentId ? Prisma.sql`AND u.document_id = ${documentId}::uuid` : Prisma.empty;
  // A unit is misplaced when its flag equals "its revision is in force"; moving it flips the flag.
  const moved = await tx.$executeRaw`
    WITH in_force AS (
      SELECT cur.id FROM documents d
      CROSS JOIN LATERAL (${revisionInEffect(Prisma.sql`d.id`, today)}) cur
      WHERE NOT cur.is_abolition ${documents}
    )
    UPDATE search_units u SET not_in_force = NOT u.not_in_force
    WHERE u.not_in_force = (u.revision_id IN (SELECT id FROM in_force)) ${units}`;
  if (!documentId) {
    await tx.$executeRaw`
      INSERT INTO search_index_state (id, in_force_on) VALUES (1, ${today}::date)
      ON CONFLICT (id) DO UPDATE SET in_force_on = EXCLUDED.in_force_on`;
  }
  return moved;
}

const movingHolder = globalThis as unknown as { __portalSearchMoving?: Promise<void> };

/**
 * Moves the units of the whole index for today. The search calls it when its statement reports that
 * the partitions were put right for another day (a new day, or the calendar moved); concurrent
 * callers of one process share the move.
 */
export async function ensureInForceToday(): Promise<void> {
  movingHolder.__portalSearchMoving ??= db()
    .$transaction((tx) => moveUnitsInForce(tx))
    .then(() => undefined)
    .finally(() => {
      movingHolder.__portalSearchMoving = undefined;
    });
  await movingHolder.__portalSearchMoving;
}
