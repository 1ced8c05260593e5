import type { Metadata } from 'next';
import { ApprovalQueue, type TQueueRow } from '@/components/approvals/approval-queue';
import { findNode } from '@/components/documents-admin/choices';
import { NoticeBanner } from '@/components/editor/notice-banner';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { PageContainer } from '@/components/layout/page-container';
import { EmptyState } from '@/components/ui/empty-state';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ZIsoDate, ZSlug } from '@/lib/schemas/documents';
import { listLibrary } from '@/lib/server/documents/list-library';
import { guardScreen } from '@/lib/server/http/screen';
import { listApprovalQueue } from '@/lib/server/workflow/views';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.queue.title, robots: { index: false } };

type TSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The sentence after a decision, from the address the review screen moved on to; null when there is none. */
async function decisionNotice(params: TSearchParams): Promise<string | null> {
  const done = first(params.done);
  const slug = ZSlug.safeParse(first(params.slug));
  const number = Number(first(params.number));
  if (!done || !slug.success || !Number.isInteger(number) || number < 1) return null;
  const title = findNode(await listLibrary(), slug.data)?.title ?? slug.data;
  if (done === 'approved' || done === 'rebased') {
    const date = ZIsoDate.safeParse(first(params.date));
    if (!date.success) return null;
    return done === 'rebased' ? m.queue.notices.approvedRebased(title, m.common.draft(number), formatWareki(date.data)) : m.queue.notices.approvedDraft(title, m.common.draft(number), formatWareki(date.data));
  }
  if (done === 'overlap') return m.queue.notices.overlap(title, m.common.draft(number));
  if (done === 'confirmed') return m.queue.notices.confirmed(title, number);
  if (done === 'partial') return m.queue.notices.approvedPartial(title, m.common.draft(number), Number(first(params.approvals)) || 0, Number(first(params.required)) || 0);
  if (done === 'rejected') return m.queue.notices.rejected(title, m.common.draft(number));
  return null;
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  // The DAL decides: sign in, or app/approvals/forbidden.tsx with 403 for those who may not approve.
  const rows: TQueueRow[] = await guardScreen('/approvals', listApprovalQueue);
  const notice = await decisionNotice(await searchParams);

  return (
    <PageContainer>
      <WorkflowBreadcrumb trail={[]} current={m.queue.title} />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">
        {m.queue.title}
        <span className="ml-3 text-std-17N-170 text-solid-gray-700">{m.queue.count(rows.length)}</span>
      </h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.queue.lead}</p>
      {notice && (
        <div className="mt-6 max-w-[56rem]">
          <NoticeBanner>{notice}</NoticeBanner>
        </div>
      )}
      <div className="mt-8 max-w-[56rem]">{rows.length === 0 ? <EmptyState>{m.queue.empty}</EmptyState> : <ApprovalQueue items={rows} />}</div>
    </PageContainer>
  );
}
