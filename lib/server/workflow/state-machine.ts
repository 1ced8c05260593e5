import 'server-only';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import type { RevisionStatus } from '@/lib/generated/prisma/enums';
import type { TPermission } from '@/lib/server/auth/permissions';

/*
 * The life of a revision. Every workflow step names its action here; the DAL refuses any step
 * whose source status, permission or separation-of-duties rule does not hold.
 *
 *   (approved revision) --start--> DRAFT --save--> DRAFT --submit--> IN_REVIEW --approve--> APPROVED
 *                                    ^                                   |
 *                                    +---------- reject / overlap -------+
 *   DRAFT / IN_REVIEW --withdraw--> WITHDRAWN
 *
 * An approval that lands before a scheduled revision rebases it (docs/decisions/007): the scheduled
 * one is kept as REBASED, and its changes re-applied on top come back as a new CONFIRMING revision:
 *   APPROVED (scheduled) --rebase--> REBASED        (new copy) CONFIRMING --confirm--> APPROVED
 * Where the changes overlap, the approval does not go through: the revision goes back to DRAFT
 * (`overlap`) with both texts for its editor.
 */
export const WORKFLOW_ACTIONS = ['save', 'submit', 'approve', 'reject', 'withdraw', 'overlap', 'rebase', 'confirm'] as const;
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
  /** the approval met a scheduled revision changing the same text: back to its editor */
  overlap: { from: ['IN_REVIEW'], to: 'DRAFT', permission: 'revision:approve', notByContributor: true },
  /** a scheduled revision whose predecessor changed: replaced by its rebased copy */
  rebase: { from: ['APPROVED'], to: 'REBASED', permission: 'revision:approve', notByContributor: false },
  confirm: { from: ['CONFIRMING'], to: 'APPROVED', permission: 'revision:approve', notByContributor: true },
};

/** The status a draft starts in (start has no source status: it creates the revision). */
export const STARTED_STATUS: RevisionStatus = 'DRAFT';

/** The status a rebased copy is created in (it has no source status: it is a new revision). */
export const REBASED_COPY_STATUS: RevisionStatus = 'CONFIRMING';

export type TTransitionCheck = { ok: true } | { ok: false; reason: 'status' | 'permission' | 'separation-of-duties' };

export function checkTransition(input: { action: TWorkflowAction; status: RevisionStatus; permissions: ReadonlySet<TPermission>; isContributor: boolean }): TTransitionCheck {
  const t = TRANSITIONS[input.action];
  if (!input.permissions.has(t.permission)) return { ok: false, reason: 'permission' };
  if (!t.from.includes(input.status)) return { ok: false, reason: 'status' };
  if (t.notByContributor && input.isContributor) return { ok: false, reason: 'separation-of-duties' };
  return { ok: true };
}

export const TRANSITION_MESSAGES: Record<Exclude<TTransitionCheck, { ok: true }>['reason'], string> = workflowErrors.transition;
