import { AccountEditForm } from '@/components/admin/account-edit-form';
import { AccountPasswordReset } from '@/components/admin/account-password-reset';
import { AccountStatusToggle } from '@/components/admin/account-status-toggle';
import type { TDepartmentOption } from '@/components/admin/department-select';
import type { TFormAction } from '@/components/forms/use-dal-form';
import { EmptyState } from '@/components/ui/empty-state';
import { Tag } from '@/components/ui/tag';
import { adminMessages as m } from '@/lib/messages/admin';
import type { TAccountRow } from '@/lib/server/admin/accounts';

export type TAccountActions = {
  update: TFormAction<void>;
  resetPassword: TFormAction<{ password: string }>;
  setStatus: TFormAction<void>;
};

export function AccountList({
  accounts,
  departments,
  currentLoginId,
  actions,
}: {
  accounts: TAccountRow[];
  departments: TDepartmentOption[];
  currentLoginId: string | null;
  actions: TAccountActions;
}) {
  if (accounts.length === 0) return <EmptyState>{m.accounts.empty}</EmptyState>;
  return (
    <ul className="space-y-4">
      {accounts.map((account) => {
        const self = account.loginId === currentLoginId;
        const headingId = `account-${account.id}`;
        return (
          <li key={account.id} className={`rounded-12 border bg-white p-5 md:p-6 ${account.status === 'DISABLED' ? 'border-dashed border-solid-gray-600 bg-solid-gray-50' : 'border-solid-gray-420'}`}>
            <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
              <div className="min-w-0">
                <h3 id={headingId} className="text-std-18B-160 text-solid-gray-900">
                  {account.displayName}
                  {self && <span className="ml-1 text-std-16N-170 text-solid-gray-700">{m.accounts.you}</span>}
                </h3>
                <p className="text-mono-16N-150 text-solid-gray-800">
                  <span className="sr-only">{m.accounts.loginId}: </span>
                  {account.loginId}
                </p>
              </div>
              <Tag tone={account.status === 'ACTIVE' ? 'green' : 'gray'}>
                <span className="sr-only">{m.accounts.status}: </span>
                {m.accounts.statusLabel[account.status]}
              </Tag>
            </div>
            <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2 text-std-16N-170">
              <div className="flex gap-3">
                <dt className="shrink-0 text-solid-gray-700">{m.accounts.department}</dt>
                <dd>{account.department?.name ?? m.accounts.noDepartment}</dd>
              </div>
              <div className="flex gap-3">
                <dt className="shrink-0 text-solid-gray-700">{m.accounts.roles}</dt>
                <dd>
                  {account.roles.length === 0 ? (
                    m.common.none
                  ) : (
                    <ul className="flex flex-wrap gap-2">
                      {account.roles.map((role) => (
                        <li key={role}>
                          <Tag tone={role === 'ADMIN' ? 'purple' : 'gray'}>{m.roles[role]}</Tag>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
            <div role="group" aria-label={m.accounts.actionsFor(account.loginId)} className="mt-4 flex flex-wrap items-start gap-3">
              <AccountPasswordReset userId={account.id} loginId={account.loginId} displayName={account.displayName} action={actions.resetPassword} />
              {!self && (
                <AccountStatusToggle userId={account.id} loginId={account.loginId} displayName={account.displayName} status={account.status} action={actions.setStatus} />
              )}
            </div>
            <div className="mt-3">
              <AccountEditForm
                account={{ id: account.id, loginId: account.loginId, displayName: account.displayName, departmentCode: account.department?.code ?? null, roles: account.roles }}
                departments={departments}
                action={actions.update}
                self={self}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
