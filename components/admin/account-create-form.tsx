'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { DepartmentSelect, type TDepartmentOption } from '@/components/admin/department-select';
import { FormFeedback } from '@/components/forms/form-feedback';
import { OneTimePassword } from '@/components/admin/one-time-password';
import { RoleCheckboxes } from '@/components/admin/role-checkboxes';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

type TCreated = { userId: string; loginId: string; password: string };

/**
 * Creates an account and shows its generated password. The password stays on screen until the
 * page is left (a later refused attempt does not hide it): it cannot be shown again.
 */
export function AccountCreateForm({ action, departments }: { action: TFormAction<TCreated>; departments: TDepartmentOption[] }) {
  const id = useId();
  const [created, setCreated] = useState<TCreated | null>(null);
  const { state, pending, formRef, feedbackRef, onSubmit } = useDalForm(action, { resetOnSuccess: true, onSuccess: setCreated });

  return (
    <div className="space-y-6">
      {created && <CreatedAccount key={created.userId} created={created} />}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
        {state && !state.ok && <FormFeedback state={state} feedbackRef={feedbackRef} />}
        <div className="grid gap-x-10 gap-y-5 lg:grid-cols-2">
          <div className="space-y-5">
            <div>
              <label htmlFor={`${id}-login-id`} className={ui.label}>
                {m.accounts.loginId}
              </label>
              <p id={`${id}-login-id-hint`} className={ui.hint}>
                {m.accounts.loginIdHint}
              </p>
              <input
                id={`${id}-login-id`}
                name="loginId"
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                required
                aria-describedby={`${id}-login-id-hint`}
                className={ui.input}
              />
            </div>
            <div>
              <label htmlFor={`${id}-name`} className={ui.label}>
                {m.accounts.displayName}
              </label>
              <input id={`${id}-name`} name="displayName" type="text" autoComplete="off" required className={ui.input} />
            </div>
            <DepartmentSelect id={`${id}-department`} departments={departments} defaultValue="" />
          </div>
          <RoleCheckboxes idPrefix={id} checked={['STAFF']} />
        </div>
        <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
          {pending ? m.accounts.creating : m.accounts.create}
        </button>
      </form>
    </div>
  );
}

function CreatedAccount({ created }: { created: TCreated }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite" className="space-y-3 rounded-8">
      <p className="rounded-8 border-2 border-success-1 bg-green-50 px-4 py-3 text-std-16B-170 text-solid-gray-900">{m.accounts.createdHeading(created.loginId)}</p>
      <OneTimePassword title={m.accounts.passwordBoxTitle} loginId={created.loginId} password={created.password} />
    </div>
  );
}
