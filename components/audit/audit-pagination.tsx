import Link from 'next/link';
import { filterQuery, type TFilterValues } from '@/components/audit/format';
import { auditMessages as m } from '@/lib/messages/audit';

const PAGE_LINK =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-8 border border-blue-900 bg-white px-5 text-oln-16B-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100';

/** Keyset pages: older by the cursor of the last row; back to the newest by dropping the cursor. */
export function AuditPagination({ values, nextBefore, paged }: { values: TFilterValues; nextBefore: string | null; paged: boolean }) {
  if (!nextBefore && !paged) return null;
  return (
    <nav aria-label={m.pagination.label} className="mt-6 flex flex-wrap items-center gap-4">
      {paged && (
        <Link href={`/audit${filterQuery(values)}`} className={PAGE_LINK}>
          {m.pagination.newest}
        </Link>
      )}
      {nextBefore && (
        <Link href={`/audit${filterQuery(values, nextBefore)}`} className={PAGE_LINK}>
          {m.pagination.older}
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 3l5 5-5 5" />
          </svg>
        </Link>
      )}
    </nav>
  );
}
