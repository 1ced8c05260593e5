'use server';

import { revalidatePath } from 'next/cache';
import { formText as text } from '@/lib/form-fields';
import { runAction } from '@/lib/server/http/action-result';
import { startDraftFromFile } from '@/lib/server/ingest/create-from-file';
import { readPolicyFile } from '@/lib/server/ingest/read-policy-file';

/*
 * ファイルから改正案を作る. Public POST endpoints: the DAL checks the permission, the document,
 * the file and the text; the draft goes through the ordinary workflow afterwards.
 */

/** Reads the uploaded file for the preview; stores nothing but the audit record of the read. */
export async function readAmendmentFileAction(formData: FormData) {
  return runAction(() => readPolicyFile({ slug: text(formData, 'slug'), file: formData.get('file') }));
}

/** A new draft on the document's chain, holding the text as the person fixed it. */
export async function startDraftFromFileAction(_previous: unknown, formData: FormData) {
  const input = { slug: text(formData, 'slug'), receipt: text(formData, 'receipt'), text: text(formData, 'text') };
  const result = await runAction(() => startDraftFromFile(input));
  if (result.ok) {
    revalidatePath(`/documents/${input.slug}`, 'layout');
    revalidatePath('/', 'layout');
  }
  return result;
}
