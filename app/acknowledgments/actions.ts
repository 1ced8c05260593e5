'use server';

import { formText as text } from '@/lib/form-fields';
import { acknowledgeRevision } from '@/lib/server/acknowledgments/acknowledge-revision';
import { runAction } from '@/lib/server/http/action-result';

/* A public POST endpoint: the DAL acknowledges for the signed-in person only, whatever is posted. */
export async function acknowledgeRevisionAction(formData: FormData) {
  const input = { slug: text(formData, 'slug'), number: text(formData, 'number'), comparedFrom: text(formData, 'comparedFrom') };
  return runAction(() => acknowledgeRevision(input));
}
