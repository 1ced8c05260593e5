'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

/**
 * A change that cannot simply be taken back (disable, revoke, reset a password): the first button
 * only asks; the change is made by the second one, in a panel that says what will happen.
 * Cancel returns the focus to the first button.
 */
export function ConfirmAction<T>({
  action,
  fields,
  trigger,
  triggerLabel,
  question,
  confirmLabel,
  pendingLabel,
  tone = 'danger',
  renderSuccess,
  onDone,
}: {
  action: TFormAction<T>;
  /** hidden fields that name the target, e.g. { userId } */
  fields: Record<string, string>;
  trigger: ReactNode;
  /** the first button's accessible name when its text alone is ambiguous in a list */
  triggerLabel?: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: 'danger' | 'normal';
  renderSuccess?: (data: T) => ReactNode;
  /** for a change that removes this very control from the page: the parent takes over the focus */
  onDone?: (data: T) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [success, setSuccess] = useState<{ data: T } | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef(false);
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action, {
    onSuccess: (data) => {
      setConfirming(false);
      setSuccess({ data });
      onDone?.(data);
    },
  });

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  function cancel() {
    returnFocus.current = true;
    setConfirming(false);
  }

  return (
    <div className="space-y-3">
      {confirming ? (
        <form
          onSubmit={onSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
          className={`rounded-8 border-2 px-4 py-4 ${tone === 'danger' ? 'border-error-1 bg-red-50' : 'border-blue-900 bg-blue-50'}`}
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p ref={questionRef} tabIndex={-1} className="text-std-16B-170 text-solid-gray-900">
            {question}
          </p>
          {state && !state.ok && (
            <div className="mt-3">
              <FormFeedback state={state} feedbackRef={feedbackRef} />
            </div>
          )}
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button type="submit" aria-disabled={pending || undefined} className={tone === 'danger' ? ui.danger : ui.primary}>
              {pending ? pendingLabel : confirmLabel}
            </button>
            <button type="button" onClick={cancel} className={ui.secondary}>
              {m.common.cancel}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={triggerRef}
          type="button"
          aria-label={triggerLabel}
          onClick={() => {
            setSuccess(null);
            setConfirming(true);
          }}
          className={tone === 'danger' ? ui.rowDanger : ui.rowButton}
        >
          {trigger}
        </button>
      )}
      {!confirming && success && renderSuccess && <SuccessBox>{renderSuccess(success.data)}</SuccessBox>}
    </div>
  );
}

/** Takes the focus when it appears, so the outcome is read out right after the confirmation closes. */
function SuccessBox({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite" className="rounded-8">
      {children}
    </div>
  );
}
