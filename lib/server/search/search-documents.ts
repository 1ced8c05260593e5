import 'server-only';
import { searchErrors } from '@/lib/messages/search-errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { buildSnippet, parseSearchQuery, termKeys, type TQueryError, type TSnippetPart } from '@/lib/policy-text/search-text';
import { segmentAt, type TSearchSegment } from '@/lib/policy-text/search-units';
import { SEARCH_PAGE_SIZE, ZSearchParams, type TSearchScope } from '@/lib/schemas/search';
import { afterResponse } from '@/lib/server/after-response';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { can, getActor, type TActor } from '@/lib/server/auth/actor';
import { fullAccessSql } from '@/lib/server/auth/document-access';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import type { TDocumentKind } from '@/lib/domain/documents';
import { getRequestContext } from '@/lib/server/request-context';
import { ensureInForceToday } from '@/lib/server/search/index-revision';

/*
 * Search over the articles of the revisions a reader may see (docs/decisions/005).
 *
 * Never a leak: the reader's visibility rules are part of the one SQL statement that finds,
 * counts, ranks and facets, so a unit of a document the reader may not see is never counted,
 * ranked or returned; only the snippet of a returned unit is built in code. Public excerpts of
 * non-public documents (each revision's own list, for revisions in force by today) are searchable
 * by every reader, and nothing else of those documents is.
 */

export interface TSearchHit {
  document: { slug: string; title: string; kind: TDocumentKind };
  /** number: the revision's stable number (its address); edition: its 第n版 */
  revision: { number: number; edition: number; effectiveDate: string };
  /** heading of the unit: 第７（情報セキュリティ対策）, 前文, 付則 */
  label: string;
  /** the deepest provision holding the first match, as people cite it (citeAnchor): 第７第３号ウ, 第2条第1号ア(イ)b, 別表第1 */
  place: string;
  href: string;
  snippet: TSnippetPart[];
}

export interface TSearchFacet<T> {
  value: T;
  count: number;
}

export interface TSearchResult {
  query: string;
  terms: string[];
  scope: TSearchScope;
  /** whether the reader may widen the scope to every approved revision */
  canWidenScope: boolean;
  kind: TDocumentKind | null;
  department: string | null;
  total: number;
  /** the count (and the facets' counts) are an upper bound: very common words are not checked one by one */
  approximate: boolean;
  page: number;
  pageCount: number;
  pageSize: number;
  hits: TSearchHit[];
  facets: {
    kinds: TSearchFacet<TDocumentKind>[];
    departments: TSearchFacet<{ code: string | null; name: string | null }>[];
  };
}

const QUERY_MESSAGES: Record<TQueryError, string> = searchErrors;

export class SearchQueryError extends DalError {
  constructor(readonly reason: TQueryError) {
    super('INVALID_INPUT', QUERY_MESSAGES[reason]);
  }
}

interface TRow {
  /** the partitions were put right for today (null: never yet) */
  in_force_today: boolean | null;
  approximate: boolean;
  total: number;
  kinds: { kind: TDocumentKind; count: number }[] | null;
  departments: { code: string | null; name: string | null; count: number }[] | null;
  hits:
    | {
        slug: string;
        title: string;
        kind: TDocumentKind;
        number: number;
        edition: number | null;
        effective_date: string;
        anchor: string;
        label: string;
        body: string;
        segments: TSearchSegment[];
      }[]
    | null;
}

const KIND_ORDER = Prisma.sql`CASE v.kind WHEN 'BASIC_POLICY' THEN 0 WHEN 'STANDARD' THEN 1 WHEN 'SAFETY_MANAGEMENT_STANDARD' THEN 2 ELSE 3 END`;

/**
 * Runs a search for the signed-in reader (or anonymous). Throws SearchQueryError for an empty,
 * overlong or unusable query, DalError('INVALID_INPUT') for bad parameters.
 */
