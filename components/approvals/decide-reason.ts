import type { TDecisionView } from '@/lib/server/workflow/views';

export type TCannotDecideReason = 'contributor' | 'approved';

/**
 * Why `canDecide` is false. The DAL gives the flag only; an approval of the current round
 * (after the submission) by the viewer means 承認済み, anything else that the viewer wrote or
 * edited the revision. Reviewers are named 「氏名（ログインID）」 in decisions.
 */
export function cannotDecideReason(input: { submittedAt: string; decisions: TDecisionView[]; viewer: { displayName: string; loginId: string } }): TCannotDecideReason {
  const me = `${input.viewer.displayName}（${input.viewer.loginId}）`;
  const approvedThisRound = input.decisions.some((d) => d.decision === 'APPROVE' && d.reviewer === me && d.at >= input.submittedAt);
  return approvedThisRound ? 'approved' : 'contributor';
}
