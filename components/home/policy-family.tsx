import { messages as m } from '@/lib/messages/ja';

/** What the portal holds: the documents that make up the policy, and who may read them. */
export function PolicyFamily() {
  return (
    <section aria-labelledby="policy-family-heading" className="mt-10">
      <h2 id="policy-family-heading" className="text-std-24B-150 text-solid-gray-900">
        {m.home.familyHeading}
      </h2>
      <dl className="mt-4 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
        {m.home.family.map((entry) => (
          <div key={entry.term} className="grid gap-x-8 gap-y-1 py-4 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
            <dt className="text-std-17B-170 text-solid-gray-900">{entry.term}</dt>
            <dd className="max-w-[40em] text-std-16N-170">
              <p>{entry.description}</p>
              <p className="mt-1 text-solid-gray-700">
                {m.home.accessLabel}: {entry.access}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
