import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DownloadLinks, exportHrefs } from '@/components/export/download-links';
import { articleHistoryHtml } from '@/components/history/article-history';
import { compareHref, historyHref } from '@/components/history/format';
import { HistoryBreadcrumb } from '@/components/history/history-breadcrumb';
import { RevisionBanner } from '@/components/history/revision-banner';
import { RevisionFacts } from '@/components/history/revision-facts';
import { RevisionStateTag } from '@/components/history/revision-state-tag';
import { ReviewDecisions } from '@/components/history/review-decisions';
import { PageContainer } from '@/components/layout/page-container';
import { PolicyText } from '@/components/reader/policy-text';
import { PolicyToc } from '@/components/reader/policy-toc';
import { PrintSource } from '@/components/reader/print-source';
import { KindLabel } from '@/components/ui/kind-label';
import { exportMessages as x } from '@/lib/messages/export';
import { historyMessages as m } from '@/lib/messages/history';
import { messages } from '@/lib/messages/ja';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { getRequestOrigin } from '@/lib/server/http/request-origin';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ slug: string; n: string }> };

// generateMetadata and the page ask for the same revision; read (and audit) it once per request.
const loadRevision = cache(async (slug: string, n: number) => getRevisionPage(slug, n));

async function resolve({ params }: TProps) {
  const { slug, n } = await params;
  const parsed = ZSlug.safeParse(slug);
  const number = ZRevisionNumber.safeParse(n);
  if (!parsed.success || !number.success) return null;
  return loadRevision(parsed.data, number.data);
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const view = await resolve(props);
  return { title: view ? m.revisionPage.metaTitle(view.document.title, m.common.label(view.revision)) : messages.notFound.title };
}

export default async function RevisionPage(props: TProps) {
  const view = await resolve(props);
  if (!view) notFound();
  const { document, revision, tree, inForceNumber, previousNumber, articleHistory } = view;
  const slug = document.slug;
  const number = revision.number;
  const previousIsCurrent = previousNumber !== null && previousNumber === inForceNumber;
  const printUrl = `${await getRequestOrigin()}/documents/${slug}/revisions/${number}`;

  const links = (
    <ul aria-label={m.revisionPage.actions} className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170 print:hidden">
      {previousNumber !== null && (
        <li>
          <Link href={compareHref(slug, previousNumber, number)} className="dads-link">
            {previousIsCurrent ? m.timeline.comparePreviousCurrent : m.timeline.comparePrevious}
          </Link>
        </li>
      )}
      {inForceNumber !== null && inForceNumber !== number && !previousIsCurrent && (
        <li>
          <Link href={compareHref(slug, inForceNumber, number)} className="dads-link">
            {m.timeline.compareCurrent}
          </Link>
        </li>
      )}
      {revision.state !== 'in-force' && document.inForce && (
        <li>
          <Link href={`/documents/${slug}`} className="dads-link">
            {m.common.currentText}
          </Link>
        </li>
      )}
      <li>
        <Link href={historyHref(slug)} className="dads-link">
          {m.common.history}
        </Link>
      </li>
    </ul>
  );

  return (
    <PageContainer>
      <HistoryBreadcrumb
        trail={[
          { href: `/documents/${slug}`, label: document.title },
          { href: historyHref(slug), label: m.common.history },
        ]}
        current={m.common.label(revision)}
      />
      <div className="mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:grid-rows-[auto_1fr] lg:gap-x-12 xl:grid-cols-[17rem_minmax(0,1fr)]">
        <header className="lg:col-start-2">
          <div className="flex flex-wrap items-center gap-2">
            <KindLabel kind={document.kind} />
            <RevisionStateTag revision={revision} />
          </div>
          <h1 id="document-title" className="mt-3 text-solid-gray-900">
            <span className="block text-std-28B-150 md:text-std-32B-150">{document.title}</span>
            <span className="mt-1 block text-std-20B-150 text-solid-gray-800">{m.common.label(revision)}</span>
          </h1>
          <div className="mt-4 max-w-[42.5rem] space-y-4">
            {revision.state === 'in-force' ? (
              <div>
                <p className="text-std-16N-170">{m.revisionPage.inForce}</p>
                {links}
              </div>
            ) : (
              <RevisionBanner revision={revision} inForceNumber={document.inForce?.edition ?? null}>
                {links}
              </RevisionBanner>
            )}
            <RevisionFacts revision={revision} />
            <DownloadLinks
              href={exportHrefs(slug, { revision: number })}
              what={m.common.label(revision)}
              {...(revision.status === 'APPROVED' ? {} : { note: x.block.draftNote })}
            />
            <PrintSource url={printUrl} />
            <ReviewDecisions decisions={revision.decisions} headingLevel={2} />
          </div>
        </header>
        <div className="mt-6 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:mt-0 print:hidden">
          <div className="lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pr-2">
            <PolicyToc tree={tree} hasHistory={false} />
          </div>
        </div>
        <article aria-labelledby="document-title" className="mt-8 border-t border-solid-gray-200 pt-8 lg:col-start-2">
          <PolicyText
            tree={tree}
            articleFooter={(article) => articleHistoryHtml({ slug, article: article.label, entries: articleHistory[article.id], currentNumber: number })}
          />
        </article>
      </div>
    </PageContainer>
  );
}
