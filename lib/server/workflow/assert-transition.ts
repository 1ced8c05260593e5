import 'server-only';
import { getActor, PermissionDeniedError } from '@/lib/server/auth/actor';
import { DalError } from '@/lib/domain/errors';
import { checkTransition, TRANSITION_MESSAGES, TRANSITIONS, type TWorkflowAction } from '@/lib/server/workflow/state-machine';

export type TUserActor = Extract<Awaited<ReturnType<typeof getActor>>, { kind: 'user' }>;

export function assertTransition(action: TWorkflowAction, actor: TUserActor, revision: { status: Parameters<typeof checkTransition>[0]['status']; contributorIds: string[] }): void {
  const check = checkTransition({ action, status: revision.status, permissions: actor.permissions, isContributor: revision.contributorIds.includes(actor.id) });
  if (check.ok) return;
  if (check.reason === 'permission') throw new PermissionDeniedError(TRANSITIONS[action].permission);
  throw new DalError(check.reason === 'status' ? 'CONFLICT' : 'INVALID_INPUT', TRANSITION_MESSAGES[check.reason]);
}
