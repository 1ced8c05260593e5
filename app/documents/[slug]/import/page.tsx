import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findNode } from '@/components/documents-admin/choices';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { AmendmentImport } from '@/components/import/amendment-import';
import { PageContainer } from '@/components/layout/page-container';
import { KindLabel } from '@/components/ui/kind-label';
import { Notice } from '@/components/ui/notice';
import { ingestMessages } from '@/lib/messages/ingest';
import { workflowMessages as wm } from '@/lib/messages/workflow';
import { ZSlug } from '@/lib/schemas/documents';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { listLibrary } from '@/lib/server/documents/list-library';
import { getImportLimit } from '@/lib/server/ingest/read-policy-file';
import { getDraftEditor, getStartDraftOptions } from '@/lib/server/workflow/views';
import { readAmendmentFileAction, startDraftFromFileAction } from './actions';

export const dynamic = 'force-dynamic';

const m = ingestMessages.screen;

export const metadata: Metadata = { title: m.amendLink, robots: { index: false } };

type TProps = { params: Promise<{ slug: string }> };

/** For those who may draft only: anyone else, and any unknown slug, gets the same 404 as a missing document. */
export default async function ImportAmendmentPage({ params }: TProps) {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) notFound();
  const viewer = await getViewer();
  if (!viewer?.can['revision:draft']) notFound();
  const [open, library, options, limit] = await Promise.all([
    getDraftEditor(slug.data).catch((error: unknown) => {
      if (error instanceof PermissionDeniedError) return null;
      throw error;
    }),
    listLibrary(),
    getStartDraftOptions(slug.data),
    getImportLimit(),
  ]);
  const node = findNode(library, slug.data);
  if (!node) notFound();
  const trail = [{ href: '/documents', label: wm.common.library }, ...(node.inForce ? [{ href: `/documents/${node.slug}`, label: node.title }] : [])];
  const canStart = (options?.choices.length ?? 0) > 0;

  return (
    <PageContainer>
      <WorkflowBreadcrumb trail={trail} current={m.amendLink} />
      <div className="mt-6">
        <KindLabel kind={node.kind} />
        <h1 className="mt-3 max-w-[48rem] text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.amendTitle(node.title)}</h1>
        <p className="mt-4 max-w-[48em] text-std-17N-170">{m.amendLead}</p>
      </div>
      <div className="mt-8">
        {open ? (
          <div className="max-w-[48rem]">
            <Notice tone="warning">
              <p>{ingestMessages.refusals.openDraft(open.number)}</p>
              <p className="mt-2">
                <Link href={`/documents/${node.slug}/edit`} className="dads-link">
                  {m.openDraftLink}
                </Link>
              </p>
            </Notice>
          </div>
        ) : !canStart ? (
          <div className="max-w-[48rem]">
            <Notice>
              <p>{wm.start.noApproved}</p>
            </Notice>
          </div>
        ) : (
          <AmendmentImport slug={node.slug} maxBytes={limit.maxBytes} readAction={readAmendmentFileAction} startAction={startDraftFromFileAction} />
        )}
      </div>
    </PageContainer>
  );
}
