import 'server-only';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import { ZConfirmInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { isoDate, wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { indexRevision } from '@/lib/server/search/index-revision';
import { linkLabel, loadChain, predecessorOn, renumberEditions } from '@/lib/server/workflow/chain';
import { lockRevision } from '@/lib/server/workflow/load';
import { assertTransition } from '@/lib/server/workflow/assert-transition';
import { TRANSITIONS } from '@/lib/server/workflow/state-machine';

/**
 * Confirms a rebased revision (CONFIRMING): an approver has seen its new 新旧対照表 against the
 * revision it now amends. Only then does it take its place as an approved revision, in force from
 * its date. Its own contributors may not confirm it; the revision before it must be confirmed first.
 */
export async function confirmRevision(input: unknown): Promise<{ edition: number }> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const data = parseInput(ZConfirmInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('confirm', actor, revision);
    const chain = await loadChain(tx, revision.documentId);
    const date = isoDate(revision.effectiveDate!);
    const predecessor = predecessorOn(
      chain.filter((link) => link.id !== revision.id),
      date,
    );
    if (!predecessor || predecessor.id !== revision.amendsRevisionId) {
      throw new DalError('CONFLICT', workflowErrors.predecessorChanged);
    }
    if (predecessor.status !== 'APPROVED') throw new DalError('CONFLICT', workflowErrors.confirmPredecessorFirst(linkLabel(predecessor)));
    await tx.reviewDecision.create({ data: { revisionId: revision.id, reviewerId: actor.id, decision: 'APPROVE', comment: data.comment, effectiveDate: revision.effectiveDate, createdAt: wallClock() } });
    await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.confirm.to, approvedAt: wallClock(), approvedById: actor.id } });
    await renumberEditions(tx, revision.documentId);
    await indexRevision(tx, revision.id);
    const { edition } = await tx.revision.findUniqueOrThrow({ where: { id: revision.id }, select: { edition: true } });
    const from = revision.rebasedFromId ? await tx.revision.findUnique({ where: { id: revision.rebasedFromId }, select: { number: true } }) : null;
    await recordEvent(tx, {
      action: 'revision.confirm',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: { revision: data.number, edition, rebasedFrom: from?.number ?? null, amendsRevision: predecessor.number, effectiveDate: date, comment: data.comment },
    });
    return { edition: edition! };
  });
}