export async function searchDocuments(input: unknown): Promise<TSearchResult> {
  const actor = await getActor();
  const parsedParams = ZSearchParams.safeParse(input);
  if (!parsedParams.success) throw new DalError('INVALID_INPUT', parsedParams.error.issues[0]?.message ?? searchErrors.invalidParams);
  const params = parsedParams.data;
  const query = parseSearchQuery(params.q);
  if (!query.ok) throw new SearchQueryError(query.error);

  const canWidenScope = can(actor, 'revision:read-all');
  // A reader who may not widen the scope gets the current one: the parameter is a wish, not a key.
  const scope: TSearchScope = params.scope === 'all' && canWidenScope ? 'all' : 'current';
  const page = params.page ?? 1;
  const row = await runSearch({ actor, terms: query.terms, scope, kind: params.kind ?? null, department: params.department ?? null, page });

  const hits = (row.hits ?? []).map((hit): TSearchHit => {
    // an article's first line is its heading, which the hit shows as its title
    const heading = hit.segments[0]?.anchor === hit.anchor ? hit.body.indexOf('\n') + 1 : 0;
    const snippet = buildSnippet(hit.body, query.terms, { skip: heading });
    const segment = segmentAt({ segments: hit.segments, anchor: hit.anchor, label: hit.label }, Math.max(0, snippet.firstMatch));
    const base = scope === 'all' ? `/documents/${hit.slug}/revisions/${hit.number}` : `/documents/${hit.slug}`;
    return {
      document: { slug: hit.slug, title: hit.title, kind: hit.kind },
      revision: { number: hit.number, edition: hit.edition ?? hit.number, effectiveDate: hit.effective_date },
      label: hit.label,
      place: segment.cite,
      href: `${base}#${segment.anchor}`,
      snippet: snippet.parts,
    };
  });
  const total = Number(row.total);
  const result: TSearchResult = {
    query: params.q,
    terms: query.terms,
    scope,
    canWidenScope,
    kind: params.kind ?? null,
    department: params.department ?? null,
    total,
    approximate: row.approximate,
    page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    pageSize: SEARCH_PAGE_SIZE,
    hits,
    facets: {
      kinds: (row.kinds ?? []).map((k) => ({ value: k.kind, count: Number(k.count) })),
      departments: (row.departments ?? []).map((d) => ({ value: { code: d.code, name: d.name }, count: Number(d.count) })),
    },
  };
  await recordSearch(actor, result);
  return result;
}

/**
 * Above this many candidates, terms of three or more characters are not checked one by one:
 * the count becomes an upper bound (「約」) and only the hits shown are checked. Terms of one or
 * two characters need no check at all: their index key is the term itself.
 */
export const SEARCH_VERIFY_LIMIT = 1500;
let verifyLimit = SEARCH_VERIFY_LIMIT;

/** Lets a test reach the 「約」 path without a corpus of thousands of articles. */
export function setSearchVerifyLimitForTests(limit: number | null): void {
  verifyLimit = limit ?? SEARCH_VERIFY_LIMIT;
}

interface TSearchSqlInput {
  actor: TActor;
  terms: string[];
  scope: TSearchScope;
  kind: TDocumentKind | null;
  department: string | null;
  page: number;
}

async function runSearch(input: TSearchSqlInput): Promise<TRow> {
  const row = await runSearchStatement(input);
  // On a new day (or after the calendar moved) the partitions are put right first, and the search
  // runs again: a result read from yesterday's partition is never shown.
  if (input.scope === 'current' && row.in_force_today !== true) {
    await ensureInForceToday();
    return runSearchStatement(input);
  }
  return row;
}

async function runSearchStatement(input: TSearchSqlInput): Promise<TRow> {
  const [, rows] = await db().$transaction([
    // The planner prices a scan of the narrow table below the index for common terms, but the scan
    // would read every unit's out-of-line keys; the index never does (docs/decisions/005). And it
    // expects one match where a query of several terms finds thousands, so it would join them in
    // nested loops (seconds): hash joins instead, nested loops only where LATERAL asks for them.
    // Nor merge joins: they sort every match by document first (measured for 「暗」 on 2,000
    // documents: 51 ms with the sort, 31 ms with a hash join). With those priced out, plan costs
    // would look high enough to compile the query (JIT).
    db().$queryRaw(searchSettingsSql(true)),
    db().$queryRaw<TRow[]>(searchSql(input)),
  ]);
  return rows[0]!;
}

/** The planner settings the search statement runs with (why: runSearchStatement), for this transaction only or the session. */
export function searchSettingsSql(local: boolean): Prisma.Sql {
  return Prisma.sql`SELECT set_config('enable_seqscan', 'off', ${local}), set_config('enable_nestloop', 'off', ${local}), set_config('enable_mergejoin', 'off', ${local}), set_config('jit', 'off', ${local})`;
}

