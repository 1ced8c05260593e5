'use server';

import { revalidatePath } from 'next/cache';
import { formText as text } from '@/lib/form-fields';
import { runAction } from '@/lib/server/http/action-result';
import { checkEffectiveDate } from '@/lib/server/workflow/check-effective-date';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { withdrawRevision } from '@/lib/server/workflow/withdraw-revision';

/*
 * Public POST endpoints of the draft editor: each reads only the fields it knows and calls one
 * DAL function, which checks the permission, the revision's status and the input.
 */


function revalidateDocument(slug: string): void {
  revalidatePath(`/documents/${slug}`, 'layout');
  revalidatePath('/', 'layout');
}

export async function startDraftAction(_previous: unknown, formData: FormData) {
  const input = { slug: text(formData, 'slug'), abolition: text(formData, 'abolition') === '1', baseNumber: text(formData, 'baseNumber') };
  const result = await runAction(() => startDraft(input));
  if (result.ok) revalidateDocument(input.slug);
  return result;
}

/**
 * Called by the editor's save button, Ctrl+S and the autosave timer. Nothing is revalidated: the
 * editor keeps its own state, and re-rendering the page every few seconds would only cost.
 */
export async function saveDraftAction(formData: FormData) {
  // Multipart form data carries line breaks as CRLF; the editor (and a textarea's value) uses LF.
  // Stored as sent, the text would differ from what was typed and every line would end in \r.
  const draftText = text(formData, 'text').replace(/\r\n?/g, '\n');
  const input = { slug: text(formData, 'slug'), number: text(formData, 'number'), baseVersion: text(formData, 'baseVersion'), text: draftText };
  return runAction(() => saveDraft(input));
}

export async function submitRevisionAction(formData: FormData) {
  const input = {
    slug: text(formData, 'slug'),
    number: text(formData, 'number'),
    changeReason: text(formData, 'changeReason'),
    effectiveDate: text(formData, 'effectiveDate'),
    changeKind: text(formData, 'changeKind') || undefined,
  };
  const result = await runAction(() => submitRevision(input));
  if (result.ok) revalidateDocument(input.slug);
  return result;
}

export async function withdrawRevisionAction(_previous: unknown, formData: FormData) {
  const input = { slug: text(formData, 'slug'), number: text(formData, 'number') };
  const result = await runAction(() => withdrawRevision(input));
  if (result.ok) revalidateDocument(input.slug);
  return result;
}

/** The live check of a 施行日 as the editor types it (reads only). */
export async function checkEffectiveDateAction(formData: FormData) {
  const input = { slug: text(formData, 'slug'), number: text(formData, 'number'), effectiveDate: text(formData, 'effectiveDate') };
  return runAction(() => checkEffectiveDate(input));
}
