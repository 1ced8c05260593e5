import { FILTER_KEYS, type TFilterValues } from '@/components/audit/format';
import { auditMessages as m } from '@/lib/messages/audit';

/**
 * 「CSVでダウンロード」: a form that POSTs the current filters, since an export is recorded in the
 * trail and nothing that changes state answers a GET. The browser downloads the answer and stays on
 * the page. Looks like the link it replaces.
 */
export function ExportCsvForm({ values }: { values: TFilterValues }) {
  return (
    <form method="post" action="/api/v1/audit/export">
      {FILTER_KEYS.map((key) => {
        const value = values[key]?.trim();
        return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
      })}
      <button type="submit" className="dads-link inline-flex min-h-10 cursor-pointer items-center gap-2 text-std-16N-170">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 13.5h11" />
        </svg>
        {m.csv}
      </button>
    </form>
  );
}
