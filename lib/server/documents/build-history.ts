import 'server-only';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import type { THistoryEntry } from '@/lib/domain/documents';

/**
 * The document's 沿革: every supplementary provision's effective date (the text's own record of
 * its amendments, including those from before the portal held the document) merged with the
 * approved revisions in force by `asOf`, oldest first. The first entry is the enactment (制定).
 */
export function buildHistory(input: { tree: TDeepTree; approvedRevisions: { number: number; effectiveDate: string | null }[]; asOf: string }): THistoryEntry[] {
  const byDate = new Map<string, number | null>();
  for (const unit of input.tree.tail) {
    if (unit.kind === 'supplementary' && unit.effectiveDate && unit.effectiveDate <= input.asOf) byDate.set(unit.effectiveDate, null);
  }
  for (const revision of input.approvedRevisions) {
    if (revision.effectiveDate && revision.effectiveDate <= input.asOf) byDate.set(revision.effectiveDate, revision.number);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, revisionNumber], index) => ({ date, label: index === 0 ? '制定' : '一部改正', revisionNumber }));
}
