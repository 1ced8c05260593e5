import 'server-only';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { emptyNode, type TDeepTree, type TSupplementary } from '@/lib/policy-text/deep/tree';
import { commonErrors } from '@/lib/messages/errors';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import { formatWareki } from '@/lib/policy-text/wareki';
import { Prisma } from '@/lib/generated/prisma/client';
import { ZReviewInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { dateColumn, isoDate, todayInJapan, wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { storedContent } from '@/lib/server/documents/revision-content';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { carryExcerptsOnApproval } from '@/lib/server/excerpts/revision-excerpts';
import { indexRevision } from '@/lib/server/search/index-revision';
import { assertBaseIsPredecessor, assertDateFree, loadChain, renumberEditions } from '@/lib/server/workflow/chain';
import { lockRevision } from '@/lib/server/workflow/load';
import { rebaseLaterRevisions } from '@/lib/server/workflow/rebase';
import { TRANSITIONS } from '@/lib/server/workflow/state-machine';
import { assertTransition } from '@/lib/server/workflow/assert-transition';

const PROVISION_NOUN = { BASIC_POLICY: '基本方針', STANDARD: '基準', SAFETY_MANAGEMENT_STANDARD: '基準', PROCEDURE: '手順' } as const;

/**
 * The tree with the supplementary provision (付則) for a new effective date: after the last 附則
 * (an appendix standing after it stays after the new one too), or first in the tail when there is
 * none yet (附則 before 別表 and 様式, as 例規 are laid out).
 */
export function withSupplementaryProvision(tree: TDeepTree, kind: keyof typeof PROVISION_NOUN, effectiveDate: string): TDeepTree {
  const provisions = tree.tail.filter((u): u is TSupplementary => u.kind === 'supplementary');
  const id = `sp${provisions.length + 1}`;
  const paragraph = emptyNode('paragraph', `${id}-p1`, '', 1);
  paragraph.sentences = [`この${PROVISION_NOUN[kind]}は、${formatWareki(effectiveDate)}から施行する。`];
  const unit: TSupplementary = { kind: 'supplementary', id, label: provisions.at(-1)?.label ?? '付則', children: [paragraph], effectiveDate };
  const at = provisions.length === 0 ? 0 : tree.tail.lastIndexOf(provisions.at(-1)!) + 1;
  return { ...tree, tail: [...tree.tail.slice(0, at), unit, ...tree.tail.slice(at)] };
}

async function baseNumber(tx: Prisma.TransactionClient, baseRevisionId: string | null): Promise<number | null> {
  if (!baseRevisionId) return null;
  return (await tx.revision.findUnique({ where: { id: baseRevisionId }, select: { number: true } }))?.number ?? null;
}

/**
 * Records an approval. Separation of duties: no author or editor of the revision approves it, and
 * each approval of one review round comes from a different approver. The last required approval
 * makes the revision APPROVED with its effective date and appends its 付則.
 */
export type TApproveResult = {
  approved: boolean;
  approvals: number;
  required: number;
  /** scheduled revisions re-applied on top: their copies wait for confirmation (numbers of the copies) */
  rebased?: number[];
  /** the approval did not go through: a scheduled revision changes the same text; the draft is back with its editor */
  overlap?: { scheduledNumber: number; scheduledEdition: number | null };
};

export async function approveRevision(input: unknown): Promise<TApproveResult> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const data = parseInput(ZReviewInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { document, revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('approve', actor, revision);
    const round = await tx.reviewDecision.findMany({ where: { revisionId: revision.id, decision: 'APPROVE', createdAt: { gte: revision.submittedAt ?? revision.createdAt } }, select: { reviewerId: true } });
    if (round.some((d) => d.reviewerId === actor.id)) throw new DalError('INVALID_INPUT', workflowErrors.alreadyApprovedByYou);
    const effectiveDate = data.effectiveDate ?? (revision.effectiveDate ? isoDate(revision.effectiveDate) : null);
    if (!effectiveDate) throw new DalError('INVALID_INPUT', workflowErrors.effectiveDateRequired);
    if (effectiveDate < todayInJapan()) throw new DalError('INVALID_INPUT', commonErrors.pastEffectiveDate);
    await assertDateFree(tx, revision.documentId, effectiveDate);
    const chain = await loadChain(tx, revision.documentId);
    const waiting = chain.find((link) => link.status === 'CONFIRMING');
    if (waiting) throw new DalError('CONFLICT', workflowErrors.confirmationWaiting(waiting.number));
    // Never applied on a stale base: the revision must amend the one right before its date.
    const predecessor = assertBaseIsPredecessor({ chain, baseRevisionId: revision.baseRevisionId, date: effectiveDate });
    const later = chain.filter((link) => link.effectiveDate > effectiveDate);
    if (later.length > 0 && revision.isAbolition) throw new DalError('INVALID_INPUT', workflowErrors.abolitionBeforeScheduled);
    const required = revision.requiredApprovals ?? document.requiredApprovals;
    const approvals = round.length + 1;
    const approved = approvals >= required;
    const candidate = withSupplementaryProvision(readDeepTree(revision.content), document.kind, effectiveDate);
    const tree = approved ? candidate : null;
    // Landing before scheduled revisions: their changes are re-applied on top, or, where they
    // overlap this one's, the approval does not go through and the draft goes back to its editor.
    // Checked at every approval of the round, so that an overlap is found at the first.
    const rebase = later.length > 0 ? await rebaseLaterRevisions(tx, { documentId: revision.documentId, predecessorId: predecessor?.id ?? null, tree: candidate, later }) : null;
    if (rebase && !rebase.ok) {
      await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.overlap.to, version: revision.version + 1, rebaseConflict: rebase.conflict as unknown as Prisma.InputJsonValue } });
      await recordEvent(tx, {
        action: 'revision.approve-overlap',
        outcome: 'FAILED',
        actor,
        context,
        targetType: 'document',
        targetId: data.slug,
        details: { revision: data.number, scheduledRevision: rebase.conflict.scheduled.number, scheduledEdition: rebase.conflict.scheduled.edition, comment: data.comment, effectiveDate, regions: rebase.conflict.regions },
      });
      return { approved: false, approvals: round.length, required, overlap: { scheduledNumber: rebase.conflict.scheduled.number, scheduledEdition: rebase.conflict.scheduled.edition } };
    }
    await tx.reviewDecision.create({ data: { revisionId: revision.id, reviewerId: actor.id, decision: 'APPROVE', comment: data.comment, effectiveDate: dateColumn(effectiveDate), createdAt: wallClock() } });
    let rebased: { from: number; fromEdition: number | null; copy: number }[] = [];
    if (tree) {
      // INTERIM bridge: the excerpts module still reads the three-level tree (issue 16)
      await carryExcerptsOnApproval(tx, { revisionId: revision.id, tree, actor, context, slug: data.slug });
      await tx.revision.update({
        where: { id: revision.id },
        data: {
          status: TRANSITIONS.approve.to,
          ...storedContent(tree),
          effectiveDate: dateColumn(effectiveDate),
          approvedAt: wallClock(),
          approvedById: actor.id,
          amendsRevisionId: predecessor?.id ?? null,
          rebaseConflict: Prisma.DbNull,
          // 遵守の確認 (ADR 018): the approver confirms the mark and sets the days to acknowledge
          changeKind: data.changeKind ?? revision.changeKind ?? 'SUBSTANTIVE',
          earlyReading: data.earlyReading && effectiveDate > todayInJapan(),
          ackFrom: data.earlyReading && effectiveDate > todayInJapan() ? dateColumn(todayInJapan()) : null,
          ackDueDays: data.ackDueDays ?? revision.ackDueDays,
        },
      });
      if (rebase?.ok) rebased = await rebase.apply(revision.id);
      await renumberEditions(tx, revision.documentId);
      await indexRevision(tx, revision.id);
    }
    const edition = tree ? ((await tx.revision.findUniqueOrThrow({ where: { id: revision.id }, select: { edition: true } })).edition ?? null) : null;
    await recordEvent(tx, {
      action: 'revision.approve',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: {
        revision: data.number,
        baseRevision: await baseNumber(tx, revision.baseRevisionId),
        comment: data.comment,
        effectiveDate,
        approvals,
        required,
        final: approved,
        ...(tree ? { edition, amendsRevision: predecessor?.number ?? null, changeKind: data.changeKind ?? revision.changeKind ?? 'SUBSTANTIVE', earlyReading: data.earlyReading && effectiveDate > todayInJapan(), ackDueDays: data.ackDueDays ?? revision.ackDueDays } : {}),
        ...(rebased.length > 0 ? { rebased } : {}),
      },
    });
    return { approved, approvals, required, ...(rebased.length > 0 ? { rebased: rebased.map((r) => r.copy) } : {}) };
  });
}
