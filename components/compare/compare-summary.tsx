import Link from 'next/link';
import type { ReactNode } from 'react';
import { Notice } from '@/components/ui/notice';
import { historyMessages } from '@/lib/messages/history';
import type { TComparison } from '@/lib/policy-text/compare';

const m = historyMessages.compare;

/**
 * Counts of articles (条) by what happened to them. The engine's own statistics count every unit,
 * 附則 included; a municipal summary speaks of 条, so the rest is counted apart.
 */
export function articleCounts(comparison: TComparison) {
  const counts = { modified: 0, added: 0, deleted: 0, moved: 0, others: 0 };
  for (const row of comparison.rows) {
    const kind = (row.after ?? row.before)?.kind;
    if (row.kind === 'unchanged' || row.kind === 'heading') continue;
    if (kind !== 'article') {
      counts.others++;
      continue;
    }
    if (row.kind === 'modified' || row.kind === 'moved-modified') counts.modified++;
    if (row.kind === 'added') counts.added++;
    if (row.kind === 'deleted') counts.deleted++;
    if (row.kind === 'moved' || row.kind === 'moved-modified') counts.moved++;
  }
  return counts;
}

/** 改正3条・追加1条・削除0条・繰下げ等8条, and why the underlines are coarse when they are. */
export function CompareSummary({ comparison }: { comparison: TComparison }) {
  const counts = articleCounts(comparison);
  const changed = comparison.rows.some((row) => row.kind !== 'unchanged' && !(row.kind === 'heading' && row.remarks.length === 0));
  return (
    <section aria-label={m.summaryLabel} className="space-y-3">
      <p className="text-std-16B-170 text-solid-gray-900 print:hidden">
        {changed ? (
          <>
            {m.summary(counts)}
            {counts.others > 0 && <span className="font-normal">{m.summaryOthers(counts.others)}</span>}
          </>
        ) : (
          m.noChanges
        )}
      </p>
      {comparison.degraded && (
        <Notice tone="warning">
          <p>{m.degraded[comparison.level]}</p>
        </Notice>
      )}
    </section>
  );
}

function Choice({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return current ? (
    <span aria-current="true" className="inline-flex min-h-10 items-center rounded-6 border border-blue-900 bg-blue-900 px-3 text-oln-16N-100 text-white">
      {children}
    </span>
  ) : (
    <Link href={href} className="inline-flex min-h-10 items-center rounded-6 border border-blue-900 bg-white px-3 text-oln-16N-100 text-blue-900 hover:bg-blue-50 hover:underline">
      {children}
    </Link>
  );
}

/** Links that re-render the table on the server: fold or not, which side on the left. */
export function CompareViewOptions({
  hrefs,
  all,
  beforeFirst,
}: {
  hrefs: { all: string; changesOnly: string; afterFirst: string; beforeFirst: string };
  all: boolean;
  beforeFirst: boolean;
}) {
  return (
    <nav aria-label={m.viewOptions} className="flex flex-wrap gap-x-6 gap-y-3 print:hidden">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Choice href={hrefs.changesOnly} current={!all}>
            {m.changesOnly}
          </Choice>
        </li>
        <li>
          <Choice href={hrefs.all} current={all}>
            {m.expandAll}
          </Choice>
        </li>
      </ul>
      <ul className="flex flex-wrap gap-2">
        <li>
          <Choice href={hrefs.afterFirst} current={!beforeFirst}>
            {m.afterFirst}
          </Choice>
        </li>
        <li>
          <Choice href={hrefs.beforeFirst} current={beforeFirst}>
            {m.beforeFirst}
          </Choice>
        </li>
      </ul>
    </nav>
  );
}
