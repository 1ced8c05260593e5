import type { ReactNode, RefObject } from 'react';
import { adminMessages as m } from '@/lib/messages/admin';
import type { TActionResult } from '@/lib/domain/action-result';

/**
 * The outcome of a form: the DAL's Japanese message on refusal, or a short confirmation.
 * Focusable, so that useDalForm can move the focus to it; the region is live as well for
 * screen readers that do not follow focus changes made by script.
 */
export function FormFeedback<T>({
  state,
  feedbackRef,
  success,
}: {
  state: TActionResult<T> | null;
  feedbackRef: RefObject<HTMLDivElement | null>;
  success?: ReactNode;
}) {
  return (
    <div aria-live="polite" aria-atomic="true" className="empty:hidden">
      {state && !state.ok && (
        <div ref={feedbackRef} tabIndex={-1} className="rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
          <p className="text-std-16B-170 text-error-2">{m.common.errorHeading}</p>
          <p className="mt-1">{state.error.message}</p>
        </div>
      )}
      {state?.ok && success && (
        <div ref={feedbackRef} tabIndex={-1} className="rounded-8 border-2 border-success-1 bg-green-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
          {success}
        </div>
      )}
    </div>
  );
}
