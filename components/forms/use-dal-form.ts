'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { TActionResult } from '@/lib/domain/action-result';

/** A server action of app/admin/actions.ts or the excerpts page, as useActionState calls it. */
export type TFormAction<T> = (previous: unknown, formData: FormData) => Promise<TActionResult<T>>;

/**
 * useActionState for the administration forms. The form is submitted from onSubmit rather than
 * by React's form action, because React resets a submitted form: on a refused change the person
 * would lose what they typed. Here the fields are cleared only when asked and only on success.
 * Each outcome takes the focus (`feedbackRef`), so that it is read out and not missed.
 */
export function useDalForm<T>(action: TFormAction<T>, options: { resetOnSuccess?: boolean; onSuccess?: (data: T) => void } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: TActionResult<T> | null, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) {
      if (options.resetOnSuccess) formRef.current?.reset();
      options.onSuccess?.(result.data);
    }
    return result;
  }, null);

  useEffect(() => {
    if (state) feedbackRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return { state, pending, formRef, feedbackRef, onSubmit };
}
