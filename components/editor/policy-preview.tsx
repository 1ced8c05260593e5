'use client';

import { memo, useEffect, useRef, type ReactNode } from 'react';
import { ParseIssues } from '@/components/editor/parse-issues';
import { PolicyText } from '@/components/reader/policy-text';
import { workflowMessages as m } from '@/lib/messages/workflow';
import type { TDeepParseResult } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';

// The reader's renderer is the costly part; it re-renders only when the tree it gets changes.
const Tree = memo(function Tree({ tree }: { tree: TDeepTree }) {
  return <PolicyText tree={tree} />;
});

/**
 * The right-hand pane: the parser's errors and warnings (each leading to its line), then the text
 * as the reader will show it. While the text does not parse, the last tree that did stays in view.
 */
export function PolicyPreview({
  id,
  parsed,
  lastGood,
  onGoToLine,
  followArticle = null,
  heightClass,
  heading = m.editor.previewHeading,
  extra,
}: {
  id: string;
  parsed: TDeepParseResult;
  lastGood: TDeepTree | null;
  onGoToLine?: (line: number) => void;
  /** the article being edited (第14条): the preview scrolls to it when it changes */
  followArticle?: string | null;
  heightClass: string;
  /** what the preview is called (構造のプレビュー on the import screens) */
  heading?: string;
  /** issues found elsewhere (the file's reader), listed above the parser's own */
  extra?: ReactNode;
}) {
  const tree = parsed.ok ? parsed.tree : lastGood;
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = scrollRef.current;
    if (!container || !followArticle) return;
    const heading = [...container.querySelectorAll<HTMLElement>('h2[id$="-heading"], h3[id$="-heading"], h4[id$="-heading"]')].find((h) =>
      h.textContent?.startsWith(followArticle),
    );
    const target = heading?.closest('section') ?? heading;
    if (!target) return;
    const top = target.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop - 12;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    container.scrollTo({ top, behavior: reduced ? 'auto' : 'smooth' });
    // Only a change of article moves the preview, not every keystroke inside one.
  }, [followArticle]);

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-std-17B-170 text-solid-gray-900">
        {heading}
      </h2>
      <div className={`flex flex-col rounded-8 border border-solid-gray-420 bg-white ${heightClass}`}>
        {/* Read out is the count only, when it changes: the whole list on every pause in typing would drown the text. */}
        <p className="sr-only" aria-live="polite">
          {parsed.ok ? '' : m.editor.errorsHeading(parsed.errors.length)}
        </p>
        <div className="max-h-[40%] shrink-0 space-y-3 overflow-y-auto px-4 empty:hidden [&:not(:empty)]:pt-3">
          {extra}
          {!parsed.ok && (
            <ParseIssues issues={parsed.errors} tone="error" heading={m.editor.errorsHeading(parsed.errors.length)} lead={m.editor.errorsLead} onGoToLine={onGoToLine} />
          )}
          {parsed.ok && parsed.warnings.length > 0 && (
            <ParseIssues issues={parsed.warnings} tone="warning" heading={m.editor.warningsHeading(parsed.warnings.length)} lead={m.editor.errorsLead} onGoToLine={onGoToLine} />
          )}
        </div>
        <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-4 py-4" tabIndex={0} aria-label={heading}>
          {!parsed.ok && <p className="mb-4 text-dns-14N-130 text-solid-gray-700">{tree ? m.editor.previewStale : m.editor.previewEmpty}</p>}
          {tree && (
            <div className={parsed.ok ? '' : 'opacity-60'}>
              <Tree tree={tree} />
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
