'use server';

import { formText as text } from '@/lib/form-fields';
import { runAction } from '@/lib/server/http/action-result';
import { confirmRevision } from '@/lib/server/workflow/confirm-revision';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { rejectRevision } from '@/lib/server/workflow/reject-revision';

/*
 * Public POST endpoints of the review screen; the DAL checks the approver's permission, the
 * separation of duties and the dates. Nothing is revalidated here: a revalidation would re-render
 * the review screen of a revision that has just left the queue (a 404) under the person's eyes.
 * The form moves on to the queue and refreshes the router there instead.
 */


export async function approveRevisionAction(formData: FormData) {
  const input = {
    slug: text(formData, 'slug'),
    number: text(formData, 'number'),
    comment: text(formData, 'comment'),
    effectiveDate: text(formData, 'effectiveDate'),
    changeKind: text(formData, 'changeKind'),
    earlyReading: text(formData, 'earlyReading') === 'on',
    ackDueDays: text(formData, 'ackDueDays'),
  };
  return runAction(() => approveRevision(input));
}

export async function rejectRevisionAction(formData: FormData) {
  const input = { slug: text(formData, 'slug'), number: text(formData, 'number'), comment: text(formData, 'comment') };
  return runAction(() => rejectRevision(input));
}

export async function confirmRevisionAction(formData: FormData) {
  const input = { slug: text(formData, 'slug'), number: text(formData, 'number'), comment: text(formData, 'comment') };
  return runAction(() => confirmRevision(input));
}
