import Link from 'next/link';
import { Tag } from '@/components/ui/tag';
import type { TAckObligation } from '@/lib/domain/acknowledgments';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';
import { formatWareki } from '@/lib/policy-text/wareki';

export const ACK_TASKS_ID = 'acknowledgment-tasks';

/** 「確認が必要な文書」 on the home page: 「第n版を確認してください」 with the due date, overdue first. */
export function AckTasks({ tasks }: { tasks: TAckObligation[] }) {
  return (
    <section id={ACK_TASKS_ID} aria-labelledby={`${ACK_TASKS_ID}-heading`} className="rounded-12 border border-solid-gray-420 bg-white p-5 md:p-6">
      <h2 id={`${ACK_TASKS_ID}-heading`} className="text-std-24B-150 text-solid-gray-900">
        {m.tasks.heading}
        <span className="ml-3 text-std-17N-170 text-solid-gray-700">{m.tasks.count(tasks.length)}</span>
      </h2>
      <p className="mt-2 text-std-16N-170 text-solid-gray-800">{m.tasks.lead}</p>
      <ul className="mt-2 divide-y divide-solid-gray-420">
        {tasks.map((task) => (
          <li key={task.slug} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-3">
            <Link href={`/acknowledgments/${task.slug}`} className="dads-link text-std-16B-170">
              {task.title}：{m.tasks.ask(m.edition(task.edition, task.number))}
            </Link>
            <span className="text-dns-14N-130 text-solid-gray-700">{m.tasks.due(formatWareki(task.dueOn))}</span>
            {task.state === 'overdue' && <Tag tone="red">{m.tasks.overdue}</Tag>}
            {task.early && <Tag tone="key">{m.tasks.early}</Tag>}
          </li>
        ))}
      </ul>
    </section>
  );
}
