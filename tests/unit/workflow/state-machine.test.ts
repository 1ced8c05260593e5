import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/domain/roles';
import { permissionsOf } from '@/lib/server/auth/permissions';
import { checkTransition, WORKFLOW_ACTIONS, type TWorkflowAction } from '@/lib/server/workflow/state-machine';

const STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CONFIRMING', 'REBASED'] as const;

// Who may take which step from which status, written out by hand.
const ALLOWED: Record<TWorkflowAction, { roles: string[]; from: string[]; contributorMay: boolean }> = {
  save: { roles: ['EDITOR'], from: ['DRAFT'], contributorMay: true },
  submit: { roles: ['EDITOR'], from: ['DRAFT'], contributorMay: true },
  approve: { roles: ['APPROVER'], from: ['IN_REVIEW'], contributorMay: false },
  reject: { roles: ['APPROVER'], from: ['IN_REVIEW'], contributorMay: false },
  withdraw: { roles: ['EDITOR'], from: ['DRAFT', 'IN_REVIEW'], contributorMay: true },
  overlap: { roles: ['APPROVER'], from: ['IN_REVIEW'], contributorMay: false },
  rebase: { roles: ['APPROVER'], from: ['APPROVED'], contributorMay: true },
  confirm: { roles: ['APPROVER'], from: ['CONFIRMING'], contributorMay: false },
};

describe('revision state machine: every action × status × role × contributor', () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const status of STATUSES) {
      for (const role of ROLES) {
        for (const isContributor of [false, true]) {
          const rule = ALLOWED[action];
          const expected = rule.roles.includes(role) && rule.from.includes(status) && (rule.contributorMay || !isContributor);
          it(`${action} from ${status} by ${role}${isContributor ? ' (contributor)' : ''}: ${expected ? 'allowed' : 'refused'}`, () => {
            expect(checkTransition({ action, status, permissions: permissionsOf([role]), isContributor }).ok).toBe(expected);
          });
        }
      }
    }
  }

  it('names the reason for a refusal', () => {
    expect(checkTransition({ action: 'approve', status: 'IN_REVIEW', permissions: permissionsOf(['APPROVER']), isContributor: true })).toEqual({ ok: false, reason: 'separation-of-duties' });
    expect(checkTransition({ action: 'approve', status: 'APPROVED', permissions: permissionsOf(['APPROVER']), isContributor: false })).toEqual({ ok: false, reason: 'status' });
    expect(checkTransition({ action: 'submit', status: 'DRAFT', permissions: permissionsOf(['AUDITOR']), isContributor: false })).toEqual({ ok: false, reason: 'permission' });
  });

  it('an approved revision can never be touched again, except to be replaced by its rebased copy', () => {
    for (const action of WORKFLOW_ACTIONS.filter((a) => a !== 'rebase')) {
      for (const role of ROLES) expect(checkTransition({ action, status: 'APPROVED', permissions: permissionsOf([role]), isContributor: false }).ok).toBe(false);
    }
    for (const action of WORKFLOW_ACTIONS) {
      for (const role of ROLES) expect(checkTransition({ action, status: 'REBASED', permissions: permissionsOf([role]), isContributor: false }).ok).toBe(false);
    }
  });
});
