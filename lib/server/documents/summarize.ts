import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isoDate } from '@/lib/server/clock';
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
    select: { number: true, effectiveDate: true },
    orderBy: { effectiveDate: 'asc' },
  },
} satisfies Prisma.DocumentSelect;

export type TSummaryRow = Prisma.DocumentGetPayload<{ select: typeof summarySelect }>;

/**
 * The revision in force on `asOf` is the approved one with the latest effective date on or
 * before it; the first approved one after it is scheduled (未施行). Derived, never stored, so
 * a revision comes into force on its date without any job running.
 */
export function revisionsAround(revisions: TSummaryRow['revisions'], asOf: string): { inForce: TRevisionRef | null; scheduled: TRevisionRef | null } {
  let inForce: TRevisionRef | null = null;
  let scheduled: TRevisionRef | null = null;
  for (const r of revisions) {
    if (!r.effectiveDate) continue;
    const ref = { number: r.number, effectiveDate: isoDate(r.effectiveDate) };
    if (ref.effectiveDate <= asOf) inForce = ref;
    else if (!scheduled) scheduled = ref;
  }
  return { inForce, scheduled };
}

export function summarize(row: TSummaryRow, asOf: string): TDocumentSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    visibility: row.visibility,
    department: row.department ? { code: row.department.code, name: row.department.name } : null,
    parentSlug: row.parent?.slug ?? null,
    ...revisionsAround(row.revisions, asOf),
  };
}
