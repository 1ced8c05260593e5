'use server';

import { revalidatePath } from 'next/cache';
import { formText as text } from '@/lib/form-fields';
import { setDirectoryLink } from '@/lib/server/admin/directory-links';
import { runAction } from '@/lib/server/http/action-result';

/** Public POST endpoint: the DAL checks the permission, validates and records the change. */
export async function setDirectoryLinkAction(_previous: unknown, formData: FormData) {
  const input = { userId: text(formData, 'userId'), issuer: text(formData, 'issuer'), subject: text(formData, 'subject') };
  const result = await runAction(() => setDirectoryLink(input));
  if (result.ok) revalidatePath('/admin', 'layout');
  return result;
}
