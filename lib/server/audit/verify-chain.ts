import 'server-only';
import { auditErrors } from '@/lib/messages/audit-errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { eventHash, GENESIS_HASH } from '@/lib/server/audit/chain';
import { db } from '@/lib/server/db';

export type TVerifyResult =
  | { ok: true; checked: number; head: { seq: string; hash: string } | null }
  | { ok: false; checked: number; brokenAt: string; reason: string };

const BATCH = 5_000;

/** Whether a stored event's hash still covers its content and the previous hash it carries. */
export function hashMatchesContent(row: Prisma.AuditEventGetPayload<object>): boolean {
  const { prevHash, hash, ...fields } = row;
  return eventHash(prevHash, { ...fields, details: fields.details as Prisma.JsonValue }) === hash;
}

/**
 * Walks the whole chain in sequence order and recomputes every hash. With `expectHead` (a head
 * saved earlier), also proves the chain still extends it: a rewrite of the whole chain by someone
 * with full database access changes that row's hash, and a truncation removes it.
 * Unscoped (no actor): for the command line and for the auditors' screen, which checks itself.
 */
export async function unsafeVerifyAuditChain(options: { expectHead?: { seq: bigint; hash: string } } = {}): Promise<TVerifyResult> {
  let prevHash = GENESIS_HASH;
  let last: { seq: bigint; hash: string } | null = null;
  let cursor: bigint | null = null;
  let checked = 0;
  let expectedSeen = false;
  for (;;) {
    const where: Prisma.AuditEventWhereInput = cursor === null ? {} : { seq: { gt: cursor } };
    const rows = await db().auditEvent.findMany({ where, orderBy: { seq: 'asc' }, take: BATCH });
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: row.seq.toString(), reason: last ? auditErrors.chain.notLinked(last.seq) : auditErrors.chain.firstNotGenesis };
      }
      if (!hashMatchesContent(row)) return { ok: false, checked, brokenAt: row.seq.toString(), reason: auditErrors.chain.hashMismatch };
      if (options.expectHead && row.seq === options.expectHead.seq) {
        if (row.hash !== options.expectHead.hash) return { ok: false, checked, brokenAt: row.seq.toString(), reason: auditErrors.chain.headMismatch };
        expectedSeen = true;
      }
      prevHash = row.hash;
      last = { seq: row.seq, hash: row.hash };
      cursor = row.seq;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (options.expectHead && !expectedSeen) {
    return { ok: false, checked, brokenAt: options.expectHead.seq.toString(), reason: auditErrors.chain.headMissing };
  }
  return { ok: true, checked, head: last ? { seq: last.seq.toString(), hash: last.hash } : null };
}
