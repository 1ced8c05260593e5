import 'server-only';
import type { TAckObligation } from '@/lib/domain/acknowledgments';
import { getActor } from '@/lib/server/auth/actor';
import { compareRevisions, type TCompareView } from '@/lib/server/history/compare-revisions';
import { getRevisionPage, type TRevisionPageView } from '@/lib/server/history/get-revision-page';
import { ownObligations } from '@/lib/server/acknowledgments/my-tasks';

export type TAcknowledgmentView = {
  task: TAckObligation;
} & (
  | /** 「前回確認した第3版からの変更」: the 新旧対照表 from the last revision acknowledged */
  { show: 'comparison'; comparison: TCompareView }
  /** nothing acknowledged before (or the same revision): the whole text */
  | { show: 'text'; page: TRevisionPageView }
  /** acknowledged already: the record, not the text again */
  | { show: 'done' }
);

/**
 * The acknowledgment screen of one document for the signed-in person: the revision asked about, and
 * what to read before 確認しました. Null (404) when the document asks nothing of them, including
 * when they may not read it: such a document is never asked about.
 */
export async function getAcknowledgment(slug: string): Promise<TAcknowledgmentView | null> {
  const actor = await getActor();
  if (actor.kind !== 'user') return null;
  const [task] = await ownObligations(actor, slug);
  if (!task) return null;
  if (task.state === 'done') return { task, show: 'done' };
  if (task.lastNumber !== null && task.lastNumber !== task.number) {
    // Through the history's own comparison (the same reader checks and audit record as the compare page).
    const comparison = await compareRevisions(slug, task.lastNumber, task.number);
    if (comparison) return { task, show: 'comparison', comparison };
  }
  const page = await getRevisionPage(slug, task.number);
  return page ? { task, show: 'text', page } : null;
}
