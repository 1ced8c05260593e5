import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { ComparePicker } from '@/components/compare/compare-picker';
import { ComparePrintStyle } from '@/components/compare/compare-print-style';
import { CompareSummary, CompareViewOptions } from '@/components/compare/compare-summary';
import { CompareTitle } from '@/components/compare/compare-title';
import { ComparisonTable } from '@/components/compare/comparison-table';
import { compareDocxHref, compareHref, historyHref, revisionHref } from '@/components/history/format';
import { HistoryBreadcrumb } from '@/components/history/history-breadcrumb';
import { previousApproved } from '@/components/history/revision-timeline';
import { Notice } from '@/components/ui/notice';
import { historyMessages } from '@/lib/messages/history';
import { messages } from '@/lib/messages/ja';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { compareRevisions } from '@/lib/server/history/compare-revisions';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';

export const dynamic = 'force-dynamic';

const m = historyMessages.compare;

type TProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page ask for the same data; read (and audit) it once per request.
const loadComparison = cache(async (slug: string, from: number, to: number) => compareRevisions(slug, from, to));
const loadHistory = cache(async (slug: string) => getRevisionHistory(slug));

const single = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

type TRequest =
  | { type: 'not-found' }
  /** the address does not name two revisions: offer to pick them */
  | { type: 'pick'; slug: string; reason: 'missing' | 'invalid' | 'same'; from: number | null; to: number | null; beforeFirst: boolean; all: boolean }
  /** the newer revision was given as 改正前: the same table, the right way round */
  | { type: 'swap'; slug: string; from: number; to: number; beforeFirst: boolean; all: boolean }
  | { type: 'compare'; slug: string; from: number; to: number; beforeFirst: boolean; all: boolean };

async function readRequest({ params, searchParams }: TProps): Promise<TRequest> {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) return { type: 'not-found' };
  const query = await searchParams;
  const beforeFirst = single(query.order) === 'before-first';
  const all = single(query.all) === '1';
  const fromText = single(query.from);
  const toText = single(query.to);
  const from = ZRevisionNumber.safeParse(fromText).data ?? null;
  const to = ZRevisionNumber.safeParse(toText).data ?? null;
  const common = { slug: slug.data, beforeFirst, all };
  if (from === null || to === null) {
    const missing = query.from === undefined && query.to === undefined;
    return { type: 'pick', ...common, reason: missing ? 'missing' : 'invalid', from, to };
  }
  if (from === to) return { type: 'pick', ...common, reason: 'same', from, to };
  if (from > to) return { type: 'swap', ...common, from, to };
  return { type: 'compare', ...common, from, to };
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const request = await readRequest(props);
  if (request.type === 'compare') {
    const view = await loadComparison(request.slug, request.from, request.to);
    if (view) return { title: m.metaTitle(view.document.title) };
  } else if (request.type === 'pick') {
    const history = await loadHistory(request.slug);
    if (history) return { title: m.metaTitle(history.document.title) };
  }
  return { title: messages.notFound.title };
}

