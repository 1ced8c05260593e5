'use server';

import { revalidatePath } from 'next/cache';
import { formText as text } from '@/lib/form-fields';
import { runAction } from '@/lib/server/http/action-result';
import { createDocument } from '@/lib/server/documents/create-document';


/** Creates a document with its first draft; the DAL checks the editor's permission and every field. */
export async function createDocumentAction(_previous: unknown, formData: FormData) {
  const input = {
    slug: text(formData, 'slug').trim(),
    kind: text(formData, 'kind'),
    title: text(formData, 'title'),
    parentSlug: text(formData, 'parentSlug'),
    departmentCode: text(formData, 'departmentCode'),
    visibility: text(formData, 'visibility'),
    requiredApprovals: text(formData, 'requiredApprovals'),
    reviewIntervalMonths: text(formData, 'reviewIntervalMonths'),
  };
  const result = await runAction(() => createDocument(input));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
