import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AsOfForm } from '@/components/history/as-of-form';
import { PageContainer } from '@/components/layout/page-container';
import { LibraryTree } from '@/components/library/library-tree';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { ContentSkeleton } from '@/components/ui/skeleton';
import { WarekiDate } from '@/components/ui/wareki-date';
import { messages as m } from '@/lib/messages/ja';
import { ZIsoDate } from '@/lib/schemas/documents';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { listLibrary } from '@/lib/server/documents/list-library';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.library.title };

/** An invalid asOf is ignored: the page then shows today's library, as without one. */
const ZAsOf = ZIsoDate.optional().catch(undefined);

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const asOf = ZAsOf.parse((await searchParams).asOf);
  return (
    <PageContainer>
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.library.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.library.lead}</p>
      <div className="mt-6 max-w-[42.5rem] print:hidden">
        <AsOfForm action="/documents" defaultValue={asOf ?? ''} />
      </div>
      {asOf && (
        <div className="mt-6 max-w-[42.5rem]">
          <Notice>
            <p>
              <WarekiDate iso={asOf} withIso />
              {m.document.asOfSuffix}
            </p>
            <p className="mt-1">
              <Link href="/documents" className="dads-link">
                {m.document.backToCurrent}
              </Link>
            </p>
          </Notice>
        </div>
      )}
      <div className="mt-8 max-w-[56rem]">
        <Suspense key={asOf ?? 'today'} fallback={<ContentSkeleton variant="list" />}>
          <Library asOf={asOf} />
        </Suspense>
      </div>
    </PageContainer>
  );
}

async function Library({ asOf }: { asOf: string | undefined }) {
  const [nodes, viewer] = await Promise.all([listLibrary(asOf ? { asOf } : {}), getViewer()]);
  if (nodes.length === 0) return <EmptyState>{m.library.empty}</EmptyState>;
  // Visibility is staff knowledge; an anonymous reader sees public documents and public editions only.
  return <LibraryTree nodes={nodes} asOf={asOf} showVisibility={viewer !== null} />;
}
