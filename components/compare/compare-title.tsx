import { stateLabel } from '@/components/history/revision-state-tag';
import { historyMessages } from '@/lib/messages/history';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

const m = historyMessages.compare;

/** 第2版（令和6年4月1日施行）; a revision without an effective date is described by its state. */
export function revisionDetail(revision: TRevisionEntry): string {
  if (!revision.effectiveDate) return stateLabel(revision);
  const date = formatWareki(revision.effectiveDate);
  return revision.state === 'scheduled' ? m.effectiveScheduled(date) : m.effective(date);
}

/** The title block of a municipal 新旧対照表: the title centred, the two revisions, and the note on 傍線. */
export function CompareTitle({ documentTitle, from, to }: { documentTitle: string; from: TRevisionEntry; to: TRevisionEntry }) {
  return (
    <header>
      <h1 id="compare-title" className="text-center text-std-22B-150 text-solid-gray-900 md:text-std-24B-150 print:text-[14pt]/[1.5]">
        {m.title(documentTitle)}
      </h1>
      <div className="mt-4 flex flex-wrap items-end justify-between gap-x-8 gap-y-2 text-std-16N-170 print:mt-3 print:text-[10.5pt]/[1.6]">
        <dl className="text-solid-gray-900">
          {[
            { label: m.before, revision: from },
            { label: m.after, revision: to },
          ].map(({ label, revision }) => (
            <div key={label} className="flex">
              <dt>{label}</dt>
              <dd>
                <span aria-hidden="true">：</span>
                {m.sideDetail(historyMessages.common.label(revision), revisionDetail(revision))}
              </dd>
            </div>
          ))}
        </dl>
        <p className="ml-auto text-solid-gray-900">{m.note}</p>
      </div>
    </header>
  );
}
