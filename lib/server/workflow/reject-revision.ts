import 'server-only';
import { ZRejectInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';
import { lockRevision } from '@/lib/server/workflow/load';
import { TRANSITIONS } from '@/lib/server/workflow/state-machine';
import { assertTransition } from '@/lib/server/workflow/assert-transition';

/** Sends a revision back to its author as a draft, with the reason; the rejection stays in the history. */
export async function rejectRevision(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const data = parseInput(ZRejectInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const { revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('reject', actor, revision);
    await tx.reviewDecision.create({ data: { revisionId: revision.id, reviewerId: actor.id, decision: 'REJECT', comment: data.comment, createdAt: wallClock() } });
    await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.reject.to, version: revision.version + 1 } });
    await recordEvent(tx, { action: 'revision.reject', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: { revision: data.number, comment: data.comment } });
  });
}
