'use client';

import { useId } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

/** The name of one department, editable in place. */
export function DepartmentRenameForm({ department, action }: { department: { id: string; code: string; name: string }; action: TFormAction<void> }) {
  const id = useId();
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="departmentId" value={department.id} />
      <FormFeedback state={state} feedbackRef={feedbackRef} success={<p>{m.departments.renamed}</p>} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-[14rem]">
          <label htmlFor={`${id}-name`} className="sr-only">
            {m.departments.renameLabel(department.code)}
          </label>
          <input id={`${id}-name`} name="name" type="text" autoComplete="off" defaultValue={department.name} required className={`${ui.input} mt-0`} />
        </div>
        <button type="submit" aria-disabled={pending || undefined} className={ui.secondary}>
          {pending ? m.departments.renaming : m.departments.rename}
        </button>
      </div>
    </form>
  );
}
