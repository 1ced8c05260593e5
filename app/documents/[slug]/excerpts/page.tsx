import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExcerptForm } from '@/components/excerpts/excerpt-form';
import { PageContainer } from '@/components/layout/page-container';
import { Breadcrumb } from '@/components/reader/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { VisibilityBadge } from '@/components/ui/visibility-badge';
import { adminMessages as m } from '@/lib/messages/admin';
import { ZSlug } from '@/lib/schemas/documents';
import { getExcerptEditor } from '@/lib/server/documents/set-public-excerpts';
import { saveExcerptsAction } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.excerpts.title, robots: { index: false } };

/** For editors only: anyone else, and any unknown slug, gets the same 404 as a missing document. */
export default async function ExcerptsPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = ZSlug.safeParse((await params).slug);
  const editor = slug.success ? await getExcerptEditor(slug.data) : null;
  if (!editor) notFound();

  return (
    <PageContainer>
      <Breadcrumb current={m.excerpts.title} />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.excerpts.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.excerpts.lead}</p>
      <dl className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 text-std-16N-170">
        <dt className="text-solid-gray-700">{m.excerpts.documentLabel}</dt>
        <dd>
          <Link href={`/documents/${editor.slug}`} className="dads-link text-std-17B-170">
            {editor.title}
          </Link>
        </dd>
        <dd>
          <VisibilityBadge visibility={editor.visibility} />
        </dd>
      </dl>
      <div className="mt-8 max-w-[42.5rem]">
        {editor.visibility === 'PUBLIC' ? (
          <Notice>
            <p>{m.excerpts.publicDocument}</p>
          </Notice>
        ) : editor.articles.length === 0 ? (
          <EmptyState>{m.excerpts.empty}</EmptyState>
        ) : (
          <>
            <p className="mb-4 text-std-16N-170 text-solid-gray-700">{m.excerpts.revisionNote}</p>
            <ExcerptForm slug={editor.slug} articles={editor.articles} action={saveExcerptsAction} />
          </>
        )}
      </div>
    </PageContainer>
  );
}
