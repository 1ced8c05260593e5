'use client';

import { useId } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { directoryLinkMessages as m } from '@/lib/messages/directory-link';

type TResult = { linked: boolean };
type TAccountOption = { id: string; loginId: string; displayName: string };
type TLink = { userId: string; loginId: string; displayName: string; issuer: string; subject: string };

/** Sets an account's directory link (issuer and subject of its ID tokens), or clears it with both empty. */
export function DirectoryLinkForm({ action, accounts, defaultIssuer }: { action: TFormAction<TResult>; accounts: TAccountOption[]; defaultIssuer: string }) {
  const id = useId();
  const { state, pending, formRef, feedbackRef, onSubmit } = useDalForm(action, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFeedback state={state} feedbackRef={feedbackRef} success={<p>{state?.ok && state.data.linked ? m.linked : m.unlinked}</p>} />
      <div className="grid gap-x-10 gap-y-5 lg:grid-cols-2">
        <div>
          <label htmlFor={`${id}-account`} className={ui.label}>
            {m.account}
          </label>
          <select id={`${id}-account`} name="userId" required defaultValue="" className={ui.select}>
            <option value="" disabled>
              {m.chooseAccount}
            </option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.loginId}（{a.displayName}）
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-issuer`} className={ui.label}>
            {m.issuer}
          </label>
          <p id={`${id}-issuer-hint`} className={ui.hint}>
            {m.issuerHint}
          </p>
          <input id={`${id}-issuer`} name="issuer" type="url" inputMode="url" autoComplete="off" spellCheck={false} defaultValue={defaultIssuer} aria-describedby={`${id}-issuer-hint`} className={ui.input} />
        </div>
        <div className="lg:col-start-2">
          <label htmlFor={`${id}-subject`} className={ui.label}>
            {m.subject}
          </label>
          <p id={`${id}-subject-hint`} className={ui.hint}>
            {m.subjectHint}
          </p>
          <input id={`${id}-subject`} name="subject" type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} aria-describedby={`${id}-subject-hint`} className={ui.input} />
        </div>
      </div>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.saving : m.save}
      </button>
    </form>
  );
}

/** The accounts linked today, each with a button that clears its link. */
export function DirectoryLinkList({ action, links }: { action: TFormAction<TResult>; links: TLink[] }) {
  if (links.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{m.empty}</p>;
  return (
    <ul className="divide-y divide-solid-gray-420 rounded-12 border border-solid-gray-420 bg-white">
      {links.map((link) => (
        <li key={link.userId} className="flex flex-wrap items-start justify-between gap-4 px-5 py-4">
          <div className="min-w-0">
            <p className="text-std-16B-170 text-solid-gray-900">
              {link.loginId}（{link.displayName}）
            </p>
            <p className="text-dns-14N-130 break-all text-solid-gray-700">
              {m.issuer}: {link.issuer}
            </p>
            <p className="text-dns-14N-130 break-all text-solid-gray-700">
              {m.subject}: {link.subject}
            </p>
          </div>
          <UnlinkButton action={action} link={link} />
        </li>
      ))}
    </ul>
  );
}

function UnlinkButton({ action, link }: { action: TFormAction<TResult>; link: TLink }) {
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="userId" value={link.userId} />
      <input type="hidden" name="issuer" value="" />
      <input type="hidden" name="subject" value="" />
      <FormFeedback state={state && !state.ok ? state : null} feedbackRef={feedbackRef} />
      <button type="submit" aria-label={m.unlinkLabel(link.loginId)} aria-disabled={pending || undefined} className={ui.rowDanger}>
        {pending ? m.unlinking : m.unlink}
      </button>
    </form>
  );
}
