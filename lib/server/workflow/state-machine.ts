import 'server-only';
import type { RevisionStatus } from '@/lib/generated/prisma/enums';
import type { TPermission } from '@/lib/server/auth/permissions';

/*
 * The life of a revision. Every workflow step names its action here; the DAL refuses any step
 * whose source status, permission or separation-of-duties rule does not hold.
 *
 *   (approved revision) --start--> DRAFT --save--> DRAFT --submit--> IN_REVIEW --approve--> APPROVED
 *                                    ^                                   |
 *                                    +------------- reject --------------+
 *   DRAFT / IN_REVIEW --withdraw--> WITHDRAWN
 */
export const WORKFLOW_ACTIONS = ['save', 'submit', 'approve', 'reject', 'withdraw'] as const;
export type TWorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface TTransition {
  from: readonly RevisionStatus[];
  /** the status after the step; approve stays IN_REVIEW until the last required approval */
  to: RevisionStatus;
  permission: TPermission;
  /** separation of duties: nobody who authored or edited the revision may take this step */
  notByContributor: boolean;
}

export const TRANSITIONS: Record<TWorkflowAction, TTransition> = {
  save: { from: ['DRAFT'], to: 'DRAFT', permission: 'revision:draft', notByContributor: false },
  submit: { from: ['DRAFT'], to: 'IN_REVIEW', permission: 'revision:draft', notByContributor: false },
  approve: { from: ['IN_REVIEW'], to: 'APPROVED', permission: 'revision:approve', notByContributor: true },
  reject: { from: ['IN_REVIEW'], to: 'DRAFT', permission: 'revision:approve', notByContributor: true },
  withdraw: { from: ['DRAFT', 'IN_REVIEW'], to: 'WITHDRAWN', permission: 'revision:draft', notByContributor: false },
};

export type TTransitionCheck = { ok: true } | { ok: false; reason: 'status' | 'permission' | 'separation-of-duties' };

export function checkTransition(input: { action: TWorkflowAction; status: RevisionStatus; permissions: ReadonlySet<TPermission>; isContributor: boolean }): TTransitionCheck {
  const t = TRANSITIONS[input.action];
  if (!input.permissions.has(t.permission)) return { ok: false, reason: 'permission' };
  if (!t.from.includes(input.status)) return { ok: false, reason: 'status' };
  if (t.notByContributor && input.isContributor) return { ok: false, reason: 'separation-of-duties' };
  return { ok: true };
}

export const TRANSITION_MESSAGES: Record<Exclude<TTransitionCheck, { ok: true }>['reason'], string> = {
  status: 'この版は現在の状態ではその操作ができません。画面を更新してください。',
  permission: 'この操作を行う権限がありません。',
  'separation-of-duties': '自分が起案・編集した版は承認・差戻しできません。',
};
