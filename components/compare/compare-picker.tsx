import { revisionDetail } from '@/components/compare/compare-title';
import { historyMessages } from '@/lib/messages/history';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

const m = historyMessages.compare;

const SELECT = 'mt-2 block min-h-12 w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170 text-solid-gray-900 hover:border-black';

/** A plain GET form (no script) choosing the two revisions of a 新旧対照表. */
export function ComparePicker({
  action,
  revisions,
  from,
  to,
  beforeFirst,
  all,
}: {
  action: string;
  revisions: TRevisionEntry[];
  from: number | null;
  to: number | null;
  beforeFirst: boolean;
  all: boolean;
}) {
  const option = (revision: TRevisionEntry) => (
    <option key={revision.number} value={revision.number}>
      {m.pickOption(historyMessages.common.label(revision), revisionDetail(revision))}
    </option>
  );
  return (
    <form method="get" action={action} className="max-w-[40rem] space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="compare-from" className="block text-std-16B-170 text-solid-gray-900">
            {m.pickFrom}
          </label>
          <select id="compare-from" name="from" defaultValue={from ?? undefined} className={SELECT}>
            {revisions.map(option)}
          </select>
        </div>
        <div>
          <label htmlFor="compare-to" className="block text-std-16B-170 text-solid-gray-900">
            {m.pickTo}
          </label>
          <select id="compare-to" name="to" defaultValue={to ?? undefined} className={SELECT}>
            {revisions.map(option)}
          </select>
        </div>
      </div>
      {beforeFirst && <input type="hidden" name="order" value="before-first" />}
      {all && <input type="hidden" name="all" value="1" />}
      <button
        type="submit"
        className="inline-flex min-h-12 items-center justify-center rounded-8 bg-blue-900 px-6 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200"
      >
        {m.pickSubmit}
      </button>
    </form>
  );
}
