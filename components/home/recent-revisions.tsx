import Link from 'next/link';
import { ExcerptTag } from '@/components/library/excerpt-tag';
import { KindLabel } from '@/components/ui/kind-label';
import { WarekiDate } from '@/components/ui/wareki-date';
import { messages as m } from '@/lib/messages/ja';
import type { TRecentRevision } from '@/lib/domain/documents';

export function RecentRevisions({ recent }: { recent: TRecentRevision[] }) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="text-std-24B-150 text-solid-gray-900">
        {m.home.recentHeading}
      </h2>
      {recent.length === 0 ? (
        <p className="mt-4 text-std-16N-170 text-solid-gray-700">{m.home.recentEmpty}</p>
      ) : (
        <ul className="mt-4 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
          {recent.map((entry) => (
            <li key={`${entry.document.id}-${entry.revisionNumber}`} className="flex flex-col gap-1 py-4 md:flex-row md:items-baseline md:gap-6">
              <p className="shrink-0 text-std-16N-170 text-solid-gray-700 tabular-nums md:w-[11em]">
                <span className="sr-only">{m.document.effectiveDate} </span>
                <WarekiDate iso={entry.effectiveDate} />
              </p>
              <div className="flex min-w-0 flex-wrap items-baseline gap-x-3 gap-y-1">
                <KindLabel kind={entry.document.kind} />
                {entry.document.edition === 'excerpt' && <ExcerptTag />}
                <Link href={`/documents/${entry.document.slug}`} className="dads-link text-std-17N-170">
                  {entry.document.title}
                </Link>
                <span className="text-std-16N-170 text-solid-gray-700">{m.document.revision(entry.document.inForce?.edition ?? entry.revisionNumber)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
