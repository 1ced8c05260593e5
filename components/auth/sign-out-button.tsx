'use client';

import { useState } from 'react';
import { authMessages as m } from '@/lib/messages/auth';

const VARIANTS = {
  primary:
    'min-h-14 rounded-8 bg-blue-900 px-8 text-oln-17B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 aria-disabled:bg-solid-gray-600',
  compact:
    'min-h-10 rounded-6 border border-blue-900 bg-white px-3 text-oln-16N-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100 aria-disabled:border-solid-gray-600 aria-disabled:text-solid-gray-600',
} as const;

/*
 * next-auth's own signOut() without next-auth/react: the same two requests (CSRF token, then the
 * sign-out POST), without its ~8 kB (gzip) of client code on every page that shows the header.
 */
async function signOut(callbackUrl: string): Promise<void> {
  const csrf = await fetch('/api/auth/csrf', { cache: 'no-store' });
  if (!csrf.ok) throw new Error(`csrf ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  if (!response.ok) throw new Error(`signout ${response.status}`);
  const { url } = (await response.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

/** Ends the session (next-auth revokes its row) and lands on the home page with a full navigation. */
export function SignOutButton({ variant = 'compact' }: { variant?: keyof typeof VARIANTS }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function run() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    try {
      await signOut('/');
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={run}
        aria-disabled={pending || undefined}
        className={`inline-flex shrink-0 items-center justify-center whitespace-nowrap aria-disabled:cursor-wait ${VARIANTS[variant]}`}
      >
        {pending ? m.logout.pending : m.logout.button}
      </button>
      <span role="status" className={failed ? 'text-dns-14N-130 text-error-2' : 'sr-only'}>
        {failed ? m.logout.failed : ''}
      </span>
    </>
  );
}
