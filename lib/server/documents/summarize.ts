import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TActor } from '@/lib/server/auth/actor';
import { fullAccessWhere, visibleDocumentsWhere } from '@/lib/server/auth/document-access';
import { db } from '@/lib/server/db';
import type { TDocumentSummary, TRevisionRef } from '@/lib/server/documents/types';

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

type TRevisionsAround = { inForce: TRevisionRef | null; scheduled: TRevisionRef | null; abolishedOn: string | null };

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
      scheduled_number: number | null;
      scheduled_edition: number | null;
      scheduled_date: string | null;
    }[]
  >(Prisma.sql`
    SELECT d.id, cur.number AS in_force_number, cur.edition AS in_force_edition, to_char(cur.effective_date, 'YYYY-MM-DD') AS in_force_date, cur.is_abolition,
           nxt.number AS scheduled_number, nxt.edition AS scheduled_edition, to_char(nxt.effective_date, 'YYYY-MM-DD') AS scheduled_date
    FROM unnest(${documentIds}::uuid[]) AS d(id)
    LEFT JOIN LATERAL (
      SELECT r.number, r.edition, r.effective_date, r.is_abolition FROM revisions r
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
 */
export async function findVisibleSummaries(actor: TActor, asOf: string, where: Prisma.DocumentWhereInput = {}): Promise<{ rows: TSummaryRow[]; summaries: TDocumentSummary[] }> {
  const [rows, full] = await Promise.all([
    db().document.findMany({ where: { AND: [where, visibleDocumentsWhere(actor)] }, select: summarySelect }),
    db().document.findMany({ where: { AND: [where, fullAccessWhere(actor)] }, select: { id: true } }),
  ]);
  const fullIds = new Set(full.map((d) => d.id));
  const around = await revisionsAround(rows.map((row) => row.id), asOf);
  return { rows, summaries: rows.map((row) => summarize(row, around.get(row.id), fullIds.has(row.id) ? 'full' : 'excerpt')) };
}
