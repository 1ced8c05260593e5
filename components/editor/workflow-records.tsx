import { formatDateTime } from '@/lib/format/tokyo-time';
import { Tag } from '@/components/ui/tag';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TDecisionView } from '@/lib/server/workflow/views';

/** The latest rejection, shown above the editor so that the author reads it first. */
export function RejectionNotice({ decision }: { decision: TDecisionView }) {
  return (
    <section aria-labelledby="rejection-heading" className="rounded-8 border-2 border-l-8 border-error-1 bg-red-50 px-4 py-4 text-std-16N-170 text-solid-gray-900 md:px-6">
      <h2 id="rejection-heading" className="text-std-18B-160 text-error-2">
        {m.rejection.heading}
      </h2>
      <p className="mt-2 text-std-17N-170 whitespace-pre-wrap">{decision.comment}</p>
      <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{m.rejection.by(decision.reviewer, formatDateTime(decision.at))}</p>
      <p className="mt-2">{m.rejection.lead}</p>
    </section>
  );
}

/** Every approval and rejection so far, oldest first. */
export function DecisionList({ decisions }: { decisions: TDecisionView[] }) {
  if (decisions.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{m.decisions.empty}</p>;
  return (
    <ol className="divide-y divide-solid-gray-200 border-y border-solid-gray-200">
      {decisions.map((decision, index) => (
        <li key={`${decision.at}-${index}`} className="py-3 text-std-16N-170">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Tag tone={decision.decision === 'APPROVE' ? 'green' : 'red'}>{m.decisions[decision.decision]}</Tag>
            <span className="text-solid-gray-900">{decision.reviewer}</span>
            <span className="text-dns-14N-130 text-solid-gray-700">{formatDateTime(decision.at)}</span>
            {decision.effectiveDate && <span className="text-dns-14N-130 text-solid-gray-700">{m.decisions.effectiveDate(formatWareki(decision.effectiveDate))}</span>}
          </p>
          <p className={`mt-1 whitespace-pre-wrap ${decision.comment ? '' : 'text-solid-gray-700'}`}>{decision.comment || m.decisions.noComment}</p>
        </li>
      ))}
    </ol>
  );
}

/** A collapsed record of the decisions, for the editor. */
export function DecisionRecord({ decisions }: { decisions: TDecisionView[] }) {
  if (decisions.length === 0) return null;
  return (
    <details className="rounded-8 border border-solid-gray-420 bg-white">
      <summary className="cursor-pointer rounded-8 px-4 py-3 text-std-16B-170 text-solid-gray-900 hover:bg-solid-gray-50">{m.decisions.heading(decisions.length)}</summary>
      <div className="px-4 pb-4">
        <DecisionList decisions={decisions} />
      </div>
    </details>
  );
}

/** The texts that lost a save conflict and were kept; collapsed, each one viewable. */
export function ConflictCopies({ copies }: { copies: { id: string; text: string; baseVersion: number; at: string; by: string }[] }) {
  if (copies.length === 0) return null;
  return (
    <details className="rounded-8 border border-solid-gray-420 bg-white">
      <summary className="cursor-pointer rounded-8 px-4 py-3 text-std-16B-170 text-solid-gray-900 hover:bg-solid-gray-50">{m.conflictCopies.heading(copies.length)}</summary>
      <div className="px-4 pb-4">
        <p className="text-std-16N-170 text-solid-gray-700">{m.conflictCopies.lead}</p>
        <ul className="mt-3 space-y-2">
          {copies.map((copy) => (
            <li key={copy.id}>
              <details className="rounded-6 border border-solid-gray-200">
                <summary className="cursor-pointer rounded-6 px-3 py-2 text-std-16N-170 hover:bg-solid-gray-50">{m.conflictCopies.item(formatDateTime(copy.at), copy.by)}</summary>
                <div className="border-t border-solid-gray-200 px-3 py-2">
                  <p className="text-dns-14N-130 text-solid-gray-700">{m.conflictCopies.baseVersion(copy.baseVersion)}</p>
                  <pre className="mt-2 max-h-96 overflow-auto font-sans text-std-16N-170 whitespace-pre-wrap [overflow-wrap:anywhere]">{copy.text}</pre>
                </div>
              </details>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
