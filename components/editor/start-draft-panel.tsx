'use client';

import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { workflowMessages as m } from '@/lib/messages/workflow';

type TStarted = { number: number; created: boolean };

/** No open draft: start an amendment, or (for a document in force) an abolition after a confirmation. */
export function StartDraftPanel({
  slug,
  canAbolish,
  choices,
  action,
}: {
  slug: string;
  canAbolish: boolean;
  /** the revisions a draft may start from (in force, then scheduled), oldest first; the last is the default */
  choices: { number: number; label: string }[];
  action: TFormAction<TStarted>;
}) {
  const id = useId();
  const router = useRouter();
  const opened = () => router.replace(`/documents/${slug}/edit?notice=started`);
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action, { onSuccess: opened });
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="slug" value={slug} />
        {state && !state.ok && <FormFeedback state={state} feedbackRef={feedbackRef} />}
        {choices.length > 1 && (
          <fieldset>
            <legend className={ui.label}>{m.start.baseLegend}</legend>
            <p id={`${id}-hint`} className={ui.hint}>
              {m.start.baseHint}
            </p>
            <div className="mt-2 space-y-2">
              {[...choices].reverse().map((choice, index) => (
                <label key={choice.number} className="flex items-center gap-3 text-std-16N-170">
                  <input type="radio" name="baseNumber" value={choice.number} defaultChecked={index === 0} aria-describedby={`${id}-hint`} className="size-5" />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
          {pending ? m.start.creating : m.start.create}
        </button>
      </form>
      {canAbolish && (
        <ConfirmAction
          action={action}
          fields={{ slug, abolition: '1' }}
          trigger={m.start.abolish}
          question={m.start.abolishQuestion}
          confirmLabel={m.start.abolishDo}
          pendingLabel={m.start.abolishing}
          onDone={opened}
        />
      )}
    </div>
  );
}
