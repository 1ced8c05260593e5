import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/domain/roles';
import { permissionsOf } from '@/lib/server/auth/permissions';
import { checkTransition, WORKFLOW_ACTIONS } from '@/lib/server/workflow/state-machine';

// Who may take which step is asserted through the data layer (tests/integration/role-refusals.test.ts,
// revision-chain.test.ts, workflow.test.ts); here only what the pure check adds: the reason it gives
// and that an approved revision stays as it was approved.
describe('revision state machine', () => {
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
