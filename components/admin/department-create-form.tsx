'use client';

import { useId, useState } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

export function DepartmentCreateForm({ action }: { action: TFormAction<{ id: string }> }) {
  const id = useId();
  const [createdName, setCreatedName] = useState('');
  const { state, pending, formRef, feedbackRef, onSubmit } = useDalForm(action, { resetOnSuccess: true });
  return (
    <form
      ref={formRef}
      onSubmit={(event) => {
        setCreatedName(String(new FormData(event.currentTarget).get('name') ?? '').trim());
        onSubmit(event);
      }}
      noValidate
      className="max-w-[36rem] space-y-5"
    >
      <FormFeedback state={state} feedbackRef={feedbackRef} success={<p>{m.departments.created(createdName)}</p>} />
      <div>
        <label htmlFor={`${id}-code`} className={ui.label}>
          {m.departments.code}
        </label>
        <p id={`${id}-code-hint`} className={ui.hint}>
          {m.departments.codeHint}
        </p>
        <input id={`${id}-code`} name="code" type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} required aria-describedby={`${id}-code-hint`} className={ui.input} />
      </div>
      <div>
        <label htmlFor={`${id}-name`} className={ui.label}>
          {m.departments.name}
        </label>
        <input id={`${id}-name`} name="name" type="text" autoComplete="off" required className={ui.input} />
      </div>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.departments.creating : m.departments.create}
      </button>
    </form>
  );
}
