'use client';

import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useHydrated } from '@/components/editor/use-hydrated';
import { workflowMessages as m } from '@/lib/messages/workflow';

export type TTextEditorHandle = {
  /** puts the caret at the start of a 1-based line and scrolls it into view */
  goToLine: (line: number) => void;
  focus: () => void;
};

/*
 * The numbers beside the lines come from a mirror of the text laid out behind the textarea with
 * the same font, padding, width and wrapping, so that a long Japanese line that wraps keeps its
 * one number. Both reserve the scrollbar's gutter (scrollbar-gutter: stable), or the textarea's
 * scrollbar would narrow its lines and they would wrap differently from the mirror's.
 */
const SHARED =
  'px-4 py-3 pl-14 text-[1.0625rem] leading-[1.85rem] whitespace-pre-wrap [overflow-wrap:anywhere] [line-break:strict] [scrollbar-gutter:stable] md:pl-16';

function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

export function LineNumberedTextarea({
  id,
  value,
  onChange,
  readOnly = false,
  errorLines,
  warningLines,
  describedBy,
  handleRef,
  onCaretLine,
  heightClass = 'h-[60dvh] min-h-[20rem] lg:h-[calc(100dvh-14rem)] lg:min-h-[28rem]',
}: {
  id: string;
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** 1-based lines to mark as erroneous */
  errorLines?: ReadonlySet<number>;
  /** 1-based lines the parser or the file's reader warns about */
  warningLines?: ReadonlySet<number>;
  describedBy?: string;
  handleRef?: Ref<TTextEditorHandle>;
  /** called with the caret's 1-based line whenever the caret moves */
  onCaretLine?: (line: number) => void;
  heightClass?: string;
}) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState(1);
  const hydrated = useHydrated();
  const lines = value.split('\n');

  useImperativeHandle(handleRef, () => ({
    goToLine(line: number) {
      const textarea = textareaRef.current;
      if (!textarea) return;
      const start = lineStart(textarea.value, line);
      textarea.focus({ preventScroll: true });
      textarea.setSelectionRange(start, start);
      setCaret(line);
      onCaretLine?.(line);
      const target = mirrorRef.current?.querySelector<HTMLElement>(`[data-line="${line}"]`);
      if (target) textarea.scrollTop = Math.max(0, target.offsetTop - textarea.clientHeight / 3);
      if (mirrorRef.current) mirrorRef.current.scrollTop = textarea.scrollTop;
      textarea.scrollIntoView({ block: 'nearest' });
    },
    focus() {
      textareaRef.current?.focus();
    },
  }));

  function syncScroll() {
    if (textareaRef.current && mirrorRef.current) mirrorRef.current.scrollTop = textareaRef.current.scrollTop;
  }

  function trackCaret() {
    const textarea = textareaRef.current;
    if (!textarea) return;
    const line = lineOf(textarea.value, textarea.selectionStart);
    setCaret(line);
    onCaretLine?.(line);
  }

  return (
    <div>
      <div className={`relative overflow-hidden rounded-8 border border-solid-gray-600 ${readOnly ? 'bg-solid-gray-50' : 'bg-white hover:border-black'} ${heightClass}`}>
        <div ref={mirrorRef} aria-hidden="true" className={`pointer-events-none absolute inset-0 overflow-hidden ${SHARED}`}>
          {lines.map((line, index) => {
            const number = index + 1;
            const error = errorLines?.has(number) === true;
            const warning = !error && warningLines?.has(number) === true;
            return (
              <div key={index} data-line={number} className={`relative ${error ? 'bg-red-50' : warning ? 'bg-yellow-50' : ''}`}>
                <span
                  className={`absolute -left-12 w-9 text-right text-[0.8125rem] tabular-nums select-none md:-left-14 md:w-10 ${error ? 'font-bold text-error-2' : warning ? 'font-bold text-yellow-1200' : 'text-solid-gray-536'}`}
                >
                  {number}
                </span>
                <span className="text-transparent">{line === '' ? '\u200b' : line}</span>
              </div>
            );
          })}
        </div>
        <textarea
          ref={textareaRef}
          id={id}
          value={value}
          readOnly={readOnly || !hydrated}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={describedBy}
          onChange={(event) => onChange?.(event.target.value)}
          onScroll={syncScroll}
          onSelect={trackCaret}
          onKeyUp={trackCaret}
          onClick={trackCaret}
          className={`absolute inset-0 block h-full w-full resize-none overflow-y-auto bg-transparent text-solid-gray-900 ${SHARED}`}
        />
      </div>
      <p className="mt-1 text-right text-dns-14N-130 text-solid-gray-700 tabular-nums">{m.editor.caretLine(Math.min(caret, lines.length), lines.length)}</p>
    </div>
  );
}