export default async function ComparePage(props: TProps) {
  const request = await readRequest(props);
  if (request.type === 'not-found') notFound();
  if (request.type === 'swap') redirect(compareHref(request.slug, request.from, request.to, request));
  if (request.type === 'pick') return <PickPage {...request} />;

  const view = await loadComparison(request.slug, request.from, request.to);
  if (!view) notFound();
  const { document, from, to, comparison } = view;
  const { slug, beforeFirst, all } = request;
  const options = { beforeFirst, all };
  const fullHref = compareHref(slug, from.number, to.number, { ...options, all: true });

  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-6 md:px-8 md:pt-10 print:max-w-none print:p-0">
      <ComparePrintStyle />
      <HistoryBreadcrumb
        trail={[
          { href: `/documents/${slug}`, label: document.title },
          { href: historyHref(slug), label: historyMessages.common.history },
        ]}
        current={m.crumb}
      />
      <div className="mt-6 space-y-4 print:hidden">
        <CompareSummary comparison={comparison} />
        <CompareViewOptions
          all={all}
          beforeFirst={beforeFirst}
          hrefs={{
            all: fullHref,
            changesOnly: compareHref(slug, from.number, to.number, { ...options, all: false }),
            afterFirst: compareHref(slug, from.number, to.number, { ...options, beforeFirst: false }),
            beforeFirst: compareHref(slug, from.number, to.number, { ...options, beforeFirst: true }),
          }}
        />
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170">
          <li>
            <Link href={revisionHref(slug, from.number)} className="dads-link">
              {historyMessages.timeline.open(historyMessages.common.label(from))}
            </Link>
          </li>
          <li>
            <Link href={revisionHref(slug, to.number)} className="dads-link">
              {historyMessages.timeline.open(historyMessages.common.label(to))}
            </Link>
          </li>
          <li>
            <Link href={historyHref(slug)} className="dads-link">
              {m.toHistory}
            </Link>
          </li>
          <li>
            {/* a file, not a page: a plain link, so the browser downloads it */}
            <a href={compareDocxHref(slug, from.number, to.number)} className="dads-link" aria-describedby="compare-docx-hint" download>
              {m.docx}
            </a>
          </li>
        </ul>
        <p className="text-dns-14N-130 text-solid-gray-700">{m.printHint}</p>
        <p id="compare-docx-hint" className="text-dns-14N-130 text-solid-gray-700">
          {m.docxHint}
        </p>
      </div>
      <section aria-labelledby="compare-title" className="mt-8 border-t border-solid-gray-420 pt-8 print:mt-0 print:border-0 print:pt-0">
        <CompareTitle documentTitle={document.title} from={from} to={to} />
        {comparison.degraded && (
          <p className="mt-2 hidden text-[9pt] print:block">{m.degraded[comparison.level]}</p>
        )}
        <div className="mt-3">
          <ComparisonTable
            rows={comparison.rows}
            order={beforeFirst ? ['before', 'after'] : ['after', 'before']}
            all={all}
            caption={m.tableCaption(document.title)}
            fullHref={fullHref.slice(fullHref.indexOf('?'))}
          />
        </div>
      </section>
    </div>
  );
}

async function PickPage({ slug, reason, from, to, beforeFirst, all }: Extract<TRequest, { type: 'pick' }>) {
  const history = await loadHistory(slug);
  if (!history) notFound();
  const { document, revisions } = history;
  const known = (n: number | null) => (n !== null && revisions.some((r) => r.number === n) ? n : null);
  // By default: the revision in force (or the newest) against the one before it.
  const defaultTo = known(to) ?? document.inForce?.number ?? revisions[0]?.number ?? null;
  const toEntry = revisions.find((r) => r.number === defaultTo);
  const defaultFrom = known(from) ?? (toEntry ? previousApproved(revisions, toEntry) : null) ?? revisions.find((r) => r.number !== defaultTo)?.number ?? null;
  const message = reason === 'invalid' ? m.invalid : reason === 'same' ? m.same : null;

  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-6 md:px-8 md:pt-10">
      <HistoryBreadcrumb
        trail={[
          { href: `/documents/${slug}`, label: document.title },
          { href: historyHref(slug), label: historyMessages.common.history },
        ]}
        current={m.crumb}
      />
      <h1 className="mt-6 text-solid-gray-900">
        <span className="block text-std-18B-160 text-solid-gray-800">{document.title}</span>
        <span className="mt-1 block text-std-28B-150 md:text-std-32B-150">{m.pickTitle}</span>
      </h1>
      <div className="mt-6 max-w-[40rem] space-y-6">
        {message && (
          <Notice tone="warning">
            <p>{message}</p>
          </Notice>
        )}
        {revisions.length < 2 ? (
          <p className="text-std-16N-170">{m.tooFew}</p>
        ) : (
          <>
            <p className="text-std-16N-170">{m.pickLead}</p>
            <ComparePicker action={`/documents/${slug}/compare`} revisions={revisions} from={defaultFrom} to={defaultTo} beforeFirst={beforeFirst} all={all} />
          </>
        )}
        <p className="text-std-16N-170">
          <Link href={historyHref(slug)} className="dads-link">
            {m.toHistory}
          </Link>
        </p>
      </div>
    </div>
  );
}
