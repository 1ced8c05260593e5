import Link from 'next/link';
import { KindLabel } from '@/components/ui/kind-label';
import { searchMessages as s } from '@/lib/messages/search';
import { messages as m } from '@/lib/messages/ja';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TDocumentKind } from '@/lib/domain/documents';
import type { TSearchHit, TSearchResult } from '@/lib/server/search/search-documents';

/** A /search URL with the given parameters changed (null removes one); page resets unless given. */
export function searchHref(result: Pick<TSearchResult, 'query' | 'scope' | 'kind' | 'department'>, change: { kind?: TDocumentKind | null; department?: string | null; page?: number }): string {
  const params = new URLSearchParams({ q: result.query });
  const kind = change.kind === undefined ? result.kind : change.kind;
  const department = change.department === undefined ? result.department : change.department;
  if (kind) params.set('kind', kind);
  if (department) params.set('department', department);
  if (result.scope === 'all') params.set('scope', 'all');
  if (change.page && change.page > 1) params.set('page', String(change.page));
  return `/search?${params.toString()}`;
}

function FacetLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? 'true' : undefined}
        className={`flex items-baseline justify-between gap-3 rounded-4 px-2 py-1.5 text-std-16N-170 hover:underline ${current ? 'bg-blue-50 font-bold text-blue-1000' : 'text-solid-gray-800'}`}
      >
        {children}
      </Link>
    </li>
  );
}

export function SearchFacets({ result }: { result: TSearchResult }) {
  const { kinds, departments } = result.facets;
  return (
    <nav aria-label={s.facets.heading} className="space-y-6">
      <div>
        <h2 className="text-std-16B-170 text-solid-gray-900">{s.facets.kind}</h2>
        <ul className="mt-1">
          <FacetLink href={searchHref(result, { kind: null })} current={result.kind === null}>
            {s.facets.all}
          </FacetLink>
          {kinds.map((k) => (
            <FacetLink key={k.value} href={searchHref(result, { kind: k.value })} current={result.kind === k.value}>
              <span>{m.kind[k.value]}</span>
              <span className="text-dns-14N-130 text-solid-gray-700">{s.facets.count(k.count)}</span>
            </FacetLink>
          ))}
        </ul>
      </div>
      {departments.some((d) => d.value.code) && (
        <div>
          <h2 className="text-std-16B-170 text-solid-gray-900">{s.facets.department}</h2>
          <ul className="mt-1">
            <FacetLink href={searchHref(result, { department: null })} current={result.department === null}>
              {s.facets.all}
            </FacetLink>
            {departments.map((d) =>
              d.value.code ? (
                <FacetLink key={d.value.code} href={searchHref(result, { department: d.value.code })} current={result.department === d.value.code}>
                  <span>{d.value.name}</span>
                  <span className="text-dns-14N-130 text-solid-gray-700">{s.facets.count(d.count)}</span>
                </FacetLink>
              ) : (
                <li key="none" className="flex items-baseline justify-between gap-3 px-2 py-1.5 text-std-16N-170 text-solid-gray-700">
                  <span>{s.facets.noDepartment}</span>
                  <span className="text-dns-14N-130">{s.facets.count(d.count)}</span>
                </li>
              ),
            )}
          </ul>
        </div>
      )}
    </nav>
  );
}

/**
 * 「第２第１３号」 under 「第２（定義）」: worth showing when it names more than the heading does (a
 * paragraph, item, sub-item, table or 備考), not 「参考」 under 「参考　…の例」 or 「別表」 under 「別表（第4条関係）」.
 */
function showPlace({ label, place }: TSearchHit): boolean {
  return label !== place && !label.startsWith(`${place}（`) && !label.startsWith(`${place}\u3000`);
}

export function SearchHitList({ result }: { result: TSearchResult }) {
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="sr-only">
        {s.results.heading}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-800" role="status">
        {result.hits.length > 0 ? s.results.range(first, first + result.hits.length - 1, result.total, result.approximate) : s.results.count(result.total, result.approximate)}
      </p>
      {result.approximate && <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{s.results.approximate}</p>}
      {result.scope === 'all' && <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{s.results.scopeAll}</p>}
      <ol className="mt-4 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
        {result.hits.map((hit, index) => (
          <li key={`${hit.href}-${index}`} className="py-5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-dns-14N-130 text-solid-gray-700">
              <KindLabel kind={hit.document.kind} />
              <span>{hit.document.title}</span>
              {result.scope === 'all' && (
                <span>
                  {s.results.revision(hit.revision.edition)}（{s.results.effective(formatWareki(hit.revision.effectiveDate))}）
                </span>
              )}
            </div>
            <h3 className="mt-2 text-std-18B-160">
              {/* a long citation (第3条第1項第1号ア(ア)a(a)ⅰ) moves to a line of its own, whole */}
              <Link href={hit.href} className="dads-link inline-flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                <span>{hit.label}</span>
                {showPlace(hit) && <span className="text-std-16N-170">{s.results.place(hit.place)}</span>}
              </Link>
            </h3>
            <p className="mt-1 text-std-16N-170 text-solid-gray-800">
              {hit.snippet.map((part, i) =>
                part.match ? (
                  <mark key={i} className="rounded-4 bg-yellow-200 px-0.5 font-bold text-solid-gray-900">
                    {part.text}
                  </mark>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SearchPager({ result }: { result: TSearchResult }) {
  if (result.pageCount <= 1) return null;
  const last = Math.min(result.pageCount, 50);
  const link = 'dads-link inline-flex min-h-11 items-center text-std-16N-170';
  return (
    <nav aria-label={s.pager.label} className="mt-6 flex items-center justify-between gap-4">
      {result.page > 1 ? (
        <Link href={searchHref(result, { page: result.page - 1 })} className={link} rel="prev">
          {s.pager.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-std-16N-170 text-solid-gray-700">{s.pager.page(result.page, last)}</span>
      {result.page < last ? (
        <Link href={searchHref(result, { page: result.page + 1 })} className={link} rel="next">
          {s.pager.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
