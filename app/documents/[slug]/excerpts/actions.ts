'use server';

import { revalidatePath } from 'next/cache';
import { formText as text, formTexts as texts } from '@/lib/form-fields';
import { saveDraftExcerpts } from '@/lib/server/excerpts/draft-excerpts';
import { runAction } from '@/lib/server/http/action-result';
import { startDraft } from '@/lib/server/workflow/start-draft';

/** Confirms which articles of the open draft form its public edition; the DAL checks the editor, the draft's state and version, and the anchors. */
export async function saveExcerptsAction(_previous: unknown, formData: FormData) {
  const input = {
    documentSlug: text(formData, 'documentSlug'),
    number: text(formData, 'number'),
    version: text(formData, 'version'),
    anchors: texts(formData, 'anchors'),
  };
  const result = await runAction(() => saveDraftExcerpts(input));
  if (result.ok) {
    revalidatePath(`/documents/${input.documentSlug}/excerpts`);
    revalidatePath(`/documents/${input.documentSlug}/edit`);
  }
  return result;
}

/** Starts an amendment (the same DAL step as the editor's) so that its public articles can be chosen. */
export async function startExcerptDraftAction(_previous: unknown, formData: FormData) {
  const slug = text(formData, 'slug');
  const result = await runAction(() => startDraft({ slug }));
  if (result.ok) {
    revalidatePath(`/documents/${slug}`, 'layout');
    revalidatePath('/', 'layout');
  }
  return result;
}
