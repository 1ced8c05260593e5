'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { messages as common } from '@/lib/messages/ja';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { DOCUMENT_KINDS, VISIBILITIES, type TVisibility } from '@/lib/domain/documents';

export type TParentChoice = { slug: string; title: string; depth: number };
export type TDepartmentChoice = { code: string; name: string };

export type TDocumentFormValues = {
  title: string;
  parentSlug: string;
  departmentCode: string;
  visibility: TVisibility;
  /** null when the current value is not known to the screen: the field is then left empty */
  requiredApprovals: number | null;
  reviewIntervalMonths: number | null;
};

// A document called "new" would be hidden behind the page that creates documents (/documents/new).
const RESERVED_SLUGS = new Set(['new']);

/**
 * Creates a document (mode "create": with slug and kind, then on to its editor) or changes its
 * metadata (mode "settings": slug and kind are fixed). The DAL validates every field again.
 */
export function DocumentForm({
  mode,
  slug,
  initial,
  parents,
  departments,
  action,
  hiddenFields = {},
  createLabels = { idle: m.documentForm.create, pending: m.documentForm.creating },
  createdNotice = 'created',
}: {
  /** fields sent with the form that the person does not edit here (an import's text and receipt) */
  hiddenFields?: Record<string, string>;
  createLabels?: { idle: string; pending: string };
  /** the editor's notice after a document is created */
  createdNotice?: string;
  mode: 'create' | 'settings';
  slug?: string;
  initial: TDocumentFormValues;
  parents: TParentChoice[];
  departments: TDepartmentChoice[];
  action: TFormAction<{ slug: string } | void>;
}) {
  const id = useId();
  const router = useRouter();
  const [slugError, setSlugError] = useState<string | null>(null);
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action, {
    onSuccess: (data) => {
      if (mode === 'create' && data) router.push(`/documents/${data.slug}/edit?notice=${createdNotice}`);
    },
  });
  const unknownHint = initial.requiredApprovals === null || initial.reviewIntervalMonths === null;

  return (
    <form
      onSubmit={(event) => {
        if (mode === 'create') {
          const value = String(new FormData(event.currentTarget).get('slug') ?? '').trim();
          const reserved = RESERVED_SLUGS.has(value);
          setSlugError(reserved ? m.documentForm.slugReserved : null);
          if (reserved) {
            event.preventDefault();
            return;
          }
        }
        onSubmit(event);
      }}
      noValidate
      className="max-w-[42rem] space-y-6"
    >
      <FormFeedback state={state} feedbackRef={feedbackRef} success={mode === 'settings' ? <p>{m.documentForm.saved}</p> : undefined} />
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {mode === 'create' ? (
        <>
          <div>
            <label htmlFor={`${id}-slug`} className={ui.label}>
              {m.documentForm.slug}
              <Required />
            </label>
            <p id={`${id}-slug-hint`} className={ui.hint}>
              {m.documentForm.slugHint}
            </p>
            <input
              id={`${id}-slug`}
              name="slug"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={slugError ? true : undefined}
              aria-describedby={`${id}-slug-hint${slugError ? ` ${id}-slug-error` : ''}`}
              className={`${ui.input} max-w-[24rem]`}
            />
            {slugError && (
              <p id={`${id}-slug-error`} className="mt-2 text-std-16N-170 text-error-2">
                {slugError}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-kind`} className={ui.label}>
              {m.documentForm.kind}
              <Required />
            </label>
            <select id={`${id}-kind`} name="kind" defaultValue="PROCEDURE" className={`${ui.select} max-w-[24rem]`}>
              {DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {common.kind[kind]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : (
        <input type="hidden" name="slug" value={slug} />
      )}
      <div>
        <label htmlFor={`${id}-title`} className={ui.label}>
          {m.documentForm.title}
          <Required />
        </label>
        <input id={`${id}-title`} name="title" type="text" autoComplete="off" required maxLength={200} defaultValue={initial.title} className={ui.input} />
      </div>
      <div>
        <label htmlFor={`${id}-parent`} className={ui.label}>
          {m.documentForm.parent}
        </label>
        <select id={`${id}-parent`} name="parentSlug" defaultValue={initial.parentSlug} className={ui.select}>
          <option value="">{m.documentForm.noParent}</option>
          {parents.map((parent) => (
            <option key={parent.slug} value={parent.slug}>
              {`${'\u3000'.repeat(parent.depth)}${parent.title}`}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-department`} className={ui.label}>
          {m.documentForm.department}
        </label>
        <select id={`${id}-department`} name="departmentCode" defaultValue={initial.departmentCode} className={`${ui.select} max-w-[24rem]`}>
          <option value="">{m.documentForm.noDepartment}</option>
          {departments.map((department) => (
            <option key={department.code} value={department.code}>
              {department.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={ui.label}>
          {m.documentForm.visibility}
          <Required />
        </legend>
        <div className="mt-2 space-y-2">
          {VISIBILITIES.map((visibility) => (
            <label key={visibility} htmlFor={`${id}-visibility-${visibility}`} className="flex cursor-pointer items-start gap-3 rounded-8 py-1 text-std-16N-170">
              <input
                id={`${id}-visibility-${visibility}`}
                type="radio"
                name="visibility"
                value={visibility}
                defaultChecked={initial.visibility === visibility}
                className="mt-1 size-5 shrink-0 accent-blue-900"
              />
              <span>
                <span className="text-std-16B-170 text-solid-gray-900">{common.visibility[visibility]}</span>
                <span className="block text-dns-14N-130 text-solid-gray-700">{m.documentForm.visibilityHints[visibility]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {unknownHint && <p className="text-std-16N-170 text-solid-gray-800">{m.documentForm.currentUnknownHint}</p>}
      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-approvals`} className={ui.label}>
            {m.documentForm.requiredApprovals}
            <Required />
          </label>
          <p id={`${id}-approvals-hint`} className={ui.hint}>
            {m.documentForm.requiredApprovalsHint}
          </p>
          <input
            id={`${id}-approvals`}
            name="requiredApprovals"
            type="number"
            inputMode="numeric"
            min={1}
            max={5}
            required
            defaultValue={initial.requiredApprovals ?? ''}
            aria-describedby={`${id}-approvals-hint`}
            className={`${ui.input} max-w-[8rem]`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-interval`} className={ui.label}>
            {m.documentForm.reviewInterval}
            <Required />
          </label>
          <p id={`${id}-interval-hint`} className={ui.hint}>
            {m.documentForm.reviewIntervalHint}
          </p>
          <input
            id={`${id}-interval`}
            name="reviewIntervalMonths"
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            required
            defaultValue={initial.reviewIntervalMonths ?? ''}
            aria-describedby={`${id}-interval-hint`}
            className={`${ui.input} max-w-[8rem]`}
          />
        </div>
      </div>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {mode === 'create' ? (pending ? createLabels.pending : createLabels.idle) : pending ? m.documentForm.saving : m.documentForm.save}
      </button>
    </form>
  );
}

function Required() {
  return <span className="ml-2 text-dns-14N-130 text-error-2">{m.common.required}</span>;
}
