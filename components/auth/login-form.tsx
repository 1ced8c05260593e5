'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { authMessages as m } from '@/lib/messages/auth';

type TLoginError = { message: string; field?: 'loginId' | 'password'; seq: number };

/**
 * The sign-in form. `callbackUrl` has been checked by the page (a path of this site only);
 * `initialError` is the Japanese sentence for an `?error=` that next-auth redirected with.
 */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<TLoginError | null>(initialError ? { message: initialError, seq: 0 } : null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const errorId = `${id}-error`;

  // Every new error takes the focus, so a screen reader reads it at once (the same text twice included).
  useEffect(() => {
    if (error && error.seq > 0) errorRef.current?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const loginId = String(data.get('loginId') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const seq = (error?.seq ?? 0) + 1;
    if (!loginId) return setError({ message: m.login.loginIdRequired, field: 'loginId', seq });
    if (!password) return setError({ message: m.login.passwordRequired, field: 'password', seq });

    setPending(true);
    try {
      const result = await signIn('credentials', { loginId, password, redirect: false, callbackUrl });
      if (result && !result.error) {
        // A full navigation, so that every server component reads the new session.
        window.location.assign(result.url ?? callbackUrl);
        return;
      }
      setError({ message: result?.error === 'Throttled' ? m.login.throttled : m.login.invalid, seq });
    } catch {
      setError({ message: m.login.failed, seq });
    }
    setPending(false);
  }

  const invalidField = (name: 'loginId' | 'password') => (error ? error.field === undefined || error.field === name : false);

  return (
    <form noValidate onSubmit={submit} className="space-y-6">
      <div aria-live="assertive" aria-atomic="true" className="empty:hidden">
        {error && (
          <div
            ref={errorRef}
            id={errorId}
            tabIndex={-1}
            className="rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-solid-gray-900"
          >
            <p className="text-std-16B-170 text-error-2">{m.login.errorHeading}</p>
            <p className="mt-1">{error.message}</p>
          </div>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-login-id`} className="block text-std-17B-170 text-solid-gray-900">
          {m.login.loginId}
        </label>
        <input
          id={`${id}-login-id`}
          name="loginId"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          aria-invalid={invalidField('loginId') || undefined}
          aria-describedby={error && invalidField('loginId') ? errorId : undefined}
          className="mt-2 block min-h-14 w-full rounded-8 border border-solid-gray-600 bg-white px-4 text-std-17N-170 text-solid-gray-900 hover:border-black aria-invalid:border-error-1"
        />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-std-17B-170 text-solid-gray-900">
          {m.login.password}
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalidField('password') || undefined}
          aria-describedby={error && invalidField('password') ? errorId : undefined}
          className="mt-2 block min-h-14 w-full rounded-8 border border-solid-gray-600 bg-white px-4 text-std-17N-170 text-solid-gray-900 hover:border-black aria-invalid:border-error-1"
        />
      </div>
      <button
        type="submit"
        aria-disabled={pending || undefined}
        className="inline-flex min-h-14 w-full items-center justify-center rounded-8 bg-blue-900 px-6 text-oln-17B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 aria-disabled:cursor-wait aria-disabled:bg-solid-gray-600 sm:w-auto sm:min-w-[12rem]"
      >
        {pending ? m.login.submitting : m.login.submit}
      </button>
    </form>
  );
}
