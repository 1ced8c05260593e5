'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ui } from '@/components/forms/styles';
import { diffConflict, type TConflictSpan } from '@/components/editor/conflict-diff';
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
  // The panel is mounted anew for each conflict (keyed by its round), so the diff is worked out once.
  const [diff] = useState(() => diffConflict(conflict.current.text, conflict.mine));

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
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2 text-std-16N-170">
        <p className="text-std-16B-170 text-solid-gray-900">{m.conflict.places(diff.places)}</p>
        {diff.places > 0 && (
          <p>
            {m.conflict.diffLegend}
            <span aria-hidden="true" className="ml-2">
              <mark className={MARK}>{m.conflict.legendSample}</mark>
            </span>
          </p>
        )}
      </div>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
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
            <TextColumn id={`${id}-mine`} title={m.conflict.mine} meta={m.conflict.lines(conflict.mine.split('\n').length)} spans={diff.mine} only={m.conflict.onlyMine} />
          )}
        </div>
        <div className="min-w-0">
          <TextColumn id={`${id}-theirs`} title={m.conflict.theirs} meta={m.conflict.lines(conflict.current.text.split('\n').length)} spans={diff.theirs} only={m.conflict.onlyTheirs} />
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

/** A marked part: a thick underline and a tint, so it does not depend on colour alone. */
const MARK = 'bg-yellow-200 text-inherit underline decoration-solid decoration-2 underline-offset-[0.25em] [text-decoration-skip-ink:none]';

/**
 * One side of the conflict: its text, with the parts the other side does not have marked; a
 * screen reader hears where each marked part starts and ends.
 */
function TextColumn({ id, title, meta, spans, only }: { id: string; title: string; meta: string; spans: TConflictSpan[]; only: string }) {
  return (
    <>
      <h3 id={id} className="text-std-17B-170 text-solid-gray-900">
        {title}
        <span className="ml-2 text-dns-14N-130 font-normal text-solid-gray-700">{meta}</span>
      </h3>
      <pre tabIndex={0} aria-labelledby={id} className={`${TEXT_BOX} mt-1 border-solid-gray-420 bg-white`}>
        {spans.map((span, index) =>
          span.differs ? (
            <mark key={index} className={MARK} data-differs="">
              <span className="sr-only">{m.conflict.markStart(only)}</span>
              {span.text}
              <span className="sr-only">{m.conflict.markEnd}</span>
            </mark>
          ) : (
            span.text
          ),
        )}
      </pre>
    </>
  );
}
