import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TActor } from '@/lib/server/auth/actor';
import { fullAccessWhere, visibleDocumentsWhere } from '@/lib/server/auth/document-access';
import { isoDate } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import type { TDocumentSummary, TRevisionRef } from '@/lib/server/documents/types';

/** What a summary needs from the database: the document, its department, parent and approved revisions' dates. */
export const summarySelect = {
  id: true,
  slug: true,
  kind: true,
  title: true,
  visibility: true,
  parentId: true,
  sortOrder: true,
  department: { select: { code: true, name: true } },
  parent: { select: { slug: true } },
  revisions: {
    where: { status: 'APPROVED', effectiveDate: { not: null } },
    select: { number: true, effectiveDate: true, isAbolition: true },
    orderBy: { effectiveDate: 'asc' },
  },
} satisfies Prisma.DocumentSelect;

export type TSummaryRow = Prisma.DocumentGetPayload<{ select: typeof summarySelect }>;

/**
 * The revision in force on `asOf` is the approved one with the latest effective date on or
 * before it; the first approved one after it is scheduled (未施行). Derived, never stored, so
 * a revision comes into force on its date without any job running.
 */
export function revisionsAround(revisions: TSummaryRow['revisions'], asOf: string): { inForce: TRevisionRef | null; scheduled: TRevisionRef | null; abolishedOn: string | null } {
  let inForce: TRevisionRef | null = null;
  let scheduled: TRevisionRef | null = null;
  let abolishedOn: string | null = null;
  for (const r of revisions) {
    if (!r.effectiveDate) continue;
    const ref = { number: r.number, effectiveDate: isoDate(r.effectiveDate) };
    if (ref.effectiveDate <= asOf) {
      // An abolition (廃止) in force leaves no text in force.
      inForce = r.isAbolition ? null : ref;
      abolishedOn = r.isAbolition ? ref.effectiveDate : null;
    } else if (!scheduled) scheduled = ref;
  }
  return { inForce, scheduled, abolishedOn };
}

export function summarize(row: TSummaryRow, asOf: string, edition: TDocumentSummary['edition']): TDocumentSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    visibility: row.visibility,
    department: row.department ? { code: row.department.code, name: row.department.name } : null,
    parentSlug: row.parent?.slug ?? null,
    ...revisionsAround(row.revisions, asOf),
    edition,
  };
}

/**
 * The documents the actor may see (optionally narrowed by `where`), each with the edition the
 * actor gets: two queries under the same filters, so that nothing outside them is ever read.
 */
export async function findVisibleSummaries(actor: TActor, asOf: string, where: Prisma.DocumentWhereInput = {}): Promise<{ rows: TSummaryRow[]; summaries: TDocumentSummary[] }> {
  const [rows, full] = await Promise.all([
    db().document.findMany({ where: { AND: [where, visibleDocumentsWhere(actor)] }, select: summarySelect }),
    db().document.findMany({ where: { AND: [where, fullAccessWhere(actor)] }, select: { id: true } }),
  ]);
  const fullIds = new Set(full.map((d) => d.id));
  return { rows, summaries: rows.map((row) => summarize(row, asOf, fullIds.has(row.id) ? 'full' : 'excerpt')) };
}
