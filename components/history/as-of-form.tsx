'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { historyMessages } from '@/lib/messages/history';

const m = historyMessages.asOf;

/**
 * 「表示する日付」: the text as in force on a date typed in 和暦 (令和4年5月26日, R4.5.26) or ISO.
 * A GET form underneath, so that without script an ISO date still works; with script the date is
 * read here and the page is asked for `?asOf=YYYY-MM-DD`.
 */
export function AsOfForm({ action, defaultValue = '' }: { action: string; defaultValue?: string }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get('asOf') ?? '').trim();
    if (raw === '') return setError(m.required);
    // The 和暦 reader is loaded on the first submit, not with every page that shows this form.
    const { parseWarekiDate } = await import('@/lib/policy-text/wareki');
    const iso = parseWarekiDate(raw);
    if (!iso) return setError(m.unreadable);
    setError(null);
    router.push(`${action}?asOf=${iso}`);
  }

  return (
    <form method="get" action={action} onSubmit={submit} noValidate className="print:hidden">
      <label htmlFor={`${id}-input`} className="block text-std-16B-170 text-solid-gray-900">
        {m.label}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-dns-14N-130 text-solid-gray-700">
        {m.hint}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          id={`${id}-input`}
          name="asOf"
          type="text"
          autoComplete="off"
          defaultValue={defaultValue}
          onChange={() => error && setError(null)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          className="block min-h-12 w-full max-w-[14rem] rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 text-solid-gray-900 hover:border-black aria-invalid:border-error-1"
        />
        <button
          type="submit"
          className="inline-flex min-h-12 items-center justify-center rounded-8 border border-blue-900 bg-white px-5 text-oln-16B-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100"
        >
          {m.submit}
        </button>
      </div>
      <p id={`${id}-error`} role="alert" className="mt-2 text-std-16N-170 text-error-2 empty:hidden">
        {error}
      </p>
    </form>
  );
}
