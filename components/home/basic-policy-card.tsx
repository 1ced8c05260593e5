import Link from 'next/link';
import { KindLabel } from '@/components/ui/kind-label';
import { ScheduledTag } from '@/components/ui/scheduled-tag';
import { WarekiDate } from '@/components/ui/wareki-date';
import { messages as m } from '@/lib/messages/ja';
import type { TDocumentSummary } from '@/lib/domain/documents';

export function BasicPolicyCard({ document }: { document: TDocumentSummary }) {
  return (
    <section
      aria-labelledby="basic-policy-heading"
      className="rounded-12 border border-solid-gray-420 bg-white p-6 shadow-1 md:p-8 print:shadow-none"
    >
      <div className="flex flex-wrap items-center gap-2">
        <KindLabel kind={document.kind} />
        {document.scheduled && <ScheduledTag />}
      </div>
      <h2 id="basic-policy-heading" className="mt-3 text-std-24B-150 text-solid-gray-900 md:text-std-28B-150">
        {document.title}
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-std-16N-170">
        {document.inForce && (
          <>
            <dt className="text-solid-gray-700">{m.document.effectiveDate}</dt>
            <dd>
              <WarekiDate iso={document.inForce.effectiveDate} withIso />
            </dd>
            <dt className="text-solid-gray-700">{m.document.revisionLabel}</dt>
            <dd>{m.document.revision(document.inForce.edition)}</dd>
          </>
        )}
      </dl>
      {document.inForce ? (
        <p className="mt-6">
          <Link
            href={`/documents/${document.slug}`}
            className="inline-flex min-h-12 items-center rounded-8 bg-blue-900 px-6 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200"
          >
            {m.home.readBasicPolicy}
          </Link>
        </p>
      ) : (
        <p className="mt-4 text-std-16N-170 text-solid-gray-700">{m.document.notYetInForce}</p>
      )}
    </section>
  );
}
