import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PageContainer } from '@/components/layout/page-container';
import { SearchFacets, SearchHitList, SearchPager, searchHref } from '@/components/search/search-results';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { ContentSkeleton } from '@/components/ui/skeleton';
import { searchMessages as s } from '@/lib/messages/search';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { DalError } from '@/lib/domain/errors';
import { searchDocuments, SearchQueryError } from '@/lib/server/search/search-documents';

export const dynamic = 'force-dynamic';

type TSearchParamsRecord = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function paramsOf(raw: TSearchParamsRecord) {
  return { q: first(raw.q) ?? '', kind: first(raw.kind), department: first(raw.department), page: first(raw.page), scope: first(raw.scope) };
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<TSearchParamsRecord> }): Promise<Metadata> {
  const q = (first((await searchParams).q) ?? '').trim().slice(0, 50);
  return { title: q ? s.page.titleWithQuery(q) : s.page.title };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<TSearchParamsRecord> }) {
  const params = paramsOf(await searchParams);
  const viewer = await getViewer();
  const canWidenScope = viewer?.can['revision:read-all'] === true;
  return (
    <PageContainer>
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{s.page.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{s.page.lead}</p>
      <form role="search" method="get" action="/search" className="mt-6 max-w-[42.5rem] print:hidden">
        <label htmlFor="search-query" className="block text-std-16B-170 text-solid-gray-900">
          {s.page.queryLabel}
        </label>
        <p id="search-query-hint" className="mt-1 text-dns-14N-130 text-solid-gray-700">
          {s.page.hint}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <input
            id="search-query"
            name="q"
            type="search"
            defaultValue={params.q}
            aria-describedby="search-query-hint"
            autoComplete="off"
            className="block min-h-12 w-full max-w-[28rem] flex-1 rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 text-solid-gray-900 hover:border-black"
          />
          <button
            type="submit"
            className="inline-flex min-h-12 items-center justify-center rounded-8 bg-blue-900 px-6 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200"
          >
            {s.box.submit}
          </button>
        </div>
        {canWidenScope && (
          <div className="mt-3 flex items-start gap-2">
            <input id="search-scope" name="scope" type="checkbox" value="all" defaultChecked={params.scope === 'all'} className="mt-1.5 size-5 accent-blue-900" aria-describedby="search-scope-hint" />
            <div>
              <label htmlFor="search-scope" className="text-std-16N-170 text-solid-gray-900">
                {s.page.scopeLabel}
              </label>
              <p id="search-scope-hint" className="text-dns-14N-130 text-solid-gray-700">
                {s.page.scopeHint}
              </p>
            </div>
          </div>
        )}
      </form>
      <div className="mt-8">
        <Suspense key={JSON.stringify(params)} fallback={<SearchSkeleton />}>
          <Results params={params} />
        </Suspense>
      </div>
    </PageContainer>
  );
}

function SearchSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only">{s.loading}</span>
      <ContentSkeleton variant="list" />
    </div>
  );
}

function EmptyQuery() {
  return (
    <EmptyState>
      <p className="text-std-17B-170 text-solid-gray-900">{s.empty.title}</p>
      <p className="mt-2">{s.empty.body}</p>
      <ul className="mt-4 flex flex-wrap justify-center gap-x-6 gap-y-2">
        {s.empty.examples.map((example) => (
          <li key={example}>
            <Link href={`/search?q=${encodeURIComponent(example)}`} className="dads-link">
              {example}
            </Link>
          </li>
        ))}
      </ul>
    </EmptyState>
  );
}

async function Results({ params }: { params: ReturnType<typeof paramsOf> }) {
  let result;
  try {
    result = await searchDocuments(params);
  } catch (error) {
    if (error instanceof SearchQueryError && error.reason === 'EMPTY') return <EmptyQuery />;
    if (error instanceof DalError) {
      return (
        <div role="alert" className="max-w-[42.5rem]">
          <Notice tone="warning">
            <p className="text-std-16B-170">{s.error.title}</p>
            <p className="mt-1">{error.message}</p>
          </Notice>
        </div>
      );
    }
    throw error;
  }
  const filtered = result.kind !== null || result.department !== null;
  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
      {result.facets.kinds.length > 0 && (
        <aside className="lg:order-first">
          <SearchFacets result={result} />
        </aside>
      )}
      <div className={`max-w-[48rem] ${result.facets.kinds.length > 0 ? 'lg:col-start-2' : ''}`}>
        {result.total === 0 ? (
          <EmptyState>
            <p className="text-std-17B-170 text-solid-gray-900">{s.none.title(result.query.trim())}</p>
            <ul className="mx-auto mt-3 max-w-[32em] list-disc pl-6 text-left">
              {s.none.hints.map((hint) => (
                <li key={hint}>{hint}</li>
              ))}
            </ul>
            {filtered && (
              <p className="mt-4">
                <Link href={searchHref(result, { kind: null, department: null })} className="dads-link">
                  {s.none.clearFilters}
                </Link>
              </p>
            )}
          </EmptyState>
        ) : (
          <>
            <SearchHitList result={result} />
            <SearchPager result={result} />
          </>
        )}
      </div>
    </div>
  );
}
