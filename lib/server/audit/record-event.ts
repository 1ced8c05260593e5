import 'server-only';
import type { AuditOutcome, Prisma, Role } from '@/lib/generated/prisma/client';
import { eventHash, GENESIS_HASH, type TChainedFields } from '@/lib/server/audit/chain';
import { AUDIT_CHAIN_LOCK_KEY } from '@/lib/server/audit/chain-lock';
import type { TActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import type { TRequestContext } from '@/lib/server/request-context';

export interface TAuditEventInput {
  action: string;
  outcome: AuditOutcome;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  /** the actor when it is not a resolved TActor (a sign-in attempt names its login id) */
  actor?: TActor | { loginId: string; id?: string | null; roles?: Role[]; departmentCode?: string | null };
  context?: TRequestContext | null;
}

function actorSnapshot(actor: TAuditEventInput['actor']) {
  if (!actor || ('kind' in actor && actor.kind === 'anonymous')) return { actorId: null, actorLoginId: null, actorRoles: [] as Role[], actorDepartment: null };
  if ('kind' in actor) return { actorId: actor.id, actorLoginId: actor.loginId, actorRoles: actor.roles, actorDepartment: actor.departmentCode };
  return { actorId: actor.id ?? null, actorLoginId: actor.loginId, actorRoles: actor.roles ?? [], actorDepartment: actor.departmentCode ?? null };
}

/**
 * Appends one event to the chain inside the given transaction: the change it records and the
 * event commit together or not at all. Takes the chain lock until that transaction ends.
 * Never put a password, token or session id in details.
 */
export async function recordEvent(tx: Prisma.TransactionClient, input: TAuditEventInput): Promise<void> {
  // Lock first, then read the head: another writer's event is either fully before ours or after.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`;
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  const [{ seq }] = (await tx.$queryRaw<{ seq: bigint }[]>`SELECT nextval(pg_get_serial_sequence('audit_events', 'seq')) AS seq`) as [{ seq: bigint }];
  const fields: TChainedFields = {
    seq,
    // the wall clock, not the portal's date clock: an audit record says when it really happened
    occurredAt: new Date(),
    ...actorSnapshot(input.actor),
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    outcome: input.outcome,
    clientAddress: input.context?.clientAddress ?? null,
    userAgent: input.context?.userAgent ?? null,
    requestId: input.context?.requestId ?? null,
    details: JSON.parse(JSON.stringify(input.details ?? {})) as unknown,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      ...fields,
      actorRoles: fields.actorRoles as Role[],
      outcome: input.outcome,
      details: fields.details as Prisma.InputJsonObject,
      prevHash,
      hash: eventHash(prevHash, fields),
    },
  });
}

/** An event that records no change of its own (a sign-in, a read, a denied attempt). */
export async function recordStandaloneEvent(input: TAuditEventInput): Promise<void> {
  await db().$transaction((tx) => recordEvent(tx, input));
}
