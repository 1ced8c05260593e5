'use client';

import { useRouter } from 'next/navigation';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { excerptMessages as m } from '@/lib/messages/excerpts';

/** No open draft: start one, then choose its public articles on the same screen. */
export function StartExcerptDraft({ slug, action }: { slug: string; action: TFormAction<unknown> }) {
  const router = useRouter();
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action, { onSuccess: () => router.refresh() });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="slug" value={slug} />
      {state && !state.ok && <FormFeedback state={state} feedbackRef={feedbackRef} />}
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.startingDraft : m.startDraft}
      </button>
    </form>
  );
}
