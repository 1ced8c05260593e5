import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExcerptCarryPanel } from '@/components/excerpts/excerpt-carry-panel';
import { ExcerptForm } from '@/components/excerpts/excerpt-form';
import { StartExcerptDraft } from '@/components/excerpts/start-excerpt-draft';
import { PageContainer } from '@/components/layout/page-container';
import { Breadcrumb } from '@/components/reader/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { VisibilityBadge } from '@/components/ui/visibility-badge';
import { excerptMessages as m } from '@/lib/messages/excerpts';
import { ZSlug } from '@/lib/schemas/documents';
import { getExcerptEditor, type TExcerptEditorView } from '@/lib/server/excerpts/draft-excerpts';
import { saveExcerptsAction, startExcerptDraftAction } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.title, robots: { index: false } };

/** For editors only: anyone else, and any unknown slug, gets the same 404 as a missing document. */
export default async function ExcerptsPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = ZSlug.safeParse((await params).slug);
  const editor = slug.success ? await getExcerptEditor(slug.data) : null;
  if (!editor) notFound();

  return (
    <PageContainer>
      <Breadcrumb current={m.title} />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.lead}</p>
      <dl className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 text-std-16N-170">
        <dt className="text-solid-gray-700">{m.documentLabel}</dt>
        <dd>
          <Link href={`/documents/${editor.slug}`} className="dads-link text-std-17B-170">
            {editor.title}
          </Link>
        </dd>
        <dd>
          <VisibilityBadge visibility={editor.visibility} />
        </dd>
      </dl>
      <div className="mt-8 max-w-[42.5rem] space-y-8">
        {editor.visibility === 'PUBLIC' ? (
          <Notice>
            <p>{m.publicDocument}</p>
          </Notice>
        ) : (
          <>
            <InForce editor={editor} />
            <Draft editor={editor} />
          </>
        )}
      </div>
    </PageContainer>
  );
}

function InForce({ editor }: { editor: TExcerptEditorView }) {
  if (!editor.inForce) return <p className="text-std-16N-170 text-solid-gray-700">{m.noInForce}</p>;
  return (
    <section aria-labelledby="in-force-heading">
      <h2 id="in-force-heading" className="text-std-20B-150 text-solid-gray-900">
        {m.inForceHeading(editor.inForce.number)}
      </h2>
      {editor.inForce.articles.length === 0 ? (
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">{m.inForceNone}</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-6 text-std-16N-170" data-testid="excerpts-in-force">
          {editor.inForce.articles.map((a) => (
            <li key={a.id}>{a.label}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Draft({ editor }: { editor: TExcerptEditorView }) {
  const { draft } = editor;
  if (!draft) {
    return (
      <section aria-labelledby="draft-heading" className="space-y-4">
        <h2 id="draft-heading" className="text-std-20B-150 text-solid-gray-900">
          {m.openDraftHeading}
        </h2>
        <p className="text-std-16N-170">{m.noDraftLead}</p>
        <StartExcerptDraft slug={editor.slug} action={startExcerptDraftAction} />
      </section>
    );
  }
  return (
    <section aria-labelledby="draft-heading" className="space-y-6">
      <h2 id="draft-heading" className="text-std-20B-150 text-solid-gray-900">
        {m.openDraftHeading}
      </h2>
      {draft.status === 'IN_REVIEW' && (
        <Notice>
          <p>{m.inReview}</p>
        </Notice>
      )}
      {!draft.parsed ? (
        <Notice tone="warning">
          <p>{m.unparsable}</p>
          <p className="mt-1">
            <Link href={`/documents/${editor.slug}/edit`} className="dads-link">
              {m.toEditor}
            </Link>
          </p>
        </Notice>
      ) : (
        <>
          <ExcerptCarryPanel draft={draft} headingLevel={3} />
          {draft.status === 'DRAFT' &&
            (draft.articles.length === 0 ? (
              <EmptyState>{m.empty}</EmptyState>
            ) : (
              <ExcerptForm
                key={`${draft.number}-${draft.version}`}
                slug={editor.slug}
                number={draft.number}
                version={draft.version}
                articles={draft.articles}
                action={saveExcerptsAction}
              />
            ))}
          <p>
            <Link href={`/documents/${editor.slug}/edit`} className="dads-link text-std-16N-170">
              {m.toEditor}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
