import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format/tokyo-time';
import { Tag } from '@/components/ui/tag';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TTasks } from '@/lib/server/workflow/views';

export const MY_TASKS_ID = 'my-tasks';

/** 「あなたの作業」 at the top of the home page: drafts to finish, revisions to approve, rejections to answer. */
export function MyTasks({ tasks, canCreateDocument = false }: { tasks: TTasks; canCreateDocument?: boolean }) {
  const rejected = new Set(tasks.rejected.map((r) => `${r.slug}-${r.number}`));
  const drafts = tasks.drafts.filter((d) => !rejected.has(`${d.slug}-${d.number}`));
  return (
    <section id={MY_TASKS_ID} aria-labelledby={`${MY_TASKS_ID}-heading`} tabIndex={-1} className="scroll-mt-4 rounded-12 border border-solid-gray-420 bg-white p-5 md:p-6">
      <h2 id={`${MY_TASKS_ID}-heading`} className="text-std-24B-150 text-solid-gray-900">
        {m.tasks.heading}
      </h2>
      <div className="mt-4 grid gap-x-8 gap-y-6 md:grid-cols-[repeat(auto-fit,minmax(20rem,1fr))]">
        {tasks.rejected.length > 0 && (
          <TaskGroup heading={m.tasks.rejected} count={tasks.rejected.length}>
            {tasks.rejected.map((task) => (
              <li key={`${task.slug}-${task.number}`} className="py-3">
                <Link href={`/documents/${task.slug}/edit`} className="dads-link text-std-16B-170">
                  {task.title} {m.common.draft(task.number)}
                </Link>
                <p className="mt-1 line-clamp-3 text-std-16N-170 whitespace-pre-wrap text-solid-gray-900">{task.comment}</p>
                <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{m.tasks.rejectedBy(task.by, formatDateTime(task.at))}</p>
              </li>
            ))}
          </TaskGroup>
        )}
        {drafts.length > 0 && (
          <TaskGroup heading={m.tasks.drafts} count={drafts.length}>
            {drafts.map((task) => (
              <li key={`${task.slug}-${task.number}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 py-3">
                <Link href={`/documents/${task.slug}/edit`} className="dads-link text-std-16B-170">
                  {task.title} {m.common.draft(task.number)}
                </Link>
                {task.status === 'IN_REVIEW' && <Tag tone="yellow">{m.tasks.inReview}</Tag>}
              </li>
            ))}
          </TaskGroup>
        )}
        {tasks.toApprove.length > 0 && (
          <TaskGroup heading={m.tasks.toApprove} count={tasks.toApprove.length}>
            {tasks.toApprove.map((task) => (
              <li key={`${task.slug}-${task.number}`} className="py-3">
                <Link href={`/approvals/${task.slug}/${task.number}`} className="dads-link text-std-16B-170">
                  {task.title} {m.common.draft(task.number)}
                </Link>
                <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
                  {task.submittedBy}・{formatDateTime(task.submittedAt)}
                  {task.effectiveDate && `・${m.queue.effectiveDate} ${formatWareki(task.effectiveDate)}`}
                </p>
              </li>
            ))}
          </TaskGroup>
        )}
      </div>
      {canCreateDocument && (
        <p className="mt-4 text-std-16N-170">
          <Link href="/documents/new" className="dads-link">
            {m.tasks.createDocument}
          </Link>
        </p>
      )}
    </section>
  );
}

function TaskGroup({ heading, count, children }: { heading: string; count: number; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <h3 className="text-std-18B-160 text-solid-gray-900">
        {heading}
        <span className="ml-2 text-std-16N-170 text-solid-gray-700">{m.queue.count(count)}</span>
      </h3>
      <ul className="mt-1 divide-y divide-solid-gray-200 border-y border-solid-gray-200">{children}</ul>
    </div>
  );
}

export function hasTasks(tasks: TTasks | null): tasks is TTasks {
  return tasks !== null && tasks.drafts.length + tasks.toApprove.length + tasks.rejected.length > 0;
}
