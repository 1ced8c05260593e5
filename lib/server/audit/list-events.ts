import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ZAuditFilter, type TAuditFilter } from '@/lib/schemas/audit';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { flushDenialCounts } from '@/lib/server/audit/record-refusal';
import { getActor, refusePermission, type TActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';

export const PAGE_SIZE = 50;

/** What ADMIN may see of the trail: the administrative events only. */
export const ADMIN_ACTION_PREFIXES = ['account.', 'department.', 'grant.'] as const;

export interface TAuditEventRow {
  seq: string;
  occurredAt: string;
  actorLoginId: string | null;
  actorRoles: string[];
  actorDepartment: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
  hash: string;
}

export interface TAuditPage {
  events: TAuditEventRow[];
  /** cursor for the next (older) page, null on the last page */
  nextBefore: string | null;
  scope: 'all' | 'administrative';
}

/** The reader's scope of the trail; a refused audit read is itself recorded. */
export function scopeOf(actor: TActor): 'all' | 'administrative' {
  if (actor.kind === 'user' && actor.permissions.has('audit:read')) return 'all';
  if (actor.kind === 'user' && actor.permissions.has('audit:read-admin')) return 'administrative';
  throw refusePermission(actor, 'audit:read');
}

/** The events a reader of this scope may see, as a condition. */
export function scopeWhere(scope: 'all' | 'administrative'): Prisma.AuditEventWhereInput {
  return scope === 'administrative' ? { OR: ADMIN_ACTION_PREFIXES.map((p) => ({ action: { startsWith: p } })) } : {};
}

function whereOf(filter: TAuditFilter, scope: 'all' | 'administrative'): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope === 'administrative') and.push(scopeWhere(scope));
  if (filter.actor) and.push({ actorLoginId: filter.actor });
  if (filter.action) and.push(filter.action.endsWith('.') ? { action: { startsWith: filter.action } } : { action: filter.action });
  if (filter.document) and.push({ targetType: 'document', targetId: filter.document });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  // Dates are Japan's calendar days: 2026-04-01 runs from 2026-03-31T15:00Z.
  if (filter.from) and.push({ occurredAt: { gte: new Date(`${filter.from}T00:00:00+09:00`) } });
  if (filter.to) and.push({ occurredAt: { lt: new Date(new Date(`${filter.to}T00:00:00+09:00`).getTime() + 86_400_000) } });
  if (filter.before) and.push({ seq: { lt: BigInt(filter.before) } });
  return { AND: and };
}

export function toRow(e: Prisma.AuditEventGetPayload<object>): TAuditEventRow {
  return {
    seq: e.seq.toString(),
    occurredAt: e.occurredAt.toISOString(),
    actorLoginId: e.actorLoginId,
    actorRoles: e.actorRoles,
    actorDepartment: e.actorDepartment,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    outcome: e.outcome,
    clientAddress: e.clientAddress,
    userAgent: e.userAgent,
    requestId: e.requestId,
    details: e.details,
    hash: e.hash,
  };
}

/** One page of the trail, newest first, by keyset (seq) so it stays fast with millions of events. */
export async function listAuditEvents(input: unknown): Promise<TAuditPage> {
  const actor = await getActor();
  const scope = scopeOf(actor);
  return unsafeQueryAuditPage(parseInput(ZAuditFilter, input), scope);
}

/** The page query without the actor check: for listAuditEvents and the benchmark only. */
export async function unsafeQueryAuditPage(filter: TAuditFilter, scope: 'all' | 'administrative'): Promise<TAuditPage> {
  const rows = await db().auditEvent.findMany({ where: whereOf(filter, scope), orderBy: { seq: 'desc' }, take: PAGE_SIZE + 1 });
  const page = rows.slice(0, PAGE_SIZE).map(toRow);
  return { events: page, nextBefore: rows.length > PAGE_SIZE ? page.at(-1)!.seq : null, scope };
}

const CSV_COLUMNS = ['seq', 'occurredAt', 'actorLoginId', 'actorRoles', 'actorDepartment', 'action', 'targetType', 'targetId', 'outcome', 'clientAddress', 'userAgent', 'requestId', 'details', 'hash'] as const;
const CSV_HEADER = ['連番', '日時(UTC)', '操作者', '役割', '部局', '操作', '対象種別', '対象', '結果', '接続元', 'ユーザーエージェント', 'リクエストID', '詳細', 'ハッシュ'];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Formula injection: a cell that a spreadsheet would evaluate is prefixed with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The filtered trail as CSV (UTF-8 with BOM, so Excel reads Japanese), streamed in keyset
 * batches; the export itself is recorded before the first byte is sent.
 */
export async function exportAuditCsv(input: unknown): Promise<ReadableStream<Uint8Array>> {
  const actor = await getActor();
  const scope = scopeOf(actor);
  const filter = parseInput(ZAuditFilter, input);
  const context = await getRequestContext();
  await flushDenialCounts();
  await db().$transaction((tx) => recordEvent(tx, { action: 'audit.export', outcome: 'SUCCESS', actor, context, details: { filter, scope } }));

  const encoder = new TextEncoder();
  let cursor: string | undefined = filter.before;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('\uFEFF' + CSV_HEADER.join(',') + '\r\n'));
        return;
      }
      const rows = await db().auditEvent.findMany({ where: whereOf({ ...filter, before: cursor }, scope), orderBy: { seq: 'desc' }, take: 1000 });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = rows.at(-1)!.seq.toString();
      const lines = rows.map((r) => {
        const row = toRow(r);
        return CSV_COLUMNS.map((c) => csvCell(row[c])).join(',');
      });
      controller.enqueue(encoder.encode(lines.join('\r\n') + '\r\n'));
    },
  });
}
