'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ui } from '@/components/forms/styles';
import { ingestMessages } from '@/lib/messages/ingest';
import type { TActionResult } from '@/lib/domain/action-result';
import type { TImportPreview } from '@/lib/domain/ingest';

const m = ingestMessages.screen;

export type TReadFileAction = (formData: FormData) => Promise<TActionResult<TImportPreview>>;

/**
 * Step 1: choose a file and send it to the server, which reads it (nothing is stored). A file over
 * the limit is refused here before it is sent, with the same sentence the server would answer.
 */
export function FileUploadForm({
  slug,
  maxBytes,
  action,
  onRead,
}: {
  /** the document an amendment is for; absent for a new document */
  slug?: string;
  maxBytes: number;
  action: TReadFileAction;
  onRead: (preview: TImportPreview) => void;
}) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // Each refusal takes the focus, so that it is read out and not missed.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  function show(message: string, lines: string[] = []) {
    setError({ message, lines });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.name === '') return show(ingestMessages.refusals.noFile);
    if (file.size > maxBytes) return show(ingestMessages.errors.tooLarge(maxBytes));
    setPending(true);
    setError(null);
    try {
      const result = await action(form);
      if (result.ok) onRead(result.data);
      else show(result.error.message.split('\n')[0] ?? '', result.error.lines?.map((l) => l.message) ?? []);
    } catch {
      show(m.networkError);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="max-w-[42rem] space-y-6">
      <div aria-live="polite" className="empty:hidden">
        {error && (
          <div ref={errorRef} tabIndex={-1} className="rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
            <p className="text-std-16B-170 text-error-2">{m.readFailedHeading}</p>
            <p className="mt-1">{error.message}</p>
            {error.lines.length > 0 && (
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {error.lines.slice(0, 10).map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {slug && <input type="hidden" name="slug" value={slug} />}
      <div>
        <label htmlFor={`${id}-file`} className={ui.label}>
          {m.fileLabel}
        </label>
        <p id={`${id}-hint`} className={ui.hint}>
          {m.fileHint(m.sizeOf(maxBytes))}
        </p>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept=".docx,.pdf,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain"
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          className="mt-2 block w-full max-w-[32rem] rounded-8 border border-solid-gray-600 bg-white p-2 text-std-16N-170 text-solid-gray-900 file:mr-4 file:min-h-10 file:rounded-6 file:border file:border-blue-900 file:bg-white file:px-4 file:text-oln-16N-100 file:text-blue-900 hover:border-black"
        />
      </div>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.reading : m.read}
      </button>
    </form>
  );
}
