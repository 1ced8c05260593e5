import 'server-only';
import { getActor } from '@/lib/server/auth/actor';
import { todayInJapan } from '@/lib/server/clock';
import { findVisibleSummaries } from '@/lib/server/documents/summarize';
import { DOCUMENT_KINDS, type TPortalOverview, type TRecentRevision } from '@/lib/domain/documents';

const RECENT_LIMIT = 5;

/** The home page: counts by kind, the basic policy and the latest revisions in force, all among what the reader may see. */
export async function getPortalOverview(): Promise<TPortalOverview> {
  const actor = await getActor();
  const asOf = todayInJapan();
  const { summaries } = await findVisibleSummaries(actor, asOf);

  const counts = Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, 0])) as TPortalOverview['counts'];
  for (const s of summaries) counts[s.kind] += 1;

  const recent: TRecentRevision[] = summaries
    .flatMap((s) => (s.inForce ? [{ document: s, revisionNumber: s.inForce.number, effectiveDate: s.inForce.effectiveDate }] : []))
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))
    .slice(0, RECENT_LIMIT);

  let forMyDepartment: TPortalOverview['forMyDepartment'] = null;
  if (actor.kind === 'user' && actor.departmentId && actor.departmentName) {
    const departmentId = actor.departmentId;
    const mine = await findVisibleSummaries(actor, asOf, { OR: [{ departmentId }, { grants: { some: { departmentId } } }] });
    forMyDepartment = { departmentName: actor.departmentName, documents: mine.summaries.filter((s) => s.edition === 'full') };
  }
  return { counts, basicPolicy: summaries.find((s) => s.kind === 'BASIC_POLICY') ?? null, recent, forMyDepartment };
}