/** The one statement of a search (exported for EXPLAIN in benchmarks; callers go through searchDocuments). */
export function searchSql(input: TSearchSqlInput): Prisma.Sql {
  const full = fullAccessSql(input.actor);
  const keys = [...new Set(input.terms.flatMap(termKeys))];
  const longTerms = input.terms.filter((term) => term.length > 2);
  const verify = longTerms.length === 0 ? Prisma.sql`TRUE` : Prisma.join(longTerms.map((term) => Prisma.sql`strpos(x.normalized, ${term}) > 0`), ' AND ');
  // Terms found in the heading (第７（…）, 付則) rank first.
  const headingScore = Prisma.join(
    input.terms.map((term) => Prisma.sql`(strpos(u.heading, ${term}) > 0)::int`),
    ' + ',
  );
  const current = input.scope === 'current';
  // The first partition holds the units of the revisions in force today and nothing else (as of the
  // date in search_index_state, which the statement reports: runSearch moves the units first on a new
  // day). A search of the revisions in force reads it alone and checks nothing more about revisions;
  // widened, it reads both and keeps the approved revisions. The partition is read directly, not
  // through the parent with NOT not_in_force: given that predicate, the planner may price a full
  // scan of the primary key (whose last column it is) below the keys' GIN index when statistics are
  // stale, and read every unit. The same goes for the checks of long terms below.
  const units = current ? Prisma.sql`search_units_current` : Prisma.sql`search_units`;
  // Widened, the units of every approved revision of the documents visible; in force, no revision
  // needs checking at all. One revision per document is in force: the number orders hits of a
  // widened search only.
  const scoped = current
    ? Prisma.empty
    : Prisma.sql`scoped AS MATERIALIZED (
        SELECT r.id, r.number FROM revisions r WHERE r.document_id IN (SELECT id FROM visible) AND r.status = 'APPROVED'
      ),`;
  const scopedJoin = current ? Prisma.empty : Prisma.sql`JOIN scoped s ON s.id = u.revision_id`;
  const number = current ? Prisma.sql`0` : Prisma.sql`s.number`;
  const kindFilter = input.kind ? Prisma.sql`AND b.kind = ${input.kind}::"DocumentKind"` : Prisma.empty;
  const departmentFilter = input.department ? Prisma.sql`AND b.department_code IS NOT DISTINCT FROM ${input.department}` : Prisma.empty;
  const offset = (input.page - 1) * SEARCH_PAGE_SIZE;
  const today = todayInJapan();
  const exactWhen = longTerms.length === 0 ? Prisma.sql`TRUE` : Prisma.sql`(SELECT n FROM stats) <= ${verifyLimit}`;
  // One- and two-character terms need no check. Longer ones are checked candidate by candidate
  // (the LIMIT keeps PostgreSQL from hashing the whole table for the check instead), once: that
  // result is materialised. Without a check it is the candidates themselves, not a copy of them.
  const basis =
    longTerms.length === 0
      ? Prisma.sql`basis AS NOT MATERIALIZED (SELECT * FROM candidates)`
      : Prisma.sql`basis AS MATERIALIZED (SELECT c.* FROM candidates c
          WHERE NOT ${exactWhen}
             OR coalesce((SELECT true FROM ${units} x WHERE x.revision_id = c.revision_id AND x.ord = c.ord AND ${verify} LIMIT 1), false))`;
  // The page is the first rows in order: a top-N sort, not a sort of every match. Only when very
  // common words went unchecked (「約」) may some of those rows fail the check below, and then
  // the whole order is needed (LIMIT NULL is no limit).
  const end = offset + SEARCH_PAGE_SIZE;
  const sortLimit = longTerms.length === 0 ? Prisma.sql`${end}::int` : Prisma.sql`CASE WHEN ${exactWhen} THEN ${end}::int END`;

  // The documents this reader may see come first (a few thousand rows at most, each checked once);
  // the matching units are then read in one pass and kept when their document is visible. Every
  // match passes through `candidates`, so its rows carry only what ordering, filters and facets
  // need; titles and department names are joined for the page and the facets alone.
  return Prisma.sql`
    WITH visible AS MATERIALIZED (
      SELECT d.id, d.slug, d.kind, d.department_id, d.sort_order, (${full}) AS full_access
      FROM documents d
      WHERE (${full}) OR EXISTS (
        SELECT 1 FROM revisions r WHERE r.document_id = d.id AND r.status = 'APPROVED' AND r.effective_date <= ${today}::date
          AND cardinality(r.public_excerpt_anchors) > 0)
    ),
    -- a document's public edition is the excerpts of one revision: each unit is checked against
    -- its own revision's list, and a revision not yet in force has none for this reader
    excerpted AS MATERIALIZED (
      SELECT r.id, r.public_excerpt_anchors AS anchors FROM revisions r JOIN visible v ON v.id = r.document_id
      WHERE NOT v.full_access AND r.status = 'APPROVED' AND r.effective_date <= ${today}::date AND cardinality(r.public_excerpt_anchors) > 0
    ),
    ${scoped}
    candidates AS MATERIALIZED (
      SELECT u.revision_id, u.ord, ${number} AS number, v.id AS document_id, v.slug, v.kind, v.sort_order,
             v.department_id, dep.code AS department_code, ${KIND_ORDER} AS kind_order, (${headingScore}) AS score
      FROM ${units} u
      JOIN visible v ON v.id = u.document_id
      ${scopedJoin}
      LEFT JOIN departments dep ON dep.id = v.department_id
      LEFT JOIN excerpted e ON e.id = u.revision_id
      WHERE u.keys @> ${keys}::int8[] AND (v.full_access OR u.article_anchor = ANY(e.anchors))
    ),
    stats AS (SELECT count(*)::int AS n FROM candidates),
    ${basis},
    filtered AS NOT MATERIALIZED (
      SELECT * FROM basis b WHERE TRUE ${kindFilter} ${departmentFilter}
    ),
    -- the matches counted once, by kind and department (a few dozen cells): the total and both
    -- facets are sums of these, not three more passes over every match
    cells AS MATERIALIZED (
      SELECT kind, min(kind_order) AS kind_order, department_id, department_code, count(*)::int AS count
      FROM basis GROUP BY kind, department_id, department_code
    )
    SELECT
      (SELECT st.in_force_on = ${today}::date FROM search_index_state st WHERE st.id = 1) AS in_force_today,
      NOT ${exactWhen} AS approximate,
      (SELECT coalesce(sum(b.count), 0)::int FROM cells b WHERE TRUE ${kindFilter} ${departmentFilter}) AS total,
      (SELECT json_agg(json_build_object('kind', k.kind, 'count', k.count) ORDER BY k.kind_order)
         FROM (SELECT kind, min(kind_order) AS kind_order, sum(count)::int AS count FROM cells GROUP BY kind) k) AS kinds,
      (SELECT json_agg(json_build_object('code', dep.code, 'name', dep.name, 'count', x.count) ORDER BY dep.sort_order NULLS FIRST, dep.name)
         FROM (SELECT department_id, sum(count)::int AS count FROM cells GROUP BY department_id) x
         LEFT JOIN departments dep ON dep.id = x.department_id) AS departments,
      (SELECT json_agg(p) FROM (
         SELECT f.slug, (SELECT d.title FROM documents d WHERE d.id = f.document_id) AS title, f.kind, r.number, r.edition, to_char(r.effective_date, 'YYYY-MM-DD') AS effective_date,
                t.anchor, t.label, t.body, t.segments
         FROM (SELECT * FROM filtered ORDER BY score DESC, kind_order, sort_order, slug COLLATE "C", number DESC, ord LIMIT ${sortLimit}) f
         JOIN LATERAL (SELECT r.number, r.edition, r.effective_date FROM revisions r WHERE r.id = f.revision_id LIMIT 1) r ON TRUE
         JOIN LATERAL (SELECT 1 FROM ${units} x WHERE x.revision_id = f.revision_id AND x.ord = f.ord AND ${verify} LIMIT 1) checked ON TRUE
         JOIN LATERAL (SELECT * FROM search_unit_texts t WHERE t.revision_id = f.revision_id AND t.ord = f.ord LIMIT 1) t ON TRUE
         ORDER BY f.score DESC, f.kind_order, f.sort_order, f.slug COLLATE "C", f.number DESC, f.ord
         LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
      ) p) AS hits`;
}

/** Searches by signed-in readers go into the audit trail (they may show non-public text), after the response. */
async function recordSearch(actor: TActor, result: TSearchResult): Promise<void> {
  if (actor.kind !== 'user') return;
  const context = await getRequestContext();
  await afterResponse(() =>
    recordStandaloneEvent({
      action: 'search.query',
      outcome: 'SUCCESS',
      actor,
      context,
      details: { query: result.query.slice(0, 200), scope: result.scope, kind: result.kind, department: result.department, page: result.page, total: result.total },
    }),
  );
}
