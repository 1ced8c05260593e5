'use client';

import { useId } from 'react';
import { DepartmentSelect, type TDepartmentOption } from '@/components/admin/department-select';
import { FormFeedback } from '@/components/forms/form-feedback';
import { OwnAccessSummary } from '@/components/admin/own-access-summary';
import { RoleCheckboxes } from '@/components/admin/role-checkboxes';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';
import type { TRole } from '@/lib/domain/roles';

type TEditable = { id: string; loginId: string; displayName: string; departmentCode: string | null; roles: readonly TRole[] };

/**
 * Name, department and roles of one account, behind a disclosure so the list stays short. On
 * the administrator's own account only the name is editable (the two-person rule).
 */
export function AccountEditForm({ account, departments, action, self = false }: { account: TEditable; departments: TDepartmentOption[]; action: TFormAction<void>; self?: boolean }) {
  const id = useId();
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action);
  return (
    <details className="group rounded-8 open:border open:border-solid-gray-420 open:bg-solid-gray-50">
      <summary className="flex min-h-11 w-fit cursor-pointer items-center gap-2 rounded-8 px-1 text-std-16N-170 text-blue-1000 group-open:w-full group-open:px-4 hover:underline">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 transition-transform group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 3l5 5-5 5" />
        </svg>
        <span>{m.accounts.editSummary}</span>
        <span className="sr-only">（{account.loginId}）</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="space-y-5 border-t border-solid-gray-420 px-4 pt-4 pb-5">
        <input type="hidden" name="userId" value={account.id} />
        <FormFeedback state={state} feedbackRef={feedbackRef} success={<p>{m.common.saved}</p>} />
        <div className="grid gap-x-10 gap-y-5 md:grid-cols-2">
          <div className="space-y-5">
            <div>
              <label htmlFor={`${id}-name`} className={ui.label}>
                {m.accounts.displayName}
              </label>
              <input id={`${id}-name`} name="displayName" type="text" autoComplete="off" defaultValue={account.displayName} required className={ui.input} />
            </div>
            {!self && <DepartmentSelect id={`${id}-department`} departments={departments} defaultValue={account.departmentCode ?? ''} />}
          </div>
          {self ? (
            <OwnAccessSummary
              idPrefix={id}
              roles={account.roles}
              departmentCode={account.departmentCode}
              departmentName={departments.find((d) => d.code === account.departmentCode)?.name ?? null}
            />
          ) : (
            <RoleCheckboxes idPrefix={id} checked={account.roles} />
          )}
        </div>
        <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
          {pending ? m.accounts.saving : m.accounts.save}
        </button>
      </form>
    </details>
  );
}
