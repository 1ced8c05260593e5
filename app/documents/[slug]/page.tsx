import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DownloadLinks, exportHrefs } from '@/components/export/download-links';
import { AsOfForm } from '@/components/history/as-of-form';
import { PageContainer } from '@/components/layout/page-container';
import { Breadcrumb } from '@/components/reader/breadcrumb';
import { DocumentHeader } from '@/components/reader/document-header';
import { HistoryBox } from '@/components/reader/history-box';
import { PolicyText } from '@/components/reader/policy-text';
import { PolicyToc } from '@/components/reader/policy-toc';
import { PrintSource } from '@/components/reader/print-source';
import { Notice } from '@/components/ui/notice';
import { authMessages as a } from '@/lib/messages/auth';
import { exportMessages as x } from '@/lib/messages/export';
import { historyMessages as h } from '@/lib/messages/history';
import { messages as m } from '@/lib/messages/ja';
import { workflowMessages as w } from '@/lib/messages/workflow';
import { ZIsoDate, ZSlug } from '@/lib/schemas/documents';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { getRequestOrigin } from '@/lib/server/http/request-origin';

export const dynamic = 'force-dynamic';

/*
 * No loading.tsx here or above: a Suspense boundary would start the response (200) before
 * notFound() could set 404. The page renders once the view is known, missing or not.
 */

/** An invalid asOf is ignored: the page then shows today's text, as without one. */
const ZAsOf = ZIsoDate.optional().catch(undefined);

type TProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page ask for the same view; fetch it once per request.
const loadView = cache(async (slug: string, asOf: string | undefined) => getDocumentView(slug, asOf ? { asOf } : {}));

async function resolve({ params, searchParams }: TProps) {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) return null;
  const asOf = ZAsOf.parse((await searchParams).asOf);
  const view = await loadView(slug.data, asOf);
  return view ? { view, asOf } : null;
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const resolved = await resolve(props);
  return { title: resolved ? resolved.view.document.title : m.notFound.title };
}

export default async function DocumentPage(props: TProps) {
  const resolved = await resolve(props);
  if (!resolved) notFound();
  const { view, asOf } = resolved;
  const { tree } = view.revision;
  const viewer = await getViewer();
  const excerpt = view.document.edition === 'excerpt';
  // No 沿革 in a public edition: it would tell of amendments to articles the reader cannot see.
  const history = excerpt ? [] : view.history;
  // On paper: the revision's own address; a public edition's reader has the document's only.
  const printPath = excerpt ? `/documents/${view.document.slug}${asOf ? `?asOf=${view.asOf}` : ''}` : `/documents/${view.document.slug}/revisions/${view.revision.number}`;
  const printUrl = `${await getRequestOrigin()}${printPath}`;
  const canEditExcerpts = viewer?.can['document:manage'] === true && view.document.visibility !== 'PUBLIC';
  // Links only; the editor and settings screens check the permissions again.
  // Readers of the full text have the history; a public edition has none (it would tell of the rest).
  const historyLinks = excerpt
    ? []
    : [
        { href: `/documents/${view.document.slug}/revisions`, label: h.readerLinks.history },
        ...(view.document.inForce && view.document.inForce.number > 1
          ? [{ href: `/documents/${view.document.slug}/revisions/${view.revision.number}`, label: h.readerLinks.thisRevision(view.revision.number) }]
          : []),
      ];
  const editorLinks = [
    ...(viewer?.can['revision:draft'] ? [{ href: `/documents/${view.document.slug}/edit`, label: w.documentPage.edit }] : []),
    ...(viewer?.can['document:manage'] ? [{ href: `/documents/${view.document.slug}/settings`, label: w.documentPage.settings }] : []),
    ...(canEditExcerpts ? [{ href: `/documents/${view.document.slug}/excerpts`, label: a.access.editExcerpts }] : []),
  ];

  return (
    <PageContainer>
      <Breadcrumb current={view.document.title} />
      <div className="mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:grid-rows-[auto_1fr] lg:gap-x-12 xl:grid-cols-[17rem_minmax(0,1fr)]">
        <div className="lg:col-start-2">
          <DocumentHeader view={view} requestedAsOf={asOf ? view.asOf : undefined} showVisibility={viewer !== null} />
          <PrintSource url={printUrl} />
          {excerpt && (
            <div className="mt-4 max-w-[42.5rem]">
              <Notice>
                <p>{a.access.excerptNotice}</p>
              </Notice>
            </div>
          )}
          <LinkRow links={historyLinks} />
          {view.document.inForce && (
            <div className="mt-4 max-w-[42.5rem]">
              <DownloadLinks
                href={exportHrefs(view.document.slug, asOf ? { asOf: view.asOf } : {})}
                what={h.common.revision(view.document.inForce.edition)}
                {...(excerpt ? { note: x.block.excerptNote } : {})}
              />
            </div>
          )}
          {!excerpt && (
            <div className="mt-4 max-w-[42.5rem] print:hidden">
              <AsOfForm action={`/documents/${view.document.slug}`} defaultValue={asOf ?? ''} />
            </div>
          )}
          <LinkRow links={editorLinks} />
        </div>
        <div className="mt-6 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:mt-0 print:hidden">
          <div className="lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:pr-2">
            <PolicyToc tree={tree} hasHistory={history.length > 0} />
          </div>
        </div>
        <article aria-labelledby="document-title" className="mt-8 border-t border-solid-gray-200 pt-8 lg:col-start-2 lg:mt-8">
          <PolicyText tree={tree} />
          {history.length > 0 && <HistoryBox history={history} />}
        </article>
      </div>
    </PageContainer>
  );
}

function LinkRow({ links }: { links: { href: string; label: string }[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170 print:hidden">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className="dads-link">
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
