'use server';

import { revalidatePath } from 'next/cache';
import { setPublicExcerpts } from '@/lib/server/documents/set-public-excerpts';
import { runAction } from '@/lib/server/http/action-result';

/** Saves which articles form the public edition; the DAL checks the editor's permission and the anchors. */
export async function saveExcerptsAction(_previous: unknown, formData: FormData) {
  const slug = formData.get('documentSlug');
  const input = {
    documentSlug: typeof slug === 'string' ? slug : '',
    anchors: formData.getAll('anchors').filter((value): value is string => typeof value === 'string'),
  };
  const result = await runAction(() => setPublicExcerpts(input));
  if (result.ok) {
    revalidatePath(`/documents/${input.documentSlug}`);
    revalidatePath(`/documents/${input.documentSlug}/excerpts`);
    revalidatePath('/documents');
    revalidatePath('/');
  }
  return result;
}
