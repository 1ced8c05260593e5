import { formatDateTime } from '@/lib/format/tokyo-time';
import { Tag } from '@/components/ui/tag';
import { historyMessages as m } from '@/lib/messages/history';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

/** 審査の記録: each 承認 or 差戻し, by whom, when and with what comment, oldest first. */
export function ReviewDecisions({ decisions, headingLevel = 3 }: { decisions: TRevisionEntry['decisions']; headingLevel?: 2 | 3 }) {
  if (decisions.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-4 py-3 print:border-black print:bg-white">
      <Heading className="text-std-16B-170 text-solid-gray-900">{m.decisions.heading}</Heading>
      <ol className="mt-2 space-y-3">
        {decisions.map((decision) => (
          <li key={`${decision.at}-${decision.reviewer}`} className="text-std-16N-170">
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Tag tone={decision.decision === 'APPROVE' ? 'green' : 'red'}>{m.decisions[decision.decision]}</Tag>
              <span className="text-solid-gray-900">{decision.reviewer}</span>
              <time dateTime={decision.at} className="text-solid-gray-700">
                {formatDateTime(decision.at)}
              </time>
              {decision.effectiveDate && <span className="text-solid-gray-700">{m.decisions.effectiveDate(formatWareki(decision.effectiveDate))}</span>}
            </p>
            <p className={`mt-1 whitespace-pre-wrap ${decision.comment ? 'text-solid-gray-900' : 'text-solid-gray-700'}`}>
              <span className="sr-only">{m.decisions.comment}: </span>
              {decision.comment || m.decisions.noComment}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
