'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ui } from '@/components/forms/styles';
import { workflowMessages as m } from '@/lib/messages/workflow';

export type TConflict = {
  /** the editor's text when the conflict was found (what the person had typed) */
  mine: string;
  current: { version: number; text: string; savedAt: string };
};

const TEXT_BOX =
  'h-[50dvh] min-h-[16rem] w-full overflow-y-auto rounded-8 border px-4 py-3 font-sans text-std-16N-170 whitespace-pre-wrap [overflow-wrap:anywhere] [line-break:strict]';

/**
 * What to do when someone else saved the draft in the meantime: keep mine, take theirs, or merge
 * by hand. The refused text is already kept in the database as a conflict copy, and says so.
 */
export function ConflictPanel({
  conflict,
  pending,
  error,
  onOverwrite,
  onAdopt,
  onSaveMerged,
}: {
  conflict: TConflict;
  pending: boolean;
  error: string | null;
  onOverwrite: () => void;
  onAdopt: () => void;
  onSaveMerged: (text: string) => void;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mergeRef = useRef<HTMLTextAreaElement>(null);
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(conflict.mine);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (merging) mergeRef.current?.focus();
  }, [merging]);

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-12 border-2 border-l-8 border-yellow-900 bg-yellow-50 p-4 md:p-6">
      <h2 ref={headingRef} tabIndex={-1} id={`${id}-heading`} className="text-std-22B-150 text-solid-gray-900">
        {merging ? m.conflict.mergeHeading : m.conflict.heading}
      </h2>
      <p className="mt-2 max-w-[48em] text-std-16N-170">{merging ? m.conflict.mergeLead : m.conflict.lead}</p>
      <p className="mt-2 max-w-[48em] text-std-16B-170 text-solid-gray-900">{m.conflict.kept}</p>
      {error && (
        <p role="alert" className="mt-3 rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-error-2">
          {error}
        </p>
      )}
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div className="min-w-0">
          {merging ? (
            <>
              <label htmlFor={`${id}-merged`} className="text-std-17B-170 text-solid-gray-900">
                {m.conflict.mergeLabel}
              </label>
              <textarea
                ref={mergeRef}
                id={`${id}-merged`}
                value={merged}
                onChange={(event) => setMerged(event.target.value)}
                spellCheck={false}
                className={`${TEXT_BOX} mt-1 block resize-y border-solid-gray-600 bg-white hover:border-black`}
              />
            </>
          ) : (
            <TextColumn id={`${id}-mine`} title={m.conflict.mine} meta={m.conflict.lines(conflict.mine.split('\n').length)} text={conflict.mine} />
          )}
        </div>
        <div className="min-w-0">
          <TextColumn id={`${id}-theirs`} title={m.conflict.theirs} meta={m.conflict.lines(conflict.current.text.split('\n').length)} text={conflict.current.text} />
        </div>
      </div>
      <div className="mt-5 flex flex-wrap gap-3">
        {merging ? (
          <>
            <button type="button" aria-disabled={pending || undefined} onClick={() => !pending && onSaveMerged(merged)} className={ui.primary}>
              {pending ? m.conflict.mergeSaving : m.conflict.mergeSave}
            </button>
            <button type="button" onClick={() => setMerging(false)} className={ui.secondary}>
              {m.conflict.back}
            </button>
          </>
        ) : (
          <>
            <button type="button" aria-disabled={pending || undefined} onClick={() => !pending && onOverwrite()} className={ui.primary}>
              {pending ? m.conflict.overwriting : m.conflict.overwrite}
            </button>
            <button type="button" onClick={() => !pending && onAdopt()} className={ui.secondary}>
              {m.conflict.adopt}
            </button>
            <button
              type="button"
              onClick={() => setMerging(true)}
              className={ui.secondary}
            >
              {m.conflict.merge}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function TextColumn({ id, title, meta, text }: { id: string; title: string; meta: string; text: string }) {
  return (
    <>
      <h3 id={id} className="text-std-17B-170 text-solid-gray-900">
        {title}
        <span className="ml-2 text-dns-14N-130 font-normal text-solid-gray-700">{meta}</span>
      </h3>
      <pre tabIndex={0} aria-labelledby={id} className={`${TEXT_BOX} mt-1 border-solid-gray-420 bg-white`}>
        {text}
      </pre>
    </>
  );
}
