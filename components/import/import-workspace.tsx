'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { useDeepParse } from '@/components/editor/use-deep-parse';
import { FileUploadForm, type TReadFileAction } from '@/components/import/file-upload-form';
import { ImportReview } from '@/components/import/import-review';
import { ingestMessages } from '@/lib/messages/ingest';
import type { TImportPreview } from '@/lib/domain/ingest';

const m = ingestMessages.screen;

/**
 * The import screens' steps: choose a file (the server reads it; nothing is stored), check and fix
 * the text beside its structure, then save it as a draft (the form under the review is the
 * caller's: a new document's details, or one button for an amendment).
 */
export function ImportWorkspace({
  slug,
  maxBytes,
  readAction,
  saveForm,
}: {
  slug?: string;
  maxBytes: number;
  readAction: TReadFileAction;
  /** the last step, given the text as it is now and the read's receipt */
  saveForm: (values: { text: string; receipt: string; title: string }) => ReactNode;
}) {
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [preview]);

  if (!preview) {
    return (
      <section aria-labelledby="import-step" className="space-y-4">
        <h2 id="import-step" ref={headingRef} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900">
          {m.stepLabel(1, 3, m.steps.upload)}
        </h2>
        <FileUploadForm slug={slug} maxBytes={maxBytes} action={readAction} onRead={setPreview} />
      </section>
    );
  }
  return <Review key={preview.receipt} preview={preview} headingRef={headingRef} onAnother={() => setPreview(null)} saveForm={saveForm} />;
}

function Review({
  preview,
  headingRef,
  onAnother,
  saveForm,
}: {
  preview: TImportPreview;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAnother: () => void;
  saveForm: (values: { text: string; receipt: string; title: string }) => ReactNode;
}) {
  const [text, setText] = useState(preview.text);
  const parse = useDeepParse(text);
  const title = parse.lastGood?.title || preview.title;
  return (
    <div className="space-y-10">
      <section aria-labelledby="import-step" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          <h2 id="import-step" ref={headingRef} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900">
            {m.stepLabel(2, 3, m.steps.review)}
          </h2>
          <button type="button" onClick={onAnother} className={ui.textButton}>
            {m.chooseAnother}
          </button>
        </div>
        <ImportReview preview={preview} text={text} onTextChange={setText} parse={parse} />
      </section>
      <section aria-labelledby="import-save" className="space-y-4 border-t border-solid-gray-420 pt-8">
        <h2 id="import-save" className="text-std-20B-150 text-solid-gray-900">
          {m.stepLabel(3, 3, m.steps.save)}
        </h2>
        {saveForm({ text, receipt: preview.receipt, title })}
      </section>
    </div>
  );
}

/** The last step of ファイルから改正案を作る: the text becomes the document's new draft. */
export function AmendSaveForm({ slug, text, receipt, action }: { slug: string; text: string; receipt: string; action: TFormAction<{ slug: string; number: number }> }) {
  const id = useId();
  const router = useRouter();
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action, {
    onSuccess: (data) => router.push(`/documents/${data.slug}/edit?notice=imported`),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={`${id}-lead`} className="max-w-[42rem] space-y-4">
      <p id={`${id}-lead`} className="text-std-16N-170 text-solid-gray-800">
        {m.saveLeadAmend}
      </p>
      <FormFeedback state={state} feedbackRef={feedbackRef} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="receipt" value={receipt} />
      <input type="hidden" name="text" value={text} />
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.saving : m.saveAmend}
      </button>
    </form>
  );
}
