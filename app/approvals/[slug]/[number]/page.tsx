import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmForm, DecisionForm } from '@/components/approvals/decision-form';
import { SideBySide } from '@/components/approvals/side-by-side';
import { ComparisonTable } from '@/components/compare/comparison-table';
import { formatDateTime } from '@/lib/format/tokyo-time';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { ExcerptCarryPanel } from '@/components/excerpts/excerpt-carry-panel';
import { DecisionList } from '@/components/editor/workflow-records';
import { PageContainer } from '@/components/layout/page-container';
import { Notice } from '@/components/ui/notice';
import { Tag } from '@/components/ui/tag';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { requireScreen } from '@/lib/server/auth/screen-access';
import { todayInJapan } from '@/lib/server/clock';
import { getReviewExcerpts } from '@/lib/server/excerpts/draft-excerpts';
import { guardScreen } from '@/lib/server/http/screen';
import { getReviewView } from '@/lib/server/workflow/views';
import { approveRevisionAction, confirmRevisionAction, rejectRevisionAction } from '../../actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.queue.title, robots: { index: false } };

type TProps = { params: Promise<{ slug: string; number: string }> };

export default async function ReviewPage({ params }: TProps) {
  const raw = await params;
  const path = `/approvals/${raw.slug}/${raw.number}`;
  await guardScreen(path, () => requireScreen('approvals'));
  const slug = ZSlug.safeParse(raw.slug);
  const number = ZRevisionNumber.safeParse(raw.number);
  if (!slug.success || !number.success) notFound();
  const review = await guardScreen(path, () => getReviewView(slug.data, number.data));
  // Not in review (decided, withdrawn, or never submitted) looks the same as missing.
  if (!review) notFound();

  const reason = review.cannotDecide;
  const confirm = review.kind === 'confirm';
  const label = m.common.draft(review.number);
  const heading = confirm ? m.review.confirmTitle(review.title, label) : m.review.title(review.title, label);
  const before = review.inForce ? m.common.revisionWithDate(review.inForce.edition ?? review.inForce.number, formatWareki(review.inForce.effectiveDate), review.inForce.scheduled) : null;
  // The public articles (外部に周知すべき事項) are approved with the text.
  const excerpts = await getReviewExcerpts(slug.data, number.data);
  return (
    <PageContainer>
      <WorkflowBreadcrumb trail={[{ href: '/approvals', label: m.queue.title }]} current={heading} />
      <header className="mt-6">
        <div className="flex flex-wrap items-center gap-2">
          <Tag tone="yellow">{confirm ? m.review.confirmTag : m.statuses.IN_REVIEW}</Tag>
          {review.isAbolition && <Tag tone="red">{m.editor.abolitionTag}</Tag>}
        </div>
        <h1 className="mt-3 text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{heading}</h1>
      </header>
      <div className="mt-6 max-w-[56rem] space-y-4 empty:hidden">
        {confirm && review.rebasedFrom && before && (
          <Notice tone="warning">
            <p>{m.review.confirmLead(review.rebasedFrom.edition ? m.common.revision(review.rebasedFrom.edition) : m.common.draft(review.rebasedFrom.number), before)}</p>
          </Notice>
        )}
        {review.staleBase && (
          <Notice tone="warning">
            <h2 className="text-std-18B-160 text-solid-gray-900">{m.review.staleTitle}</h2>
            <p className="mt-1">{m.review.staleBody(before ?? '')}</p>
          </Notice>
        )}
        {!confirm && !review.staleBase && review.later.length > 0 && (
          <Notice>
            <p>{m.review.laterNote(review.later.map((l) => m.common.revisionWithDate(l.edition ?? l.number, formatWareki(l.effectiveDate), true)).join('、'))}</p>
          </Notice>
        )}
      </div>

      <section aria-labelledby="summary-heading" className="mt-8 max-w-[56rem]">
        <h2 id="summary-heading" className="text-std-22B-150 text-solid-gray-900">
          {m.review.summaryHeading}
        </h2>
        {review.isAbolition && (
          <div className="mt-3">
            <Notice tone="warning">
              <p>{m.review.abolition}</p>
            </Notice>
          </div>
        )}
        <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-std-16N-170 sm:gap-x-8">
          <dt className="text-solid-gray-700">{m.review.changeReason}</dt>
          <dd className="whitespace-pre-wrap text-std-17N-170 text-solid-gray-900">{review.changeReason}</dd>
          <dt className="text-solid-gray-700">{m.review.effectiveDate}</dt>
          <dd>{review.effectiveDate ? m.effectiveDate.readAs(formatWareki(review.effectiveDate), review.effectiveDate) : m.queue.noDate}</dd>
          <dt className="text-solid-gray-700">{m.review.submittedBy}</dt>
          <dd>{review.submittedBy}</dd>
          <dt className="text-solid-gray-700">{m.review.submittedAt}</dt>
          <dd>{formatDateTime(review.submittedAt)}</dd>
          <dt className="text-solid-gray-700">{m.review.approvals}</dt>
          <dd>{m.common.approvalsCount(review.approvals, review.required)}</dd>
          {before && (
            <>
              <dt className="text-solid-gray-700">{m.review.before}</dt>
              <dd>{m.review.beforeLabel(before)}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="decisions-heading" className="mt-10 max-w-[56rem]">
        <h2 id="decisions-heading" className="text-std-22B-150 text-solid-gray-900">
          {m.decisions.heading(review.decisions.length)}
        </h2>
        <div className="mt-3">
          <DecisionList decisions={review.decisions} />
        </div>
      </section>

      {excerpts && (
        <div className="mt-10 max-w-[56rem]">
          <ExcerptCarryPanel draft={excerpts} />
        </div>
      )}

      <section aria-labelledby="compare-heading" className="mt-10">
        <h2 id="compare-heading" className="text-std-22B-150 text-solid-gray-900">
          {m.review.compareHeading}
        </h2>
        <p className="mt-2 max-w-[48em] text-std-16N-170">
          {review.comparison && review.inForce ? m.review.comparisonLead : m.review.compareLead}
        </p>
        <div className="mt-4">
          {review.comparison && review.inForce ? (
            <ComparisonTable
              rows={review.comparison.rows}
              order={['after', 'before']}
              all={false}
              caption={m.review.comparisonCaption(review.title, label, before ?? '')}
            />
          ) : (
            <SideBySide
              after={{ heading: m.review.after, caption: m.review.afterCaption(label), text: review.text }}
              before={{ heading: m.review.before, caption: '', text: null, empty: m.review.noBefore }}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="decision-heading" className="mt-10 max-w-[56rem] rounded-12 border border-solid-gray-420 bg-white p-5 md:p-8">
        <h2 id="decision-heading" className="text-std-22B-150 text-solid-gray-900">
          {m.review.decisionHeading}
        </h2>
        <div className="mt-4">
          {reason ? (
            <Notice>
              <h3 className="text-std-16B-170">{m.review.cannotDecideHeading}</h3>
              <p className="mt-1">{m.queue.cannotDecide[reason]}</p>
            </Notice>
          ) : confirm ? (
            <ConfirmForm slug={review.slug} number={review.number} action={confirmRevisionAction} />
          ) : (
            <DecisionForm
              slug={review.slug}
              number={review.number}
              canApprove={!review.staleBase}
              proposedDate={review.effectiveDate}
              proposedChangeKind={review.changeKind ?? 'SUBSTANTIVE'}
              today={todayInJapan()}
              approveAction={approveRevisionAction}
              rejectAction={rejectRevisionAction}
            />
          )}
        </div>
      </section>
      <p className="mt-8 text-std-16N-170">
        <Link href="/approvals" className="dads-link">
          {m.review.backToQueue}
        </Link>
      </p>
    </PageContainer>
  );
}
