import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TAckObligation, TAckState } from '@/lib/domain/acknowledgments';
import { READ_ALL_ROLES } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { isoDate } from '@/lib/server/clock';

/*
 * Who has to read what, derived on every request from the revisions, the people and the calendar
 * (docs/decisions/018). Nothing is "created" when a revision comes into force, so nothing can be
 * missed: a revision scheduled earlier asks for acknowledgment from the first request on its date,
 * because every question here is asked with today's date.
 *
 * Per document, as of `today`:
 *   target     the latest APPROVED revision asked about by today (from its effective date, or from
 *              its approval day when the approver asked for early reading): the text to read
 *   threshold  the latest such revision that is 実質改正 (a revision from before the mark counts as
 *              one): acknowledging it or any later revision settles the document
 * A person has the task when the document applies to them (all staff, or a unit at or above their
 * department), they may read it (the same rules as fullAccessSql, for them rather than the viewer),
 * and their latest acknowledgment of the document is older than the threshold. It is due
 * ackDueDays after the threshold was asked for, or after they joined their department, whichever
 * is later: a transfer or a new hire gets the same days.
 */

interface TRow {
  user_id: string;
  display_name: string;
  login_id: string;
  department_id: string | null;
  department_name: string | null;
  document_id: string;
  slug: string;
  title: string;
  number: number;
  edition: number | null;
  effective_date: Date;
  early: boolean;
  due_on: Date;
  done: boolean;
  last_number: number | null;
  last_edition: number | null;
  acknowledged_at: Date | null;
}

export interface TObligationQuery {
  /** which people, over `users u` */
  people: Prisma.Sql;
  /** which documents, over `documents d` (the viewer's access belongs here) */
  documents: Prisma.Sql;
  today: string;
  state?: TAckState;
}

/** The revisions that ask, per document, as a FROM item aliased `a`. */
function asksSql(documents: Prisma.Sql, today: string): Prisma.Sql {
  const askable = Prisma.sql`r.document_id = d.id AND r.status = 'APPROVED' AND COALESCE(r.ack_from, r.effective_date) <= ${today}::date`;
  return Prisma.sql`(
    SELECT d.id AS document_id, d.slug, d.title, d.visibility, d.ack_all_staff, d.sort_order,
           t.id AS target_id, t.number, t.edition, t.effective_date, (t.effective_date > ${today}::date) AS early,
           th.effective_date AS threshold_date, COALESCE(th.ack_from, th.effective_date) AS asked_from, th.ack_due_days
    FROM documents d
    CROSS JOIN LATERAL (SELECT r.id, r.number, r.edition, r.effective_date, r.is_abolition FROM revisions r
                        WHERE ${askable} ORDER BY r.effective_date DESC LIMIT 1) t
    CROSS JOIN LATERAL (SELECT r.effective_date, r.ack_from, r.ack_due_days FROM revisions r
                        WHERE ${askable} AND NOT r.is_abolition AND COALESCE(r.change_kind, 'SUBSTANTIVE') = 'SUBSTANTIVE'
                        ORDER BY r.effective_date DESC LIMIT 1) th
    WHERE NOT t.is_abolition AND (${documents})
  ) a`;
}

/** The document applies to the person `u` and they may read it (fullAccessSql's rules, for them). */
const appliesAndReadable = Prisma.sql`
  (a.ack_all_staff OR EXISTS (
     SELECT 1 FROM document_ack_units x JOIN unit_ancestors anc ON anc.ancestor = x.department_id
     WHERE x.document_id = a.document_id AND anc.dept = u.department_id))
  AND (a.visibility IN ('PUBLIC', 'STAFF')
       OR u.roles && ${READ_ALL_ROLES as string[]}::"Role"[]
       OR EXISTS (SELECT 1 FROM document_grants g WHERE g.document_id = a.document_id
                  AND (g.user_id = u.id OR g.department_id = u.department_id OR g.role = ANY(u.roles))))`;

/** Every unit with itself and the units above it, as `unit_ancestors(dept, ancestor)`. */
export const UNIT_ANCESTORS = Prisma.sql`unit_ancestors(dept, ancestor) AS (
    SELECT id, id FROM departments
    UNION ALL
    SELECT anc.dept, p.parent_id FROM unit_ancestors anc JOIN departments p ON p.id = anc.ancestor WHERE p.parent_id IS NOT NULL)`;

function stateFilter(query: TObligationQuery): Prisma.Sql {
  if (query.state === 'done') return Prisma.sql`WHERE o.done`;
  if (query.state === 'open') return Prisma.sql`WHERE NOT o.done AND o.due_on >= ${query.today}::date`;
  if (query.state === 'overdue') return Prisma.sql`WHERE NOT o.done AND o.due_on < ${query.today}::date`;
  return Prisma.empty;
}

