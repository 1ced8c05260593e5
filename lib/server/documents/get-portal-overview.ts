import 'server-only';
import { getActor } from '@/lib/server/auth/actor';
import { visibleDocumentsWhere } from '@/lib/server/auth/document-access';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { summarize, summarySelect } from '@/lib/server/documents/summarize';
import { DOCUMENT_KINDS, type TPortalOverview, type TRecentRevision } from '@/lib/server/documents/types';

const RECENT_LIMIT = 5;

/** The home page: counts by kind, the basic policy and the latest revisions in force, all among what the reader may see. */
export async function getPortalOverview(): Promise<TPortalOverview> {
  const actor = await getActor();
  const asOf = todayInJapan();
  const rows = await db().document.findMany({ where: visibleDocumentsWhere(actor), select: summarySelect });
  const summaries = rows.map((row) => summarize(row, asOf));

  const counts = Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, 0])) as TPortalOverview['counts'];
  for (const s of summaries) counts[s.kind] += 1;

  const recent: TRecentRevision[] = summaries
    .flatMap((s) => (s.inForce ? [{ document: s, revisionNumber: s.inForce.number, effectiveDate: s.inForce.effectiveDate }] : []))
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))
    .slice(0, RECENT_LIMIT);

  return { counts, basicPolicy: summaries.find((s) => s.kind === 'BASIC_POLICY') ?? null, recent };
}
