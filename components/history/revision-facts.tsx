import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format/tokyo-time';
import { WarekiDate } from '@/components/ui/wareki-date';
import { historyMessages as m } from '@/lib/messages/history';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

/**
 * 施行日, 改正理由 and who submitted and approved the revision, when. Imported revisions carry no
 * submitter or approver: the time they were imported is not an approval date, so it is not shown.
 */
export function RevisionFacts({ revision }: { revision: TRevisionEntry }) {
  const rows: { term: string; value: ReactNode }[] = [
    { term: m.facts.effectiveDate, value: revision.effectiveDate ? <WarekiDate iso={revision.effectiveDate} withIso /> : m.facts.effectiveUndecided },
  ];
  if (revision.changeReason) rows.push({ term: m.facts.changeReason, value: revision.changeReason });
  if (revision.createdBy) rows.push({ term: m.facts.created, value: m.facts.byAt(revision.createdBy, formatDateTime(revision.createdAt)) });
  if (revision.submittedBy && revision.submittedAt) rows.push({ term: m.facts.submitted, value: m.facts.byAt(revision.submittedBy, formatDateTime(revision.submittedAt)) });
  if (revision.approvedBy && revision.approvedAt) rows.push({ term: m.facts.approved, value: m.facts.byAt(revision.approvedBy, formatDateTime(revision.approvedAt)) });
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1 text-std-16N-170">
      {rows.map((row) => (
        <div key={row.term} className="col-span-2 grid grid-cols-subgrid">
          <dt className="text-solid-gray-700">{row.term}</dt>
          <dd className="text-solid-gray-900">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
