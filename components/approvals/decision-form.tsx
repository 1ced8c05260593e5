'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApprovalAckFields, copyAckFields } from '@/components/acknowledgments/change-kind-field';
import type { TChangeKind } from '@/lib/domain/acknowledgments';
import { ErrorBox } from '@/components/forms/error-box';
import { ui } from '@/components/forms/styles';
import { EffectiveDateField, readEffectiveDate } from '@/components/editor/effective-date-field';
import { useHydrated } from '@/components/editor/use-hydrated';
import { workflowMessages as m } from '@/lib/messages/workflow';
import type { TActionResult } from '@/lib/domain/action-result';

type TApproveAction = (formData: FormData) => Promise<TActionResult<{ approved: boolean; approvals: number; required: number; rebased?: number[]; overlap?: { scheduledNumber: number } }>>;
type TConfirmAction = (formData: FormData) => Promise<TActionResult<{ edition: number }>>;
type TRejectAction = (formData: FormData) => Promise<TActionResult<void>>;

/**
 * コメント and 施行日 (the proposed date, which the approver may change), then 承認する or
 * 差し戻す. A rejection needs a comment: said here at once, and again by the DAL.
 * On success the approver returns to the queue, which says what happened.
 */
export function DecisionForm({
  slug,
  number,
  proposedDate,
  today,
  approveAction,
  rejectAction,
  canApprove = true,
  proposedChangeKind = 'SUBSTANTIVE',
}: {
  /** the editor's 実質改正 / 形式改正, which the approver confirms */
  proposedChangeKind?: TChangeKind;
  slug: string;
  number: number;
  /** false when the revision's base is stale: only sending it back is offered (the DAL refuses the rest) */
  canApprove?: boolean;
  proposedDate: string | null;
  /** today's date in Japan by the server's clock */
  today: string;
  approveAction: TApproveAction;
  rejectAction: TRejectAction;
}) {
  const id = useId();
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [date, setDate] = useState(proposedDate ?? '');
  const [errors, setErrors] = useState<{ comment?: string; date?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<'approve' | 'reject' | null>(null);
  const hydrated = useHydrated();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  function done(params: Record<string, string>) {
    router.push(`/approvals?${new URLSearchParams({ slug, number: String(number), ...params })}`);
    // The header's task count lives in the root layout, which a navigation does not re-render.
    router.refresh();
  }

  async function decide(kind: 'approve' | 'reject', formElement: HTMLFormElement) {
    if (pending) return;
    setFailure(null);
    const readDate = readEffectiveDate(date, today);
    if (kind === 'reject') {
      const commentError = comment.trim() === '' ? m.review.rejectNeedsComment : undefined;
      setErrors({ comment: commentError });
      if (commentError) return commentRef.current?.focus();
    } else {
      const dateError = readDate.ok ? undefined : readDate.message;
      setErrors({ date: dateError });
      if (dateError) return dateRef.current?.focus();
    }
    setPending(kind);
    try {
      const form = new FormData();
      form.set('slug', slug);
      form.set('number', String(number));
      form.set('comment', comment);
      if (kind === 'approve' && readDate.ok) form.set('effectiveDate', readDate.iso);
      if (kind === 'approve') copyAckFields(formElement, form);
      if (kind === 'approve') {
        const result = await approveAction(form);
        if (!result.ok) return showFailure(result.error.message);
        const { approved, approvals, required, rebased, overlap } = result.data;
        if (overlap) return done({ done: 'overlap' });
        if (approved) return done({ done: rebased?.length ? 'rebased' : 'approved', date: readDate.ok ? readDate.iso : '' });
        return done({ done: 'partial', approvals: String(approvals), required: String(required) });
      }
      const result = await rejectAction(form);
      if (!result.ok) return showFailure(result.error.message);
      done({ done: 'rejected' });
    } catch {
      showFailure(m.common.networkError);
    } finally {
      setPending(null);
    }
  }

  function showFailure(message: string) {
    setFailure(message);
    window.setTimeout(() => failureRef.current?.focus(), 0);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void decide(submitter?.getAttribute('value') === 'reject' || !canApprove ? 'reject' : 'approve', event.currentTarget);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-[42rem] space-y-5">
      <div ref={failureRef} tabIndex={-1} aria-live="polite" className="rounded-8 empty:hidden">
        {failure && (
          <ErrorBox heading={m.common.errorHeading} message={failure} />
        )}
      </div>
      <div>
        <label htmlFor={`${id}-comment`} className={ui.label}>
          {m.review.comment}
        </label>
        <p id={`${id}-comment-hint`} className={ui.hint}>
          {m.review.commentHint}
        </p>
        <textarea
          ref={commentRef}
          id={`${id}-comment`}
          rows={4}
          maxLength={2000}
          value={comment}
          readOnly={!hydrated}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={`${id}-comment-hint${errors.comment ? ` ${id}-comment-error` : ''}`}
          className={`${ui.input} py-3`}
        />
        {errors.comment && (
          <p id={`${id}-comment-error`} className="mt-2 text-std-16N-170 text-error-2">
            {errors.comment}
          </p>
        )}
      </div>
      {canApprove && (
        <EffectiveDateField id={`${id}-date`} name="effectiveDate" value={date} onChange={setDate} error={errors.date ?? null} hint={`${m.review.effectiveDateHint} ${m.effectiveDate.hint}`} inputRef={dateRef} readOnly={!hydrated} />
      )}
      {canApprove && <ApprovalAckFields id={`${id}-ack`} proposedKind={proposedChangeKind} />}
      <div className="flex flex-wrap gap-3">
        {canApprove && (
          <button type="submit" name="decision" value="approve" aria-disabled={pending !== null || undefined} className={ui.primary}>
            {pending === 'approve' ? m.review.approving : m.review.approve}
          </button>
        )}
        <button type="submit" name="decision" value="reject" aria-disabled={pending !== null || undefined} className={ui.dangerOutline}>
          {pending === 'reject' ? m.review.rejecting : m.review.reject}
        </button>
      </div>
    </form>
  );
}

/** A rebased revision: an optional comment, then 確認する. */
export function ConfirmForm({ slug, number, action }: { slug: string; number: number; action: TConfirmAction }) {
  const id = useId();
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const failureRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    setPending(true);
    try {
      const form = new FormData();
      form.set('slug', slug);
      form.set('number', String(number));
      form.set('comment', comment);
      const result = await action(form);
      if (!result.ok) {
        setFailure(result.error.message);
        window.setTimeout(() => failureRef.current?.focus(), 0);
        return;
      }
      router.push(`/approvals?${new URLSearchParams({ slug, number: String(result.data.edition), done: 'confirmed' })}`);
      router.refresh();
    } catch {
      setFailure(m.common.networkError);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-[42rem] space-y-5">
      <div ref={failureRef} tabIndex={-1} aria-live="polite" className="rounded-8 empty:hidden">
        {failure && (
          <ErrorBox heading={m.common.errorHeading} message={failure} />
        )}
      </div>
      <div>
        <label htmlFor={`${id}-comment`} className={ui.label}>
          {m.review.comment}
        </label>
        <textarea id={`${id}-comment`} rows={3} maxLength={2000} value={comment} readOnly={!hydrated} onChange={(event) => setComment(event.target.value)} className={`${ui.input} py-3`} />
      </div>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.review.confirming : m.review.confirm}
      </button>
    </form>
  );
}
