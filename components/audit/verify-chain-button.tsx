'use client';

import { useActionState, type MouseEvent } from 'react';
import { ui } from '@/components/forms/styles';
import { auditMessages as m } from '@/lib/messages/audit';
import type { TVerifyResult } from '@/lib/server/audit/verify-chain';
import type { TActionResult } from '@/lib/domain/action-result';

/**
 * 「今すぐ検証する」. The result itself appears in the box above once the page refreshes; here
 * only a short sentence is announced. The button stays focusable while pending (aria-disabled,
 * not disabled), so the keyboard focus is not lost.
 */
export function VerifyChainButton({ action }: { action: () => Promise<TActionResult<TVerifyResult>> }) {
  const [state, formAction, pending] = useActionState(async (_previous: TActionResult<TVerifyResult> | null) => action(), null);

  function guard(event: MouseEvent<HTMLButtonElement>) {
    if (pending) event.preventDefault();
  }

  return (
    <form action={formAction} className="space-y-3">
      <button type="submit" onClick={guard} aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.chain.verifying : m.chain.verify}
      </button>
      <div aria-live="polite" aria-atomic="true" className="empty:hidden">
        {!pending && state?.ok && <p className="text-std-16N-170 text-solid-gray-900">{state.data.ok ? m.chain.doneOk : m.chain.doneBroken}</p>}
        {!pending && state && !state.ok && (
          <div className="rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
            <p className="text-std-16B-170 text-error-2">{m.chain.errorHeading}</p>
            <p className="mt-1">{state.error.message}</p>
          </div>
        )}
      </div>
    </form>
  );
}
