import Link from 'next/link';
import { formatDateTime } from '@/lib/format/tokyo-time';
import { Tag } from '@/components/ui/tag';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TQueueItem } from '@/lib/server/workflow/views';

export type TQueueRow = TQueueItem;

/** The revisions waiting for approval, oldest first, each with what is needed to pick it up. */
export function ApprovalQueue({ items }: { items: TQueueRow[] }) {
  return (
    <ol className="divide-y divide-solid-gray-200 border-y border-solid-gray-200">
      {items.map((item) => (
        <li key={`${item.slug}-${item.number}`} className="py-5">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h2 className="text-std-18B-160">
              <Link href={`/approvals/${item.slug}/${item.number}`} className="dads-link">
                {item.title} {m.common.draft(item.number)}
              </Link>
            </h2>
            {item.kind === 'confirm' ? (
              <Tag tone={item.cannotDecide ? 'gray' : 'orange'}>{m.review.confirmTag}</Tag>
            ) : (
              <Tag tone={item.cannotDecide ? 'gray' : 'yellow'}>
                {m.queue.approvals} {m.common.approvalsCount(item.approvals, item.required)}
              </Tag>
            )}
          </div>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-std-16N-170 sm:gap-x-6">
            <dt className="text-solid-gray-700">{m.queue.submittedBy}</dt>
            <dd>{item.submittedBy}</dd>
            <dt className="text-solid-gray-700">{m.queue.submittedAt}</dt>
            <dd>{formatDateTime(item.submittedAt)}</dd>
            <dt className="text-solid-gray-700">{m.queue.effectiveDate}</dt>
            <dd>{item.effectiveDate ? m.effectiveDate.readAs(formatWareki(item.effectiveDate), item.effectiveDate) : m.queue.noDate}</dd>
            <dt className="text-solid-gray-700">{m.queue.changeReason}</dt>
            <dd className="line-clamp-3 whitespace-pre-wrap">{item.changeReason}</dd>
          </dl>
          {item.cannotDecide && <p className="mt-2 text-std-16N-170 text-solid-gray-700">{m.queue.cannotDecide[item.cannotDecide]}</p>}
        </li>
      ))}
    </ol>
  );
}
