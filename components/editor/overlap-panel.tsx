import { Notice } from '@/components/ui/notice';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { formatWareki } from '@/lib/policy-text/wareki';

type TOverlap = {
  scheduled: { number: number; edition: number | null; effectiveDate: string };
  ours: string;
  theirs: string;
  merged: string;
  regions: number;
};

const TEXT_BOX = 'mt-2 max-h-[50dvh] overflow-y-auto rounded-8 border border-solid-gray-420 bg-white px-4 py-3 font-sans text-std-16N-170 whitespace-pre-wrap [overflow-wrap:anywhere]';

/**
 * An approval refused because this draft and a scheduled revision change the same text
 * (docs/decisions/007): both texts, and the merge with the overlapping regions marked, for the
 * editor to settle. Nothing was applied; the scheduled revision is unchanged.
 */
export function OverlapPanel({ conflict }: { conflict: TOverlap }) {
  const label = m.common.revisionWithDate(conflict.scheduled.edition ?? conflict.scheduled.number, formatWareki(conflict.scheduled.effectiveDate), true);
  return (
    <Notice tone="warning">
      <h2 className="text-std-18B-160 text-solid-gray-900">{m.editor.overlapTitle}</h2>
      <p className="mt-1">{m.editor.overlapBody(label)}</p>
      <div className="mt-3 space-y-3">
        <details open>
          <summary className="cursor-pointer text-std-16B-170">{m.editor.overlapMerged(conflict.regions)}</summary>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">{m.editor.overlapMergedHint}</p>
          <pre tabIndex={0} className={TEXT_BOX}>
            {conflict.merged}
          </pre>
        </details>
        <details>
          <summary className="cursor-pointer text-std-16B-170">{m.editor.overlapOurs}</summary>
          <pre tabIndex={0} className={TEXT_BOX}>
            {conflict.ours}
          </pre>
        </details>
        <details>
          <summary className="cursor-pointer text-std-16B-170">{m.editor.overlapTheirs(label)}</summary>
          <pre tabIndex={0} className={TEXT_BOX}>
            {conflict.theirs}
          </pre>
        </details>
      </div>
    </Notice>
  );
}
