'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ChangeKindField, copyAckFields } from '@/components/acknowledgments/change-kind-field';
import { acknowledgmentMessages } from '@/lib/messages/acknowledgments';
import { ErrorBox } from '@/components/forms/error-box';
import { ui } from '@/components/forms/styles';
import { EffectiveDateField, readEffectiveDate } from '@/components/editor/effective-date-field';
import { issuesFromMessage, ParseIssues, type TLineIssue } from '@/components/editor/parse-issues';
import { useHydrated } from '@/components/editor/use-hydrated';
import { workflowMessages as m } from '@/lib/messages/workflow';
import type { TActionResult } from '@/lib/domain/action-result';

export type TSubmitAction = (formData: FormData) => Promise<TActionResult<{ number: number }>>;
export type TCheckDateAction = (formData: FormData) => Promise<TActionResult<{ ok: true; amends: string | null } | { ok: false; message: string }>>;

type TBeforeSubmit = () => Promise<{ ok: true } | { ok: false; parseErrors: TLineIssue[] } | { ok: false; message: string }>;

type TProblem = { kind: 'message'; message: string } | { kind: 'parse'; issues: TLineIssue[] } | null;

/**
 * 改正理由 and 施行日, then 「承認依頼を提出する」. The DAL submits the saved text, so the editor
 * saves first (`beforeSubmit`), after checking that the text parses: the errors then name their
 * lines here as in the preview.
 */
export function SubmitForm({
  slug,
  number,
  defaultReason,
  defaultDate,
  today,
  action,
  checkDateAction,
  blocked,
  beforeSubmit,
  onGoToLine,
  onSubmitted,
}: {
  slug: string;
  number: number;
  defaultReason: string;
  defaultDate: string;
  today: string;
  action: TSubmitAction;
  /** asks the server, as the date is entered, whether it collides with another revision's */
  checkDateAction?: TCheckDateAction;
  blocked: boolean;
  beforeSubmit: TBeforeSubmit;
  onGoToLine: (line: number) => void;
  onSubmitted: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState(defaultReason);
  const [date, setDate] = useState(defaultDate);
  const [errors, setErrors] = useState<{ reason?: string; date?: string }>({});
  const [problem, setProblem] = useState<TProblem>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [dateCheck, setDateCheck] = useState<{ iso: string; message: string | null; amends: string | null } | null>(null);

  // The live check: a short pause after typing, then the server says whether the date is free and
  // which revision the draft would amend on it. Submitting checks again; this only says it sooner.
  useEffect(() => {
    if (!checkDateAction) return;
    const read = readEffectiveDate(date, today);
    if (!read.ok) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      const form = new FormData();
      form.set('slug', slug);
      form.set('number', String(number));
      form.set('effectiveDate', read.iso);
      try {
        const result = await checkDateAction(form);
        if (cancelled || !result.ok) return;
        setDateCheck({ iso: read.iso, message: result.data.ok ? null : result.data.message, amends: result.data.ok ? result.data.amends : null });
      } catch {
        // the check is a courtesy; the submit checks again
      }
    }, 400);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [checkDateAction, date, today, slug, number]);
  const currentIso = (() => {
    const read = readEffectiveDate(date, today);
    return read.ok ? read.iso : null;
  })();
  const liveDateProblem = dateCheck && dateCheck.iso === currentIso ? dateCheck.message : null;
  const liveDateAmends = dateCheck && dateCheck.iso === currentIso && !dateCheck.message ? dateCheck.amends : null;

  function showProblem(next: TProblem) {
    setProblem(next);
    window.setTimeout(() => problemRef.current?.focus(), 0);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (pending) return;
    if (blocked) return showProblem({ kind: 'message', message: m.submit.conflictFirst });
    const readDate = readEffectiveDate(date, today);
    const nextErrors = {
      reason: reason.trim() === '' ? m.submit.reasonRequired : undefined,
      date: readDate.ok ? undefined : readDate.message,
    };
    setErrors(nextErrors);
    setProblem(null);
    if (nextErrors.reason) return reasonRef.current?.focus();
    if (!readDate.ok) return dateRef.current?.focus();

    setPending(true);
    try {
      const ready = await beforeSubmit();
      if (!ready.ok) return showProblem('parseErrors' in ready ? { kind: 'parse', issues: ready.parseErrors } : { kind: 'message', message: ready.message });
      const form = new FormData();
      form.set('slug', slug);
      form.set('number', String(number));
      form.set('changeReason', reason);
      form.set('effectiveDate', readDate.iso);
      copyAckFields(formElement, form);
      const result = await action(form);
      if (result.ok) return onSubmitted();
      showProblem(result.error.code === 'PARSE_FAILED' ? { kind: 'parse', issues: issuesFromMessage(result.error.message) } : { kind: 'message', message: result.error.message });
    } catch {
      showProblem({ kind: 'message', message: m.common.networkError });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className={ui.card}>
      <h2 id={`${id}-heading`} className="text-std-22B-150 text-solid-gray-900">
        {m.submit.heading}
      </h2>
      <p className="mt-2 max-w-[40em] text-std-16N-170">{m.submit.lead}</p>
      <form onSubmit={onSubmit} noValidate className="mt-5 max-w-[42rem] space-y-5">
        <div ref={problemRef} tabIndex={-1} aria-live="polite" className="rounded-8 empty:hidden">
          {problem?.kind === 'message' && (
            <ErrorBox heading={m.common.errorHeading} message={problem.message} />
          )}
          {problem?.kind === 'parse' && (
            <ParseIssues issues={problem.issues} tone="error" heading={m.submit.parseFailedHeading} lead={m.editor.errorsLead} onGoToLine={onGoToLine} />
          )}
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className={ui.label}>
            {m.submit.reason}
            <span className="ml-2 text-dns-14N-130 text-error-2">{m.common.required}</span>
          </label>
          <p id={`${id}-reason-hint`} className={ui.hint}>
            {m.submit.reasonHint}
          </p>
          <textarea
            ref={reasonRef}
            id={`${id}-reason`}
            name="changeReason"
            rows={4}
            maxLength={2000}
            value={reason}
            readOnly={!hydrated}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ''}`}
            className={`${ui.input} py-3`}
          />
          {errors.reason && (
            <p id={`${id}-reason-error`} className="mt-2 text-std-16N-170 text-error-2">
              {errors.reason}
            </p>
          )}
        </div>
        <EffectiveDateField id={`${id}-date`} name="effectiveDate" value={date} onChange={setDate} error={errors.date ?? liveDateProblem} inputRef={dateRef} readOnly={!hydrated} />
        {liveDateAmends && <p className="-mt-3 text-std-16N-170 text-solid-gray-700">{m.submit.amends(liveDateAmends)}</p>}
        <ChangeKindField id={`${id}-kind`} legend={acknowledgmentMessages.fields.changeKind} />
        <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
          {pending ? m.submit.submitting : m.submit.submit}
        </button>
      </form>
    </section>
  );
}
