import 'server-only';
import { formatEdition } from '@/lib/server/acknowledgments/format';
import { acknowledgmentErrors } from '@/lib/messages/acknowledgment-errors';
import { commonErrors } from '@/lib/messages/errors';
import { DalError } from '@/lib/domain/errors';
import { ZAcknowledgeInput } from '@/lib/schemas/acknowledgments';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { dateColumn, wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';
import { parseInput } from '@/lib/server/validation/parse-input';
import { ownObligations } from '@/lib/server/acknowledgments/my-tasks';

/**
 * 確認しました: the signed-in person acknowledges the revision their task asks about. Only ever for
 * themselves (the actor is the person; no input names anyone), only the revision whose text the
 * screen showed (a newer one asked since is refused, so nobody acknowledges a text they did not
 * see) and, when a comparison was shown, only if it started from their last acknowledged revision.
 * The acknowledgment and its audit record commit together.
 */
export async function acknowledgeRevision(input: unknown): Promise<{ number: number; edition: number | null }> {
  const actor = await getActor();
  requirePermission(actor, 'document:read-staff', { action: 'acknowledgment.create' });
  const data = parseInput(ZAcknowledgeInput, input);
  const [task] = await ownObligations(actor, data.slug);
  if (!task) throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
  if (task.state === 'done') throw new DalError('CONFLICT', acknowledgmentErrors.alreadyAcknowledged);
  if (task.number !== data.number) throw new DalError('CONFLICT', acknowledgmentErrors.stale(formatEdition(task.edition, task.number)));
  const expectedFrom = task.lastNumber !== null && task.lastNumber !== task.number ? task.lastNumber : undefined;
  if (expectedFrom !== data.comparedFrom) throw new DalError('CONFLICT', acknowledgmentErrors.comparisonMismatch);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const revision = await tx.revision.findUniqueOrThrow({ where: { documentId_number: { documentId: task.documentId, number: task.number } }, select: { id: true, effectiveDate: true } });
    const inserted = await tx.acknowledgment.createMany({
      data: [
        {
          userId: actor.id,
          revisionId: revision.id,
          documentId: task.documentId,
          effectiveDate: revision.effectiveDate ?? dateColumn(task.effectiveDate),
          departmentId: actor.departmentId,
          departmentName: actor.departmentName,
          acknowledgedAt: wallClock(),
        },
      ],
      skipDuplicates: true,
    });
    // a double click: the first one counts, the second changes nothing
    if (inserted.count === 0) throw new DalError('CONFLICT', acknowledgmentErrors.alreadyAcknowledged);
    await recordEvent(tx, {
      action: 'acknowledgment.create',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: { revision: task.number, edition: task.edition, comparedFrom: data.comparedFrom ?? null, department: actor.departmentCode, dueOn: task.dueOn, overdue: task.state === 'overdue' },
    });
    return { number: task.number, edition: task.edition };
  });
}
