import 'server-only';
import { recordEvent } from '@/lib/server/audit/record-event';
import { flushDenialCounts } from '@/lib/server/audit/record-refusal';
import { unsafeVerifyAuditChain, type TVerifyResult } from '@/lib/server/audit/verify-chain';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';

export interface TLastVerification {
  at: string;
  by: string | null;
  ok: boolean;
  checked: number;
  head: { seq: string; hash: string } | null;
  brokenAt: string | null;
  reason: string | null;
}

/** Verifies the chain for an auditor and records the outcome, which the auditor's screen shows. */
export async function verifyAuditChainForAuditor(): Promise<TVerifyResult> {
  const actor = await getActor();
  requirePermission(actor, 'audit:read');
  // Counted refusals of ended hours join the chain first, so the verified head includes them.
  await flushDenialCounts();
  const result = await unsafeVerifyAuditChain();
  const context = await getRequestContext();
  await db().$transaction((tx) =>
    recordEvent(tx, { action: 'audit.verify', outcome: result.ok ? 'SUCCESS' : 'FAILED', actor, context, details: { ...result } }),
  );
  return result;
}

export async function getLastVerification(): Promise<TLastVerification | null> {
  const actor = await getActor();
  requirePermission(actor, 'audit:read');
  const event = await db().auditEvent.findFirst({ where: { action: 'audit.verify' }, orderBy: { seq: 'desc' } });
  if (!event) return null;
  const d = event.details as { ok?: boolean; checked?: number; head?: { seq: string; hash: string } | null; brokenAt?: string; reason?: string };
  return {
    at: event.occurredAt.toISOString(),
    by: event.actorLoginId,
    ok: d.ok === true,
    checked: d.checked ?? 0,
    head: d.head ?? null,
    brokenAt: d.brokenAt ?? null,
    reason: d.reason ?? null,
  };
}
