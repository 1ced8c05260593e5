import Link from 'next/link';
import { KindLabel } from '@/components/ui/kind-label';
import { ScheduledTag } from '@/components/ui/scheduled-tag';
import { VisibilityBadge } from '@/components/ui/visibility-badge';
import { WarekiDate } from '@/components/ui/wareki-date';
import { authMessages as a } from '@/lib/messages/auth';
import { messages as m } from '@/lib/messages/ja';
import type { TDocumentSummary } from '@/lib/domain/documents';

/** Documents owned by or granted to the reader's department: what a member of staff looks for first. */
export function MyDepartmentDocuments({ departmentName, documents }: { departmentName: string; documents: TDocumentSummary[] }) {
  return (
    <section aria-labelledby="my-department-heading">
      <h2 id="my-department-heading" className="text-std-24B-150 text-solid-gray-900">
        {a.access.myDepartmentHeading(departmentName)}
      </h2>
      {documents.length === 0 ? (
        <p className="mt-4 text-std-16N-170 text-solid-gray-700">{a.access.myDepartmentEmpty}</p>
      ) : (
        <ul className="mt-4 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
          {documents.map((document) => (
            <li key={document.id} className="flex flex-col gap-1 py-4 md:flex-row md:items-baseline md:gap-6">
              <div className="flex shrink-0 flex-wrap items-center gap-2 md:w-[15em]">
                <KindLabel kind={document.kind} />
                <VisibilityBadge visibility={document.visibility} />
                {document.scheduled && <ScheduledTag />}
              </div>
              <div className="min-w-0">
                {document.inForce ? (
                  <Link href={`/documents/${document.slug}`} className="dads-link text-std-17N-170">
                    {document.title}
                  </Link>
                ) : (
                  <span className="text-std-17N-170">{document.title}</span>
                )}
                <p className="text-std-16N-170 text-solid-gray-700">
                  {document.inForce ? (
                    <>
                      {m.document.revision(document.inForce.edition)}
                      {'　'}
                      {m.document.effectiveDate} <WarekiDate iso={document.inForce.effectiveDate} />
                    </>
                  ) : (
                    m.document.notYetInForce
                  )}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
