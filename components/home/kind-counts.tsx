import Link from 'next/link';
import { messages as m } from '@/lib/messages/ja';
import { DOCUMENT_KINDS, type TDocumentKind } from '@/lib/domain/documents';

/** Counts of what the reader may see; kinds with none are left out rather than shown as 0, which would read as "there are none". */
export function KindCounts({ counts }: { counts: Record<TDocumentKind, number> }) {
  const shown = DOCUMENT_KINDS.filter((kind) => counts[kind] > 0);
  return (
    <section aria-labelledby="kind-counts-heading" className="rounded-12 border border-solid-gray-420 bg-white p-6">
      <h2 id="kind-counts-heading" className="text-std-20B-150 text-solid-gray-900">
        {m.home.countsHeading}
      </h2>
      <dl className="mt-4 divide-y divide-solid-gray-200">
        {shown.map((kind) => (
          <div key={kind} className="flex items-baseline justify-between gap-4 py-2">
            <dt className="text-std-16N-170">{m.kind[kind]}</dt>
            <dd className="text-std-18B-160 text-solid-gray-900 tabular-nums">{m.home.count(counts[kind])}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-std-16N-170">
        <Link href="/documents" className="dads-link">
          {m.home.toLibrary}
        </Link>
      </p>
    </section>
  );
}
