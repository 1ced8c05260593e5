import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TAcknowledgmentBoard, TBoardDocument, TBoardSeries, TBoardUnitRow } from '@/lib/domain/acknowledgment-board';
import { DalError } from '@/lib/domain/errors';
import { acknowledgmentErrors } from '@/lib/messages/acknowledgment-errors';
import { ZBoardFilter } from '@/lib/schemas/acknowledgments';
import { getActor } from '@/lib/server/auth/actor';
import { fullAccessSql } from '@/lib/server/auth/document-access';
import { todayInJapan } from '@/lib/server/clock';
import { parseInput } from '@/lib/server/validation/parse-input';
import { countDaily, countObligations, listObligations, type TObligationQuery } from '@/lib/server/acknowledgments/obligations';
import { boardScope, peopleInUnits, subtree, type TUnit } from '@/lib/server/acknowledgments/scope';

/** At most this many people are listed at once; the counts are always complete. */
export const BOARD_PEOPLE_LIMIT = 200;
const SERIES_DAYS = 30;


function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The query of a board: people in the units, documents the viewer may read (a hidden one is not even counted). */
export interface TBoardQuery {
  query: TObligationQuery;
  scopeUnits: TUnit[];
}

/**
 * The managers' view (情報セキュリティ管理者: their 課; 責任者: their 部; CISO, 統括 and auditors:
 * the city): per document and person, acknowledged / not yet / overdue, filtered by unit and
 * state. Scope is decided in here from the permission table, never by the caller; a unit outside
 * it is refused, not silently widened.
 */
export async function resolveBoardQuery(input: unknown, action: string): Promise<TBoardQuery & { filter: ReturnType<typeof parseFilter>; scope: 'city' | 'unit'; scopeUnitName: string | null }> {
  const actor = await getActor();
  const scope = await boardScope(actor, action);
  const filter = parseFilter(input);
  if (actor.kind !== 'user') throw new Error('unreachable: boardScope requires a user');
  const inScope = new Set(scope.units.map((u) => u.id));
  if (filter.unit && !inScope.has(filter.unit)) throw new DalError('INVALID_INPUT', acknowledgmentErrors.unitOutOfScope);
  const selectedIds = new Set(filter.unit ? subtree(scope.units, filter.unit) : scope.units.map((u) => u.id));
  const people = scope.kind === 'city' && !filter.unit ? Prisma.sql`true` : peopleInUnits([...selectedIds]);
  const documents = filter.document ? Prisma.sql`d.slug = ${filter.document} AND ${fullAccessSql(actor)}` : fullAccessSql(actor);
  return {
    query: { people, documents, today: todayInJapan(), state: filter.state },
    scopeUnits: scope.units,
    filter,
    scope: scope.kind,
    scopeUnitName: scope.kind === 'unit' ? (scope.units.find((u) => u.id === scope.rootUnitId)?.name ?? null) : null,
  };
}

function parseFilter(input: unknown) {
  return parseInput(ZBoardFilter, input ?? {});
}

export async function getAcknowledgmentBoard(input: unknown): Promise<TAcknowledgmentBoard> {
  const resolved = await resolveBoardQuery(input, 'acknowledgment.board');
  const { query, scopeUnits, filter } = resolved;
  // The city as a whole is counted, never listed person by person: pick a unit to see people.
  const listPeople = resolved.scope === 'unit' || filter.unit !== undefined;
  const cityChart = resolved.scope === 'city' && !filter.unit;
  const unitsById = new Map(scopeUnits.map((u) => [u.id, u]));

  // Group by the unit directly below the selected one (or the 部, for the whole city): the database
  // sums each group's departments, so only the rows shown come back.
  const groupRoot = filter.unit ?? (resolved.scope === 'unit' ? scopeUnits[0]?.id : undefined);
  const groupOf = (departmentId: string): TUnit | null => {
    let unit = unitsById.get(departmentId);
    if (!unit) return null;
    if (!groupRoot) return unitsById.get(unit.rootId) ?? null;
    while (unit.parentId && unit.parentId !== groupRoot && unit.id !== groupRoot) unit = unitsById.get(unit.parentId)!;
    return unit;
  };
  const groups = new Map<string, string>();
  for (const unit of scopeUnits) {
    const group = groupOf(unit.id);
    if (group) groups.set(unit.id, group.id);
  }

  const [counts, people, daily] = await Promise.all([
    countObligations(query, groups),
    listPeople ? listObligations({ ...query, limit: BOARD_PEOPLE_LIMIT + 1 }) : Promise.resolve([]),
    cityChart ? countDaily(query) : Promise.resolve(null),
  ]);

  const documents: TBoardDocument[] = counts.documents.map((c) => ({ slug: c.slug, title: c.title, number: c.number, edition: c.edition, done: c.done, open: c.open, overdue: c.overdue }));
  const order = new Map(scopeUnits.map((u, i) => [u.id, i]));
  const byUnitRows: TBoardUnitRow[] = counts.groups
    .map((c) => ({ unitId: c.groupId, name: unitsById.get(c.groupId)!.name, done: c.done, open: c.open, overdue: c.overdue }))
    .sort((a, b) => (order.get(a.unitId) ?? 1e9) - (order.get(b.unitId) ?? 1e9));

  return {
    scope: resolved.scope,
    scopeUnitName: resolved.scopeUnitName,
    units: scopeUnits.map((u) => ({ id: u.id, name: u.name, kind: u.kind, depth: u.depth })),
    filter: { unit: filter.unit ?? null, state: filter.state ?? null, document: filter.document ?? null },
    documents,
    byUnit: byUnitRows,
    people: people.slice(0, BOARD_PEOPLE_LIMIT),
    truncated: people.length > BOARD_PEOPLE_LIMIT,
    peopleListed: listPeople,
    series: daily ? progressSeries(daily, byUnitRows, query.today) : null,
    today: query.today,
  };
}

/**
 * Share acknowledged per 部 at the end of each of the last 30 days, of the revisions asked about
 * today, by the 部 the person was in when they acknowledged: how the current round has gone.
 */
function progressSeries(daily: { rootUnitId: string; day: string; count: number }[], rows: TBoardUnitRow[], today: string): TBoardSeries[] {
  const days = Array.from({ length: SERIES_DAYS }, (_, i) => addDays(today, i - SERIES_DAYS + 1));
  return rows.map((row) => {
    const total = row.done + row.open + row.overdue;
    const own = daily.filter((d) => d.rootUnitId === row.unitId);
    return {
      unitId: row.unitId,
      name: row.name,
      // today's point is the table's figure (a pinned demo date may lie before the wall clock's acknowledgments)
      points: days.map((day) => ({ day, share: total === 0 ? 0 : Math.min(1, (day === today ? row.done : own.filter((d) => d.day <= day).reduce((s, d) => s + d.count, 0)) / total) })),
    };
  });
}
