import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { Prisma } from '@/lib/generated/prisma/client';
import { ZSubmitInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { dateColumn, todayInJapan, wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { storedContent } from '@/lib/server/documents/revision-content';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { fixExcerptsOnSubmit } from '@/lib/server/excerpts/revision-excerpts';
import { assertBaseIsPredecessor, assertDateFree, loadChain } from '@/lib/server/workflow/chain';
import { lockRevision } from '@/lib/server/workflow/load';
import { TRANSITIONS } from '@/lib/server/workflow/state-machine';
import { assertTransition } from '@/lib/server/workflow/assert-transition';

/** Submits a draft: its text must parse, a change reason and a future (or today's) effective date are required. */
export async function submitRevision(input: unknown): Promise<{ number: number }> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const data = parseInput(ZSubmitInput, input);
  if (data.effectiveDate < todayInJapan()) throw new DalError('INVALID_INPUT', commonErrors.pastEffectiveDate);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { document, revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('submit', actor, revision);
    // The draft text becomes the deep tree; a text that does not read as one is refused, each
    // message naming its line (「12行目: …」), and nothing is stored.
    const parsed = parseDeepText(revision.draftText ?? '');
    if (!parsed.ok) throw new DalError('PARSE_FAILED', parsed.errors.map((e) => e.message).join('\n'), parsed.errors);
    await assertDateFree(tx, revision.documentId, data.effectiveDate);
    assertBaseIsPredecessor({ chain: await loadChain(tx, revision.documentId), baseRevisionId: revision.baseRevisionId, date: data.effectiveDate });
    // Whoever submits counts as a contributor (they may not approve it), and the number of
    // approvals it needs is the document's setting now: a later change of the setting does not apply.
    const contributorIds = revision.contributorIds.includes(actor.id) ? revision.contributorIds : [...revision.contributorIds, actor.id];
    // INTERIM bridge: the excerpts module still reads the three-level tree (issue 16)
    await fixExcerptsOnSubmit(tx, { revisionId: revision.id, tree: parsed.tree });
    const stored = storedContent(parsed.tree);
    await tx.revision.update({
      where: { id: revision.id },
      data: {
        status: TRANSITIONS.submit.to,
        ...stored,
        changeReason: data.changeReason,
        effectiveDate: dateColumn(data.effectiveDate),
        submittedAt: wallClock(),
        submittedById: actor.id,
        contributorIds,
        requiredApprovals: document.requiredApprovals,
        rebaseConflict: Prisma.DbNull,
        changeKind: data.changeKind,
      },
    });
    await recordEvent(tx, {
      action: 'revision.submit',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: { revision: data.number, changeReason: data.changeReason, changeKind: data.changeKind, effectiveDate: data.effectiveDate, contentHash: stored.contentHash, required: document.requiredApprovals },
    });
    return { number: data.number };
  });
}
