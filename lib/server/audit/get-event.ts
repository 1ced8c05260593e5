import 'server-only';
import { auditErrors } from '@/lib/messages/audit-errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { GENESIS_HASH } from '@/lib/server/audit/chain';
import { scopeOf, scopeWhere, toRow, type TAuditEventRow } from '@/lib/server/audit/list-events';
import { hashMatchesContent } from '@/lib/server/audit/verify-chain';
import { getActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';

const MAX_SEQ = 9_223_372_036_854_775_807n;

/**
 * ok: the stored hash covers the event as stored and the previous event's hash;
 * altered: the content no longer matches its hash; unlinked: the previous event is not the one it was chained to.
 */
export type TEventIntegrity = 'ok' | 'altered' | 'unlinked';

export interface TAuditEventDetail {
  event: TAuditEventRow;
  prevHash: string;
  integrity: TEventIntegrity;
  scope: 'all' | 'administrative';
  /** the neighbours the same reader may open, in the list's order (newer is above) */
  newerSeq: string | null;
  olderSeq: string | null;
}

function parseSeq(input: unknown): bigint {
  const raw = typeof input === 'object' && input !== null ? (input as { seq?: unknown }).seq : undefined;
  const seq = typeof raw === 'string' && /^\d{1,19}$/.test(raw) ? BigInt(raw) : null;
  if (seq === null || seq < 1n || seq > MAX_SEQ) throw new DalError('NOT_FOUND', auditErrors.eventNotFound);
  return seq;
}

/**
 * One event of the trail with its place in the hash chain, for the event's own page. The reader
 * sees what the list would show them: an auditor any event, an administrator the administrative
 * ones; any other event answers exactly as a missing one does, so its existence is not revealed.
 */
export async function getAuditEvent(input: unknown): Promise<TAuditEventDetail> {
  const actor = await getActor();
  const scope = scopeOf(actor);
  const seq = parseSeq(input);
  const inScope = scopeWhere(scope);
  const row = await db().auditEvent.findFirst({ where: { AND: [inScope, { seq }] } });
  if (!row) throw new DalError('NOT_FOUND', auditErrors.eventNotFound);

  const neighbour = (where: Prisma.AuditEventWhereInput, order: 'asc' | 'desc') =>
    db().auditEvent.findFirst({ where: { AND: [inScope, where] }, orderBy: { seq: order }, select: { seq: true } });
  const [previous, newer, older] = await Promise.all([
    // The chain link is to the previous event of the whole trail, whoever may read it; only its hash is compared.
    db().auditEvent.findFirst({ where: { seq: { lt: seq } }, orderBy: { seq: 'desc' }, select: { hash: true } }),
    neighbour({ seq: { gt: seq } }, 'asc'),
    neighbour({ seq: { lt: seq } }, 'desc'),
  ]);

  const integrity: TEventIntegrity = !hashMatchesContent(row) ? 'altered' : row.prevHash !== (previous?.hash ?? GENESIS_HASH) ? 'unlinked' : 'ok';
  return {
    event: toRow(row),
    prevHash: row.prevHash,
    integrity,
    scope,
    newerSeq: newer?.seq.toString() ?? null,
    olderSeq: older?.seq.toString() ?? null,
  };
}
