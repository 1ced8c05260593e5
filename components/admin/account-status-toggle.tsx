'use client';

import { ConfirmAction } from '@/components/admin/confirm-action';
import type { TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

/** Disables an active account or enables a disabled one, each after a confirmation. */
export function AccountStatusToggle({
  userId,
  loginId,
  displayName,
  status,
  action,
}: {
  userId: string;
  loginId: string;
  displayName: string;
  status: 'ACTIVE' | 'DISABLED';
  action: TFormAction<void>;
}) {
  const next = status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE';
  const disabling = next === 'DISABLED';
  return (
    <ConfirmAction
      action={action}
      fields={{ userId, status: next }}
      tone={disabling ? 'danger' : 'normal'}
      trigger={disabling ? m.accounts.disable : m.accounts.enable}
      triggerLabel={`${loginId}を${disabling ? m.accounts.disable : m.accounts.enable}`}
      question={disabling ? m.accounts.disableConfirm(displayName) : m.accounts.enableConfirm(displayName)}
      confirmLabel={disabling ? m.accounts.disableDo : m.accounts.enableDo}
      pendingLabel={m.accounts.saving}
      // Rendered after the page has refreshed, when `status` is already the new one.
      renderSuccess={() => <p className="rounded-8 border-2 border-success-1 bg-green-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">{m.accounts.statusDone[status]}</p>}
    />
  );
}
