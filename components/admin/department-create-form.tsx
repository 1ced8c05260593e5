'use client';

import { useId, useState } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

export function DepartmentCreateForm({ action, departments = [] }: { action: TFormAction<{ id: string }>; departments?: { code: string; name: string; depth: number }[] }) {
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
      <div>
        <label htmlFor={`${id}-kind`} className={ui.label}>
          {m.departments.kind}
        </label>
        <select id={`${id}-kind`} name="kind" defaultValue="BU" className={ui.select}>
          {(['BU', 'KA', 'KAKARI'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {m.departments.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-parent`} className={ui.label}>
          {m.departments.parent}
        </label>
        <p id={`${id}-parent-hint`} className={ui.hint}>
          {m.departments.parentHint}
        </p>
        <select id={`${id}-parent`} name="parentCode" defaultValue="" aria-describedby={`${id}-parent-hint`} className={ui.select}>
          <option value="">{m.departments.noParent}</option>
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {'　'.repeat(d.depth)}
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.departments.creating : m.departments.create}
      </button>
    </form>
  );
}
