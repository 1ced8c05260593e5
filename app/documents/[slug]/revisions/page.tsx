import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { HistoryBreadcrumb } from '@/components/history/history-breadcrumb';
import { RevisionTimeline } from '@/components/history/revision-timeline';
import { PageContainer } from '@/components/layout/page-container';
import { EmptyState } from '@/components/ui/empty-state';
import { KindLabel } from '@/components/ui/kind-label';
import { historyMessages as m } from '@/lib/messages/history';
import { messages } from '@/lib/messages/ja';
import { ZSlug } from '@/lib/schemas/documents';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask for the same history; read (and audit) it once per request.
const loadHistory = cache(async (slug: string) => getRevisionHistory(slug));

async function resolve({ params }: TProps) {
  const slug = ZSlug.safeParse((await params).slug);
  return slug.success ? loadHistory(slug.data) : null;
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const history = await resolve(props);
  return { title: history ? m.timeline.metaTitle(history.document.title) : messages.notFound.title };
}

export default async function RevisionHistoryPage(props: TProps) {
  const history = await resolve(props);
  if (!history) notFound();
  const { document, revisions, full } = history;
  const documentHref = `/documents/${document.slug}`;

  return (
    <PageContainer>
      <HistoryBreadcrumb trail={[{ href: documentHref, label: document.title }]} current={m.common.history} />
      <header className="mt-6 max-w-[48rem]">
        <KindLabel kind={document.kind} />
        <h1 className="mt-3 text-solid-gray-900">
          <span className="block text-std-18B-160 text-solid-gray-800">{document.title}</span>
          <span className="mt-1 block text-std-28B-150 md:text-std-32B-150">{m.timeline.title}</span>
        </h1>
        <p className="mt-4 text-std-16N-170">{m.timeline.lead}</p>
        {full && <p className="mt-1 text-std-16N-170 text-solid-gray-700">{m.timeline.fullNote}</p>}
        <p className="mt-3 text-std-16N-170 print:hidden">
          <Link href={documentHref} className="dads-link">
            {m.timeline.backToDocument}
          </Link>
        </p>
      </header>
      {revisions.length === 0 ? (
        <div className="mt-8 max-w-[48rem]">
          <EmptyState>{m.timeline.empty}</EmptyState>
        </div>
      ) : (
        <RevisionTimeline slug={document.slug} revisions={revisions} inForceNumber={document.inForce?.number ?? null} />
      )}
    </PageContainer>
  );
}
