'use server';

import { revalidatePath } from 'next/cache';
import { formText as text } from '@/lib/form-fields';
import { runAction } from '@/lib/server/http/action-result';
import { createDocumentFromFile } from '@/lib/server/ingest/create-from-file';
import { readPolicyFile } from '@/lib/server/ingest/read-policy-file';

/*
 * 文書を取り込む. Public POST endpoints: the DAL checks the permissions, the file and every field.
 * The upload is a server action posted to this page's path, the one path (with
 * /documents/<slug>/import) whose body may be as large as an upload (lib/http/request-guard.ts).
 */

/** Reads the uploaded file for the preview; stores nothing but the audit record of the read. */
export async function readPolicyFileAction(formData: FormData) {
  return runAction(() => readPolicyFile({ file: formData.get('file') }));
}

/** The document and its first draft, holding the text as the person fixed it. */
export async function createDocumentFromFileAction(_previous: unknown, formData: FormData) {
  const input = {
    receipt: text(formData, 'receipt'),
    text: text(formData, 'text'),
    slug: text(formData, 'slug').trim(),
    kind: text(formData, 'kind'),
    title: text(formData, 'title'),
    parentSlug: text(formData, 'parentSlug'),
    departmentCode: text(formData, 'departmentCode'),
    visibility: text(formData, 'visibility'),
    requiredApprovals: text(formData, 'requiredApprovals'),
    reviewIntervalMonths: text(formData, 'reviewIntervalMonths'),
  };
  const result = await runAction(() => createDocumentFromFile(input));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
