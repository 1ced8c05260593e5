'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ConfirmAction } from '@/components/admin/confirm-action';
import type { TDepartmentOption } from '@/components/admin/department-select';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { Tag } from '@/components/ui/tag';
import { adminMessages as m } from '@/lib/messages/admin';
import { ROLES } from '@/lib/domain/roles';

type TGranteeType = 'DEPARTMENT' | 'ROLE' | 'USER';
type TGrant = { id: string; granteeType: TGranteeType; grantee: string; granteeLabel: string };

function isRole(value: string): value is (typeof ROLES)[number] {
  return (ROLES as readonly string[]).includes(value);
}

/** A role grant is stored by its code; people read its Japanese name. */
function labelOf(grant: TGrant): string {
  return grant.granteeType === 'ROLE' && isRole(grant.grantee) ? m.roles[grant.grantee] : grant.granteeLabel;
}

/** One RESTRICTED document (its title only) with who may read it, and the form to add or revoke. */
export function GrantsCard({
  document,
  departments,
  accounts,
  addAction,
  revokeAction,
}: {
  document: { slug: string; title: string; grants: TGrant[] };
  departments: TDepartmentOption[];
  accounts: { loginId: string; displayName: string }[];
  addAction: TFormAction<{ id: string }>;
  revokeAction: TFormAction<void>;
}) {
  const id = useId();
  const [granteeType, setGranteeType] = useState<TGranteeType>('DEPARTMENT');
  const [revoked, setRevoked] = useState(0);
  const revokedRef = useRef<HTMLParagraphElement>(null);
  const { state, pending, formRef, feedbackRef, onSubmit } = useDalForm(addAction, { resetOnSuccess: true });

  // A revoked grant's row, focus included, leaves the page; the focus goes to the message instead.
  useEffect(() => {
    if (revoked > 0) revokedRef.current?.focus();
  }, [revoked]);

  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={ui.card}>
      <h2 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {document.title}
      </h2>
      <div aria-live="polite" className="empty:hidden">
        {revoked > 0 && (
          <p ref={revokedRef} tabIndex={-1} className="mt-3 rounded-8 border-2 border-success-1 bg-green-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
            {m.grants.revoked}
          </p>
        )}
      </div>
      {document.grants.length === 0 ? (
        <p className="mt-3 text-std-16N-170 text-solid-gray-700">{m.grants.noGrants}</p>
      ) : (
        <ul aria-label={m.grants.grantsOf(document.title)} className="mt-3 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
          {document.grants.map((grant) => {
            const label = labelOf(grant);
            return (
              <li key={grant.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-3">
                <p className="flex min-h-12 flex-wrap items-center gap-2 text-std-16N-170">
                  <Tag tone="gray">{m.grants.granteeTypes[grant.granteeType]}</Tag>
                  <span className="text-solid-gray-900">{label}</span>
                </p>
                <ConfirmAction
                  action={revokeAction}
                  fields={{ grantId: grant.id }}
                  trigger={m.grants.revoke}
                  triggerLabel={m.grants.revokeFor(label)}
                  question={m.grants.revokeConfirm(label, document.title)}
                  confirmLabel={m.grants.revokeDo}
                  pendingLabel={m.grants.revoking}
                  onDone={() => setRevoked((n) => n + 1)}
                />
              </li>
            );
          })}
        </ul>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 space-y-4">
        <h3 className="text-std-17B-170 text-solid-gray-900">{m.grants.addHeading}</h3>
        <input type="hidden" name="documentSlug" value={document.slug} />
        <FormFeedback state={state} feedbackRef={feedbackRef} success={<p>{m.grants.added}</p>} />
        <div className="grid gap-4 md:grid-cols-[12rem_minmax(0,1fr)_auto] md:items-end">
          <div>
            <label htmlFor={`${id}-type`} className={ui.label}>
              {m.grants.granteeType}
            </label>
            <select
              id={`${id}-type`}
              name="granteeType"
              value={granteeType}
              onChange={(event) => setGranteeType(event.target.value as TGranteeType)}
              className={ui.select}
            >
              {(['DEPARTMENT', 'ROLE', 'USER'] as const).map((type) => (
                <option key={type} value={type}>
                  {m.grants.granteeTypes[type]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-grantee`} className={ui.label}>
              {m.grants.grantee}
            </label>
            {granteeType === 'USER' ? (
              <>
                <input
                  id={`${id}-grantee`}
                  name="grantee"
                  type="text"
                  list={`${id}-accounts`}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  placeholder={m.grants.granteeUserHint}
                  className={ui.input}
                />
                <datalist id={`${id}-accounts`}>
                  {accounts.map((account) => (
                    <option key={account.loginId} value={account.loginId} label={account.displayName} />
                  ))}
                </datalist>
              </>
            ) : (
              <select key={granteeType} id={`${id}-grantee`} name="grantee" defaultValue="" className={ui.select}>
                <option value="">{m.grants.choose}</option>
                {granteeType === 'DEPARTMENT'
                  ? departments.map((department) => (
                      <option key={department.code} value={department.code}>
                        {department.name}
                      </option>
                    ))
                  : ROLES.map((role) => (
                      <option key={role} value={role}>
                        {m.roles[role]}
                      </option>
                    ))}
              </select>
            )}
          </div>
          <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
            {pending ? m.grants.adding : m.grants.add}
          </button>
        </div>
      </form>
    </section>
  );
}
