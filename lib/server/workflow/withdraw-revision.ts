import 'server-only';
import { ZWithdrawInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';
import { lockRevision } from '@/lib/server/workflow/load';
import { TRANSITIONS } from '@/lib/server/workflow/state-machine';
import { assertTransition } from '@/lib/server/workflow/assert-transition';

/** Discards a draft or withdraws a revision in review; it stays in the history as WITHDRAWN. */
export async function withdrawRevision(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const data = parseInput(ZWithdrawInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const { revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('withdraw', actor, revision);
    await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.withdraw.to } });
    await recordEvent(tx, { action: 'draft.withdraw', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: { revision: data.number } });
  });
}
