import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { indexKeys, normalizedText } from '@/lib/policy-text/search-text';
import { extractSearchUnits } from '@/lib/policy-text/search-units';
import { ZPolicyTree } from '@/lib/policy-text/tree';
import { db } from '@/lib/server/db';

/*
 * The search index of approved revisions (docs/decisions/005). Written inside the transaction
 * that imports or approves a revision, so a revision is never in force without being findable.
 * Bump SEARCH_INDEX_VERSION when the units or keys change: `reindexSearch` (run by `npm start`
 * and `npm run db:migrate`) rebuilds every revision indexed by an older version.
 */
export const SEARCH_INDEX_VERSION = 1;

type TIndexClient = Pick<Prisma.TransactionClient, '$executeRaw' | 'revision' | 'searchUnit' | 'searchIndexedRevision'>;

/** (Re)writes the units of one APPROVED revision; call it in the transaction that approves it. */
export async function indexRevision(tx: TIndexClient, revisionId: string): Promise<number> {
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { id: true, documentId: true, status: true, content: true } });
  await tx.searchUnit.deleteMany({ where: { revisionId } });
  if (revision.status !== 'APPROVED') {
    await tx.searchIndexedRevision.deleteMany({ where: { revisionId } });
    return 0;
  }
  const units = extractSearchUnits(ZPolicyTree.parse(revision.content));
  if (units.length > 0) {
    await tx.searchUnit.createMany({
      data: units.map((unit) => {
        const normalized = normalizedText(unit.text);
        return {
          revisionId,
          documentId: revision.documentId,
          ord: unit.ord,
          anchor: unit.anchor,
          articleAnchor: unit.articleAnchor,
          label: unit.label,
          body: unit.text,
          normalized,
          keys: indexKeys(normalized),
          segments: unit.segments as unknown as Prisma.InputJsonValue,
        };
      }),
    });
  }
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
  return { revisions: pending.length, units };
}