/** One row per (person, document) that asks, as `o`, filtered by state. */
export function obligationsSql(query: TObligationQuery, columns: Prisma.Sql, tail: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE ${UNIT_ANCESTORS}
    SELECT ${columns} FROM (
      SELECT u.id AS user_id, u.display_name, u.login_id, u.department_id, dep.name AS department_name,
             a.document_id, a.slug, a.title, a.number, a.edition, a.effective_date, a.early, a.sort_order,
             (GREATEST(a.asked_from, u.department_since) + a.ack_due_days) AS due_on,
             COALESCE(last.effective_date >= a.threshold_date, false) AS done,
             lr.number AS last_number, lr.edition AS last_edition, last.acknowledged_at
      FROM users u
      LEFT JOIN departments dep ON dep.id = u.department_id
      JOIN ${asksSql(query.documents, query.today)} ON ${appliesAndReadable}
      LEFT JOIN LATERAL (
        SELECT ak.effective_date, ak.acknowledged_at, ak.revision_id FROM acknowledgments ak
        WHERE ak.document_id = a.document_id AND ak.user_id = u.id ORDER BY ak.effective_date DESC LIMIT 1) last ON true
      LEFT JOIN revisions lr ON lr.id = last.revision_id
      WHERE u.status = 'ACTIVE' AND (${query.people})
    ) o
    ${stateFilter(query)}
    ${tail}`;
}

export async function listObligations(query: TObligationQuery & { limit?: number }): Promise<TAckObligation[]> {
  const rows = await db().$queryRaw<TRow[]>(
    obligationsSql(
      query,
      Prisma.sql`*`,
      Prisma.sql`ORDER BY o.sort_order, o.title, o.department_name NULLS LAST, o.display_name, o.user_id ${query.limit ? Prisma.sql`LIMIT ${query.limit}` : Prisma.empty}`,
    ),
  );
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    loginId: row.login_id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    documentId: row.document_id,
    slug: row.slug,
    title: row.title,
    number: row.number,
    edition: row.edition,
    effectiveDate: isoDate(row.effective_date),
    early: row.early,
    dueOn: isoDate(row.due_on),
    state: row.done ? 'done' : isoDate(row.due_on) < query.today ? 'overdue' : 'open',
    lastNumber: row.last_number,
    lastEdition: row.last_edition,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
  }));
}

export interface TCounts {
  done: number;
  open: number;
  overdue: number;
}

export interface TObligationCounts {
  /** per document the viewer may read that asks anyone in scope, in library order */
  documents: (TCounts & { documentId: string; slug: string; title: string; number: number; edition: number | null })[];
  /** per group of departments (the `groups` given), in no particular order */
  groups: (TCounts & { groupId: string })[];
}

/**
 * The same figures as listObligations, counted per document and per group of departments (the
 * board's rows: the 部, or the units below the one selected) without visiting any person ×
 * document: "asked" is the number of people per department and date of joining it (per person
 * only for RESTRICTED documents, whose grants may name people and roles), "done" comes from
 * acknowledgment_tallies (kept by triggers, per the same department and date), and after a
 * document's due date "open" is the not-yet-done among those who joined their unit recently
 * enough to be within their own days; the rest are overdue.
 */
export async function countObligations(query: Omit<TObligationQuery, 'state'>, groups: ReadonlyMap<string, string>): Promise<TObligationCounts> {
  const rows = await db().$queryRaw<{ document_id: string | null; slug: string | null; title: string | null; number: number | null; edition: number | null; group_id: string | null; eligible: bigint; done: bigint; open: bigint }[]>(countObligationsSql(query, groups));
  const out: TObligationCounts = { documents: [], groups: [] };
  for (const row of rows) {
    const counts = { done: Number(row.done), open: Number(row.open), overdue: Number(row.eligible) - Number(row.done) - Number(row.open) };
    if (row.document_id) out.documents.push({ documentId: row.document_id, slug: row.slug!, title: row.title!, number: row.number!, edition: row.edition, ...counts });
    else if (row.group_id) out.groups.push({ groupId: row.group_id, ...counts });
  }
  return out;
}

/** countObligations' one statement (exported for scripts/bench/explain-acks.ts). */
export function countObligationsSql(query: Omit<TObligationQuery, 'state'>, groups: ReadonlyMap<string, string>): Prisma.Sql {
  const today = query.today;
  return Prisma.sql`
    WITH RECURSIVE ${UNIT_ANCESTORS},
    a AS (SELECT * FROM ${asksSql(query.documents, today)}),
    people AS (SELECT u.id, u.department_id, u.roles, u.department_since FROM users u
               WHERE u.status = 'ACTIVE' AND u.department_id IS NOT NULL AND (${query.people})),
    heads AS (SELECT department_id, department_since, count(*) AS n FROM people GROUP BY 1, 2),
    eligible AS (
      SELECT a.document_id, h.department_id, h.department_since, h.n
      FROM a JOIN heads h ON (a.ack_all_staff OR EXISTS (
        SELECT 1 FROM document_ack_units x JOIN unit_ancestors anc ON anc.ancestor = x.department_id
        WHERE x.document_id = a.document_id AND anc.dept = h.department_id))
      WHERE a.visibility <> 'RESTRICTED'
      UNION ALL
      -- RESTRICTED: the people each grant reaches (by department, name or role) and those who read
      -- everything, joined grant by grant rather than tested person by person
      SELECT r.document_id, r.department_id, r.department_since, count(*)
      FROM (
        SELECT a.document_id, u.id, u.department_id, u.department_since FROM a JOIN document_grants g ON g.document_id = a.document_id JOIN people u ON u.department_id = g.department_id WHERE a.visibility = 'RESTRICTED'
        UNION
        SELECT a.document_id, u.id, u.department_id, u.department_since FROM a JOIN document_grants g ON g.document_id = a.document_id JOIN people u ON u.id = g.user_id WHERE a.visibility = 'RESTRICTED'
        UNION
        SELECT a.document_id, u.id, u.department_id, u.department_since FROM a JOIN document_grants g ON g.document_id = a.document_id AND g.role IS NOT NULL JOIN people u ON g.role = ANY(u.roles) WHERE a.visibility = 'RESTRICTED'
        UNION
        SELECT a.document_id, u.id, u.department_id, u.department_since FROM a CROSS JOIN (SELECT * FROM people p WHERE p.roles && ${READ_ALL_ROLES as string[]}::"Role"[] OFFSET 0) u WHERE a.visibility = 'RESTRICTED'
      ) r
      JOIN a ON a.document_id = r.document_id
      WHERE a.ack_all_staff OR EXISTS (
        SELECT 1 FROM document_ack_units x JOIN unit_ancestors anc ON anc.ancestor = x.department_id
        WHERE x.document_id = r.document_id AND anc.dept = r.department_id)
      GROUP BY 1, 2, 3),
    done AS (
      SELECT t.document_id, t.department_id, t.department_since, sum(t.people) AS n
      FROM acknowledgment_tallies t JOIN a ON a.document_id = t.document_id AND t.effective_date >= a.threshold_date
      WHERE t.department_id IN (SELECT department_id FROM heads)
      GROUP BY 1, 2, 3),
    cells AS (
      SELECT e.document_id, e.department_id, e.n AS eligible, LEAST(COALESCE(d.n, 0), e.n) AS done,
             CASE WHEN a.asked_from + a.ack_due_days >= ${today}::date OR e.department_since + a.ack_due_days >= ${today}::date
                  THEN e.n - LEAST(COALESCE(d.n, 0), e.n) ELSE 0 END AS open
      FROM eligible e JOIN a ON a.document_id = e.document_id
      LEFT JOIN done d ON d.document_id = e.document_id AND d.department_id = e.department_id AND d.department_since = e.department_since),
    grouped AS (
      SELECT c.document_id, g.group_id, GROUPING(c.document_id) = 0 AS per_document, sum(c.eligible) AS eligible, sum(c.done) AS done, sum(c.open) AS open
      FROM cells c LEFT JOIN unnest(${[...groups.keys()]}::uuid[], ${[...groups.values()]}::uuid[]) AS g(department_id, group_id) ON g.department_id = c.department_id
      GROUP BY GROUPING SETS ((c.document_id), (g.group_id)))
    SELECT CASE WHEN s.per_document THEN s.document_id END AS document_id, a.slug, a.title, a.number, a.edition,
           CASE WHEN NOT s.per_document THEN s.group_id END AS group_id,
           s.eligible::bigint AS eligible, s.done::bigint AS done, s.open::bigint AS open
    FROM grouped s LEFT JOIN a ON s.per_document AND a.document_id = s.document_id
    ORDER BY a.sort_order, a.title`;
}

/** Acknowledgments per day and 部 (the unit at the time) of the revisions asked about today. */
export async function countDaily(query: Pick<TObligationQuery, 'documents' | 'today'>): Promise<{ rootUnitId: string; day: string; count: number }[]> {
  const rows = await db().$queryRaw<{ root_unit_id: string; day: Date; n: bigint }[]>(countDailySql(query));
  return rows.map((row) => ({ rootUnitId: row.root_unit_id, day: isoDate(row.day), count: Number(row.n) }));
}

/** countDaily's statement (exported for scripts/bench/explain-acks.ts). */
export function countDailySql(query: Pick<TObligationQuery, 'documents' | 'today'>): Prisma.Sql {
  return Prisma.sql`
    SELECT k.root_unit_id, k.day, sum(k.count) AS n
    FROM acknowledgment_daily k JOIN ${asksSql(query.documents, query.today)} ON a.document_id = k.document_id AND k.effective_date >= a.threshold_date
    GROUP BY 1, 2`;
}
