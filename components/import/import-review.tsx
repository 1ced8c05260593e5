'use client';

import { useCallback, useId, useRef, useState } from 'react';
import { ui } from '@/components/forms/styles';
import { LineNumberedTextarea, type TTextEditorHandle } from '@/components/editor/line-numbered-textarea';
import { ParseIssues } from '@/components/editor/parse-issues';
import { PolicyPreview } from '@/components/editor/policy-preview';
import { issueLines, type TDeepParseState } from '@/components/editor/use-deep-parse';
import { ingestMessages } from '@/lib/messages/ingest';
import { workflowMessages as wm } from '@/lib/messages/workflow';
import type { TImportPreview } from '@/lib/domain/ingest';

const m = ingestMessages.screen;
const PANE_HEIGHT = 'h-[60dvh] min-h-[20rem] lg:h-[calc(100dvh-16rem)] lg:min-h-[28rem]';

/**
 * Step 2: the text read from the file beside its structure. Every warning of the file's reader and
 * of the parser is marked at its line and listed; each entry of the lists moves the caret there.
 */
export function ImportReview({
  preview,
  text,
  onTextChange,
  parse,
}: {
  preview: TImportPreview;
  text: string;
  onTextChange: (text: string) => void;
  parse: TDeepParseState;
}) {
  const id = useId();
  const handle = useRef<TTextEditorHandle>(null);
  const [resetNotice, setResetNotice] = useState(false);
  const goToLine = useCallback((line: number) => handle.current?.goToLine(line), []);
  const { parsed, lastGood } = parse;
  const { errorLines, warningLines } = issueLines(parsed);
  const readerLines = new Set(preview.warnings.map((w) => w.line).filter((line) => line > 0));
  const marked = new Set([...warningLines, ...readerLines]);
  const lineCount = preview.text.replace(/\n$/, '').split('\n').length;

  const readerWarnings =
    preview.warnings.length > 0 ? (
      <ParseIssues
        issues={preview.warnings.map((w) => ({ line: w.line, message: w.where ? `${w.message}（${w.where}）` : w.message }))}
        tone="warning"
        heading={m.readerWarningsHeading(preview.warnings.length)}
        lead={m.readerWarningsLead}
        onGoToLine={goToLine}
      />
    ) : null;

  return (
    <div className="space-y-6">
      <h3 className="sr-only">{m.fileFacts}</h3>
      <dl className="grid max-w-[56rem] grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1 rounded-8 border border-solid-gray-420 bg-white px-4 py-3 text-std-16N-170 sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
        <dt className="text-solid-gray-700">{m.factName}</dt>
        <dd className="break-all text-solid-gray-900">{preview.file.name}</dd>
        <dt className="text-solid-gray-700">{m.factKind}</dt>
        <dd className="text-solid-gray-900">{m.kinds[preview.file.kind]}</dd>
        <dt className="text-solid-gray-700">{m.factSize}</dt>
        <dd className="text-solid-gray-900">{m.sizeOf(preview.file.size)}</dd>
        <dt className="text-solid-gray-700">{m.factLines}</dt>
        <dd className="text-solid-gray-900">{m.lines(lineCount)}</dd>
      </dl>
      {preview.warnings.length === 0 && <p className="text-std-16N-170 text-solid-gray-800">{m.noReaderWarnings}</p>}
      <p className="max-w-[56rem] text-std-16N-170 text-solid-gray-800">{m.reviewLead}</p>
      {!parsed.ok && (
        <p role="status" className="max-w-[56rem] text-std-16N-170 text-error-2">
          {m.errorsBlock(parsed.errors.length)}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2 lg:gap-5">
        <div className="min-w-0">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4">
            <label htmlFor={`${id}-text`} className="text-std-17B-170 text-solid-gray-900">
              {wm.editor.textLabel}
            </label>
            <button
              type="button"
              disabled={text === preview.text}
              onClick={() => {
                onTextChange(preview.text);
                setResetNotice(true);
              }}
              className={`${ui.textButton} disabled:cursor-not-allowed disabled:text-solid-gray-536 disabled:no-underline`}
            >
              {m.resetText}
            </button>
          </div>
          <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-700">
            {wm.editor.textHint}
          </p>
          {resetNotice && text === preview.text && (
            <p role="status" className="text-dns-14N-130 text-solid-gray-800">
              {m.resetDone}
            </p>
          )}
          <LineNumberedTextarea
            id={`${id}-text`}
            value={text}
            onChange={(next) => {
              setResetNotice(false);
              onTextChange(next);
            }}
            errorLines={errorLines}
            warningLines={marked}
            describedBy={`${id}-hint`}
            handleRef={handle}
            heightClass={PANE_HEIGHT}
          />
        </div>
        <div className="min-w-0">
          <PolicyPreview id={`${id}-preview`} parsed={parsed} lastGood={lastGood} onGoToLine={goToLine} heightClass={PANE_HEIGHT} heading={m.structureHeading} extra={readerWarnings} />
        </div>
      </div>
    </div>
  );
}
