'use client';

import type { Ref } from 'react';
import { ui } from '@/components/forms/styles';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki, parseWarekiDate } from '@/lib/policy-text/wareki';

/**
 * The ISO date a typed effective date stands for (2026-04-01, 令和8年4月1日, R8.4.1 …),
 * or a message saying why it cannot be used. `today` is the server's date in Japan (the DAL's
 * clock, which a demo may pin), so that both sides agree on what is past.
 */
export function readEffectiveDate(raw: string, today: string): { ok: true; iso: string } | { ok: false; message: string } {
  if (raw.trim() === '') return { ok: false, message: m.effectiveDate.required };
  const iso = parseWarekiDate(raw);
  if (!iso) return { ok: false, message: m.effectiveDate.unreadable };
  if (iso < today) return { ok: false, message: m.effectiveDate.past };
  return { ok: true, iso };
}

/**
 * A date field that accepts the Western or the Japanese-era form and shows, as one types, the
 * date it reads in both. The form receives the ISO date in a hidden field named `name`.
 */
export function EffectiveDateField({
  id,
  name,
  value,
  onChange,
  error,
  hint = m.effectiveDate.hint,
  inputRef,
  readOnly = false,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** shown after a submit attempt */
  error: string | null;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  readOnly?: boolean;
}) {
  const iso = value.trim() === '' ? null : parseWarekiDate(value);
  return (
    <div>
      <label htmlFor={id} className={ui.label}>
        {m.effectiveDate.label}
        <span className="ml-2 text-dns-14N-130 text-error-2">{m.common.required}</span>
      </label>
      <p id={`${id}-hint`} className={ui.hint}>
        {hint}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <input
          ref={inputRef}
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          value={value}
          readOnly={readOnly}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint ${id}-read${error ? ` ${id}-error` : ''}`}
          className={`${ui.input} mt-0! w-full max-w-[16rem]`}
        />
        <p id={`${id}-read`} aria-live="polite" className="text-std-16N-170 text-solid-gray-800">
          {value.trim() === '' ? null : iso ? (
            <>
              <span className="sr-only">{m.effectiveDate.readAsLabel}: </span>
              {m.effectiveDate.readAs(formatWareki(iso), iso)}
            </>
          ) : (
            <span className="text-error-2">{m.effectiveDate.unreadable}</span>
          )}
        </p>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-2 text-std-16N-170 text-error-2">
          {error}
        </p>
      )}
      <input type="hidden" name={name} value={iso ?? value} />
    </div>
  );
}
