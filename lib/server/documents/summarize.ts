import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TActor } from '@/lib/server/auth/actor';
import { fullAccessWhere, visibleDocumentsWhere } from '@/lib/server/auth/document-access';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import type { TDocumentSummary, TRevisionRef } from '@/lib/domain/documents';

/** What a summary needs from the documents table: the document, its department and parent. */
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
} satisfies Prisma.DocumentSelect;

export type TSummaryRow = Prisma.DocumentGetPayload<{ select: typeof summarySelect }>;

type TRevisionsAround = {
  inForce: TRevisionRef | null;
  scheduled: TRevisionRef | null;
  abolishedOn: string | null;
  /** the revision in force has public excerpts (外部に周知すべき事項) */
  inForceHasExcerpts: boolean;
};

/**
 * The revision in force on `asOf` is the approved one with the latest effective date on or
 * before it; the first approved one after it is scheduled (未施行). Derived, never stored, so
 * a revision comes into force on its date without any job running.
 *
 * Two probes of the unique (document, effective date) index per document, whatever the length of
 * its history: the library and the home page cost what they list, not every revision ever made.
 */
async function revisionsAround(documentIds: string[], asOf: string): Promise<Map<string, TRevisionsAround>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db().$queryRaw<
    {
      id: string;
      in_force_number: number | null;
      in_force_edition: number | null;
      in_force_date: string | null;
      is_abolition: boolean | null;
      in_force_excerpts: boolean | null;
      scheduled_number: number | null;
      scheduled_edition: number | null;
      scheduled_date: string | null;
    }[]
  >(Prisma.sql`
    SELECT d.id, cur.number AS in_force_number, cur.edition AS in_force_edition, to_char(cur.effective_date, 'YYYY-MM-DD') AS in_force_date, cur.is_abolition,
           cardinality(cur.public_excerpt_anchors) > 0 AS in_force_excerpts,
           nxt.number AS scheduled_number, nxt.edition AS scheduled_edition, to_char(nxt.effective_date, 'YYYY-MM-DD') AS scheduled_date
    FROM unnest(${documentIds}::uuid[]) AS d(id)
    LEFT JOIN LATERAL (
      SELECT r.number, r.edition, r.effective_date, r.is_abolition, r.public_excerpt_anchors FROM revisions r
      WHERE r.document_id = d.id AND r.status = 'APPROVED' AND r.effective_date <= ${asOf}::date
      ORDER BY r.effective_date DESC LIMIT 1
    ) cur ON TRUE
    LEFT JOIN LATERAL (
      SELECT r.number, r.edition, r.effective_date FROM revisions r
      WHERE r.document_id = d.id AND r.status = 'APPROVED' AND r.effective_date > ${asOf}::date
      ORDER BY r.effective_date LIMIT 1
    ) nxt ON TRUE`);
  return new Map(
    rows.map((r) => {
      const current = r.in_force_number !== null && r.in_force_date !== null ? { number: r.in_force_number, edition: r.in_force_edition ?? r.in_force_number, effectiveDate: r.in_force_date } : null;
      return [
        r.id,
        {
          // An abolition (廃止) in force leaves no text in force.
          inForce: r.is_abolition ? null : current,
          abolishedOn: r.is_abolition ? r.in_force_date : null,
          inForceHasExcerpts: !r.is_abolition && r.in_force_excerpts === true,
          scheduled: r.scheduled_number !== null && r.scheduled_date !== null ? { number: r.scheduled_number, edition: r.scheduled_edition ?? r.scheduled_number, effectiveDate: r.scheduled_date } : null,
        },
      ];
    }),
  );
}

function summarize(row: TSummaryRow, around: TRevisionsAround | undefined, edition: TDocumentSummary['edition']): TDocumentSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    visibility: row.visibility,
    department: row.department ? { code: row.department.code, name: row.department.name } : null,
    parentSlug: row.parent?.slug ?? null,
    inForce: around?.inForce ?? null,
    scheduled: around?.scheduled ?? null,
    abolishedOn: around?.abolishedOn ?? null,
    edition,
  };
}

/**
 * The documents the actor may see (optionally narrowed by `where`), each with the edition the
 * actor gets: two queries under the same filters, so that nothing outside them is ever read.
 *
 * A reader of the public edition only sees a document while the revision in force has public
 * excerpts, and sees nothing of revisions not yet in force: for them a date after today reads as
 * today, and no scheduled revision (its number, its date) is named.
 */
export async function findVisibleSummaries(actor: TActor, asOf: string, where: Prisma.DocumentWhereInput = {}): Promise<{ rows: TSummaryRow[]; summaries: TDocumentSummary[] }> {
  const today = todayInJapan();
  const [candidates, full] = await Promise.all([
    db().document.findMany({ where: { AND: [where, visibleDocumentsWhere(actor, today)] }, select: summarySelect }),
    db().document.findMany({ where: { AND: [where, fullAccessWhere(actor)] }, select: { id: true } }),
  ]);
  const fullIds = new Set(full.map((d) => d.id));
  const excerptIds = candidates.filter((row) => !fullIds.has(row.id)).map((row) => row.id);
  const excerptAsOf = asOf < today ? asOf : today;
  const [aroundFull, aroundExcerpt] = await Promise.all([
    revisionsAround(candidates.filter((row) => fullIds.has(row.id)).map((row) => row.id), asOf),
    revisionsAround(excerptIds, excerptAsOf),
  ]);
  const rows = candidates.filter((row) => fullIds.has(row.id) || aroundExcerpt.get(row.id)?.inForceHasExcerpts === true);
  return {
    rows,
    summaries: rows.map((row) => {
      if (fullIds.has(row.id)) return summarize(row, aroundFull.get(row.id), 'full');
      const around = aroundExcerpt.get(row.id);
      return summarize(row, around && { ...around, scheduled: null }, 'excerpt');
    }),
  };
}
