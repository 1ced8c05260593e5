'use client';

import { ConfirmAction } from '@/components/admin/confirm-action';
import { OneTimePassword } from '@/components/admin/one-time-password';
import type { TFormAction } from '@/components/forms/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

/** Issues a new password after a confirmation and shows it once. */
export function AccountPasswordReset({ userId, loginId, displayName, action }: { userId: string; loginId: string; displayName: string; action: TFormAction<{ password: string }> }) {
  return (
    <ConfirmAction
      action={action}
      fields={{ userId }}
      tone="normal"
      trigger={m.accounts.resetPassword}
      triggerLabel={`${loginId}の${m.accounts.resetPassword}`}
      question={m.accounts.resetConfirm(displayName)}
      confirmLabel={m.accounts.resetDo}
      pendingLabel={m.accounts.resetting}
      renderSuccess={(data) => <OneTimePassword title={m.accounts.resetDoneTitle} loginId={loginId} password={data.password} />}
    />
  );
}
