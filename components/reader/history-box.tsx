import { WarekiDate } from '@/components/ui/wareki-date';
import { messages as m } from '@/lib/messages/ja';
import type { THistoryEntry } from '@/lib/domain/documents';

/** 沿革: when the document was enacted and amended, oldest first. */
export function HistoryBox({ history }: { history: THistoryEntry[] }) {
  return (
    <section
      id="history"
      aria-labelledby="history-heading"
      className="policy-anchor mt-14 max-w-[42.5rem] rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-6 py-5 print:break-inside-avoid print:border-black print:bg-white"
    >
      <h2 id="history-heading" className="text-std-18B-160 text-solid-gray-900">
        {m.reader.history}
      </h2>
      <ol className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1 text-std-16N-170">
        {history.map((entry) => (
          <li key={entry.date} className="col-span-2 grid grid-cols-subgrid">
            <WarekiDate iso={entry.date} />
            <span>{entry.label}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
