'use server';

import { revalidatePath } from 'next/cache';
import { formText as text } from '@/lib/form-fields';
import { runAction } from '@/lib/server/http/action-result';
import { updateDocumentMetadata } from '@/lib/server/documents/update-document-metadata';


/** Changes a document's metadata; the slug and kind are not read (they cannot be changed). */
export async function updateDocumentMetadataAction(_previous: unknown, formData: FormData) {
  const input = {
    slug: text(formData, 'slug'),
    title: text(formData, 'title'),
    parentSlug: text(formData, 'parentSlug'),
    departmentCode: text(formData, 'departmentCode'),
    visibility: text(formData, 'visibility'),
    requiredApprovals: text(formData, 'requiredApprovals'),
    reviewIntervalMonths: text(formData, 'reviewIntervalMonths'),
  };
  const result = await runAction(() => updateDocumentMetadata(input));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
