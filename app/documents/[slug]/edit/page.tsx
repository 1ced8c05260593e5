import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findNode } from '@/components/documents-admin/choices';
import { DraftEditor } from '@/components/editor/draft-editor';
import { NoticeBanner } from '@/components/editor/notice-banner';
import { StartDraftPanel } from '@/components/editor/start-draft-panel';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { RejectionNotice } from '@/components/editor/workflow-records';
import { ExcerptCarryPanel } from '@/components/excerpts/excerpt-carry-panel';
import { PageContainer } from '@/components/layout/page-container';
import { KindLabel } from '@/components/ui/kind-label';
import { Notice } from '@/components/ui/notice';
import { Tag } from '@/components/ui/tag';
import { ingestMessages } from '@/lib/messages/ingest';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ZSlug } from '@/lib/schemas/documents';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { todayInJapan } from '@/lib/server/clock';
import { listLibrary } from '@/lib/server/documents/list-library';
import { getDraftEditor, getStartDraftOptions } from '@/lib/server/workflow/views';
import { OverlapPanel } from '@/components/editor/overlap-panel';
import { checkEffectiveDateAction, saveDraftAction, startDraftAction, submitRevisionAction, withdrawRevisionAction } from './actions';
import { getExcerptEditor } from '@/lib/server/excerpts/draft-excerpts';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.editor.pageTitle, robots: { index: false } };

const NOTICES = ['created', 'started', 'submitted', 'withdrawn', 'discarded', 'imported'] as const;
type TNotice = (typeof NOTICES)[number];

type TProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** For editors only: anyone else, and any unknown slug, gets the same 404 as a missing document. */
export default async function EditDraftPage({ params, searchParams }: TProps) {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) notFound();
  const viewer = await getViewer();
  if (!viewer?.can['revision:draft']) notFound();
  const [editor, library] = await Promise.all([
    getDraftEditor(slug.data).catch((error: unknown) => {
      if (error instanceof PermissionDeniedError) return null;
      throw error;
    }),
    listLibrary(),
  ]);
  const node = findNode(library, slug.data);
  if (!node) notFound();

  const noticeParam = (await searchParams).notice;
  const notice = NOTICES.find((n) => n === noticeParam) as TNotice | undefined;
  const trail = [{ href: '/documents', label: m.common.library }, ...(node.inForce ? [{ href: `/documents/${node.slug}`, label: node.title }] : [])];

  if (!editor) {
    const options = await getStartDraftOptions(slug.data);
    const choices = (options?.choices ?? []).map((c) => ({ number: c.number, label: m.common.revisionWithDate(c.edition, formatWareki(c.effectiveDate), c.scheduled) }));
    const base = choices.at(-1);
    return (
      <PageContainer>
        <WorkflowBreadcrumb trail={trail} current={m.editor.pageTitle} />
        <div className="mt-6 max-w-[48rem]">
          <KindLabel kind={node.kind} />
          <h1 className="mt-3 text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.start.title(node.title)}</h1>
          {notice && (notice === 'withdrawn' || notice === 'discarded') && (
            <div className="mt-6">
              <NoticeBanner>{m.editor.notices[notice]}</NoticeBanner>
            </div>
          )}
          {base ? (
            <>
              <p className="mt-4 text-std-17N-170">{m.start.lead}</p>
              <p className="mt-2 text-std-16N-170 text-solid-gray-700">{m.start.basedOn(base.label)}</p>
              <div className="mt-8">
                <StartDraftPanel slug={node.slug} canAbolish={node.inForce !== null} choices={choices} action={startDraftAction} />
              </div>
              <p className="mt-8 text-std-16N-170 text-solid-gray-800">
                {ingestMessages.screen.amendLinkLead}{' '}
                <Link href={`/documents/${node.slug}/import`} className="dads-link">
                  {ingestMessages.screen.amendLink}
                </Link>
              </p>
            </>
          ) : (
            <div className="mt-6">
              <Notice>
                <p>{m.start.noApproved}</p>
              </Notice>
            </div>
          )}
        </div>
      </PageContainer>
    );
  }

  // Which public articles (外部に周知すべき事項) the draft carries forward: seen before submitting.
  const excerpts = node.visibility === 'PUBLIC' ? null : (await getExcerptEditor(node.slug))?.draft;
  const lastRejection = editor.status === 'DRAFT' ? editor.decisions.findLast((d) => d.decision === 'REJECT') : undefined;
  return (
    <PageContainer>
      <WorkflowBreadcrumb trail={trail} current={m.editor.pageTitle} />
      <header className="mt-6">
        <div className="flex flex-wrap items-center gap-2">
          <KindLabel kind={node.kind} />
          <Tag tone={editor.status === 'DRAFT' ? 'gray' : 'yellow'}>{m.statuses[editor.status]}</Tag>
          {editor.isAbolition && <Tag tone="red">{m.editor.abolitionTag}</Tag>}
        </div>
        <h1 className="mt-3 text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{editor.baseText === null ? m.editor.headingFirst(editor.title, editor.number) : m.editor.heading(editor.title, editor.number)}</h1>
      </header>
      <div className="mt-6 max-w-[56rem] space-y-4 empty:hidden">
        {notice && notice !== 'withdrawn' && notice !== 'discarded' && <NoticeBanner>{m.editor.notices[notice]}</NoticeBanner>}
        {editor.isAbolition && (
          <Notice tone="warning">
            <p>{m.editor.abolitionNote}</p>
          </Notice>
        )}
        {editor.base && (
          <p className="text-std-16N-170 text-solid-gray-800">
            {m.editor.basedOn(m.common.revisionWithDate(editor.base.edition ?? editor.base.number, formatWareki(editor.base.effectiveDate), editor.base.scheduled))}
          </p>
        )}
        {editor.status === 'DRAFT' && editor.rebaseConflict && <OverlapPanel conflict={editor.rebaseConflict} />}
        {lastRejection && <RejectionNotice decision={lastRejection} />}
        {editor.status === 'IN_REVIEW' && (
          <Notice>
            <h2 className="text-std-18B-160 text-solid-gray-900">{m.editor.inReviewTitle}</h2>
            <p className="mt-1">{m.editor.inReviewBody}</p>
            <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1">
              <dt className="text-solid-gray-700">{m.submit.reason}</dt>
              <dd className="whitespace-pre-wrap">{editor.changeReason}</dd>
              {editor.effectiveDate && (
                <>
                  <dt className="text-solid-gray-700">{m.effectiveDate.label}</dt>
                  <dd>{m.effectiveDate.readAs(formatWareki(editor.effectiveDate), editor.effectiveDate)}</dd>
                </>
              )}
            </dl>
          </Notice>
        )}
      </div>
      {excerpts && (
        <div className="mt-6 max-w-[56rem]">
          <ExcerptCarryPanel draft={excerpts} reviewHref={`/documents/${node.slug}/excerpts`} />
        </div>
      )}
      <div className="mt-8">
        <DraftEditor
          key={`${editor.number}-${editor.status}`}
          draft={editor}
          saveAction={saveDraftAction}
          submitAction={submitRevisionAction}
          withdrawAction={withdrawRevisionAction}
          checkDateAction={checkEffectiveDateAction}
          today={todayInJapan()}
        />
      </div>
    </PageContainer>
  );
}
