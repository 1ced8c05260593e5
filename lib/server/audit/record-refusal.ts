import 'server-only';
import { headers } from 'next/headers';
import { afterResponse } from '@/lib/server/after-response';
import { recordEvent, recordStandaloneEvent } from '@/lib/server/audit/record-event';
import type { TActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { getRequestContext, type TRequestContext } from '@/lib/server/request-context';

/*
 * Refused attempts in the audit trail (ADR 010). A signed-in person's refusal is one event of its
 * own. An anonymous one is counted in audit_denial_counts (one row per hour, address, action and
 * target) and enters the trail as one event with the count once its hour has ended: anyone can send
 * anonymous requests, so they must not grow the trail without bound, and counting takes no chain
 * lock, so they cannot slow audited writes. Recorded in a transaction of their own, after the
 * response: a refusal commits even though the refused write's transaction rolls back.
 */

export interface TRefusal {
  actor: TActor;
  /** what was attempted: `revision.approve`, `document.read`, `audit.read` … */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** why: the permission missing, `sign-in`, `hidden` … */
  reason: string;
  details?: Record<string, unknown>;
}

/** Records a refusal after the response (now, outside a request). Never throws. */
export async function recordRefusal(refusal: TRefusal): Promise<void> {
  const context = await getRequestContext();
  // Where a call site does not name the target, the page or route refused names it (/documents/<slug>/edit …).
  const path = await requestPath();
  const withPath = path && !refusal.targetId ? { ...refusal, targetType: 'path', targetId: path } : refusal;
  await afterResponse(() => recordRefusalNow(withPath, context));
}

async function requestPath(): Promise<string | null> {
  try {
    const path = (await headers()).get('x-portal-path');
    return path && path.length <= 300 ? path : null;
  } catch {
    return null; // outside a request (scripts, tests)
  }
}

export async function recordRefusalNow(refusal: TRefusal, context: TRequestContext | null): Promise<void> {
  if (refusal.actor.kind === 'anonymous') {
    await countAnonymousRefusal(refusal, context);
    return;
  }
  await recordStandaloneEvent({
    action: refusal.action,
    outcome: 'DENIED',
    actor: refusal.actor,
    context,
    targetType: refusal.targetType ?? undefined,
    targetId: refusal.targetId ?? undefined,
    details: { reason: refusal.reason, ...refusal.details },
  });
}

async function countAnonymousRefusal(refusal: TRefusal, context: TRequestContext | null): Promise<void> {
  await db().$executeRaw`
    INSERT INTO audit_denial_counts (hour, client_address, action, target_type, target_id, reason)
    VALUES (date_trunc('hour', now()), ${context?.clientAddress ?? ''}, ${refusal.action}, ${refusal.targetType ?? ''}, ${refusal.targetId ?? ''}, ${refusal.reason})
    ON CONFLICT (hour, client_address, action, target_type, target_id)
    DO UPDATE SET count = audit_denial_counts.count + 1, last_at = now()`;
  // Whoever counts also moves ended hours into the trail, so the buffer stays small without a timer.
  await flushDenialCounts({ batches: 1 });
}

const FLUSH_BATCH = 500;

/**
 * Moves the counts of ended hours into the audit trail, one event per row, and deletes the rows in
 * the same transaction, in batches (each its own transaction) until none is left or `batches` ran.
 * Rows another flush is moving are skipped (SKIP LOCKED). Returns how many events it wrote; `all`
 * also moves the current hour's counts (tests).
 */
export async function flushDenialCounts(options: { batches?: number; all?: boolean } = {}): Promise<number> {
  let written = 0;
  for (let batch = 0; batch < (options.batches ?? Infinity); batch += 1) {
    const moved = await flushBatch(options.all === true);
    written += moved;
    if (moved < FLUSH_BATCH) break;
  }
  return written;
}

async function flushBatch(all: boolean): Promise<number> {
  const limit = FLUSH_BATCH;
  return db().$transaction(async (tx) => {
    // Rows first (FOR UPDATE), then the chain lock inside recordEvent: the order every flush takes.
    const rows = await tx.$queryRaw<
      { hour: Date; client_address: string; action: string; target_type: string; target_id: string; count: number; first_at: Date; last_at: Date; reason: string }[]
    >`SELECT hour, client_address, action, target_type, target_id, count, first_at, last_at, reason FROM audit_denial_counts
       WHERE ${all} OR hour < date_trunc('hour', now())
       ORDER BY hour, client_address, action, target_type, target_id
       LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const row of rows) {
      await recordEvent(tx, {
        action: row.action,
        outcome: 'DENIED',
        targetType: row.target_type || undefined,
        targetId: row.target_id || undefined,
        context: { clientAddress: row.client_address || null, userAgent: null, requestId: null },
        details: { reason: row.reason, aggregated: true, count: row.count, hour: row.hour.toISOString(), firstAt: row.first_at.toISOString(), lastAt: row.last_at.toISOString() },
      });
      await tx.$executeRaw`DELETE FROM audit_denial_counts WHERE hour = ${row.hour} AND client_address = ${row.client_address} AND action = ${row.action}
        AND target_type = ${row.target_type} AND target_id = ${row.target_id}`;
    }
    return rows.length;
  });
}
