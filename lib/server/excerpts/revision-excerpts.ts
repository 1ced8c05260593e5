import 'server-only';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { excerptsErrors } from '@/lib/messages/excerpts-errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { carryChangesExcerpts, carryExcerpts, type TExcerptCarry } from '@/lib/policy-text/excerpts';
import { recordEvent } from '@/lib/server/audit/record-event';
import type { TActor } from '@/lib/server/auth/actor';
import { DalError } from '@/lib/domain/errors';
import type { TRequestContext } from '@/lib/server/request-context';

/*
 * Public excerpts (外部に周知すべき事項) belong to one revision: `public_excerpt_anchors` names
 * articles of that revision's own text. A draft inherits its base revision's excerpts until its
 * editor confirms a list of its own (`public_excerpts_basis` then holds the draft text the list
 * was confirmed against). Whenever the text moves on (the editor keeps writing, the revision is
 * approved), the list follows each article by its identity (lib/policy-text/excerpts.ts), never
 * by its number.
 */

type TClient = Prisma.TransactionClient;

export const excerptRevisionSelect = {
  id: true,
  documentId: true,
  number: true,
  status: true,
  content: true,
  draftText: true,
  baseRevisionId: true,
  publicExcerptAnchors: true,
  publicExcerptsBasis: true,
} satisfies Prisma.RevisionSelect;

export type TExcerptRevisionRow = Prisma.RevisionGetPayload<{ select: typeof excerptRevisionSelect }>;

/** The tree a revision's (or draft's) list of excerpts names articles of, with that list. */
export interface TExcerptSource {
  tree: TDeepTree;
  anchors: string[];
  /** the list was confirmed by the draft's editor (against `tree`), not inherited from the base */
  own: boolean;
}

/** The excerpts of a draft as it stands: its confirmed list, or else its base revision's. */
export async function excerptSource(tx: TClient, draft: TExcerptRevisionRow): Promise<TExcerptSource | null> {
  if (draft.publicExcerptsBasis !== null) {
    const parsed = parseDeepText(draft.publicExcerptsBasis);
    if (parsed.ok) return { tree: parsed.tree, anchors: draft.publicExcerptAnchors, own: true };
  }
  return baseExcerpts(tx, draft);
}

/** The base revision's excerpts: what a draft inherits. */
export async function baseExcerpts(tx: TClient, draft: Pick<TExcerptRevisionRow, 'baseRevisionId'>): Promise<TExcerptSource | null> {
  if (!draft.baseRevisionId) return null;
  const base = await tx.revision.findUnique({ where: { id: draft.baseRevisionId }, select: { content: true, publicExcerptAnchors: true } });
  return base ? { tree: readDeepTree(base.content), anchors: base.publicExcerptAnchors, own: false } : null;
}

const NOTHING: TExcerptCarry = { anchors: [], carried: [], dropped: [] };

/** A draft's excerpts carried onto `tree` (its current text). */
export async function draftCarry(tx: TClient, draft: TExcerptRevisionRow, tree: TDeepTree): Promise<{ carry: TExcerptCarry; confirmed: boolean; needsConfirmation: boolean }> {
  const source = await excerptSource(tx, draft);
  const carry = source ? carryExcerpts(source.tree, tree, source.anchors) : NOTHING;
  const confirmed = draft.publicExcerptsBasis !== null && draft.publicExcerptsBasis === draft.draftText;
  return { carry, confirmed, needsConfirmation: !confirmed && carryChangesExcerpts(carry) };
}

export const EXCERPTS_UNCONFIRMED = excerptsErrors.unconfirmed;

/**
 * At submission: refuses a draft whose public articles were renumbered, deleted or rewritten
 * since its editor last confirmed the list (the list never changes unseen); otherwise fixes the
 * list against the submitted text. Call inside the submitting transaction, the draft row locked.
 */
export async function fixExcerptsOnSubmit(tx: TClient, input: { revisionId: string; tree: TDeepTree }): Promise<void> {
  const draft = await tx.revision.findUniqueOrThrow({ where: { id: input.revisionId }, select: { ...excerptRevisionSelect, document: { select: { visibility: true } } } });
  const { carry, confirmed, needsConfirmation } = await draftCarry(tx, draft, input.tree);
  if (needsConfirmation && draft.document.visibility !== 'PUBLIC') throw new DalError('INVALID_INPUT', EXCERPTS_UNCONFIRMED);
  // Nothing to fix for a draft without excerpts, or one confirmed against this very text.
  if (confirmed || (carry.anchors.length === 0 && draft.publicExcerptAnchors.length === 0 && draft.publicExcerptsBasis === null)) return;
  await tx.revision.update({ where: { id: draft.id }, data: { publicExcerptAnchors: carry.anchors, publicExcerptsBasis: draft.draftText } });
}

/**
 * At approval: the approved text's own list of excerpts, carried from the list the draft
 * confirmed (or inherited) onto `tree`, the text being approved, and recorded. Call inside the
 * approving transaction before the revision becomes APPROVED (an approved row never changes again).
 * A revision whose text is replaced later (a rebase) carries its list the same way:
 * carryExcerpts(previousTree, newTree, anchors).
 */
export async function carryExcerptsOnApproval(
  tx: TClient,
  input: { revisionId: string; tree: TDeepTree; actor: TActor; context: TRequestContext | null; slug: string },
): Promise<string[]> {
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: input.revisionId }, select: excerptRevisionSelect });
  const source = await excerptSource(tx, revision);
  const carry = source ? carryExcerpts(source.tree, input.tree, source.anchors) : NOTHING;
  await tx.revision.update({ where: { id: revision.id }, data: { publicExcerptAnchors: carry.anchors, publicExcerptsBasis: null } });
  if (source && source.anchors.length > 0) {
    await recordEvent(tx, {
      action: 'revision.excerpts-carry',
      outcome: 'SUCCESS',
      actor: input.actor,
      context: input.context,
      targetType: 'document',
      targetId: input.slug,
      details: {
        revision: revision.number,
        anchors: carry.anchors,
        carried: carry.carried.map((c) => ({ from: c.before, to: c.after, change: c.change })),
        dropped: carry.dropped.map((d) => d.before),
      },
    });
  }
  return carry.anchors;
}
