import 'server-only';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import type { Prisma } from '@/lib/generated/prisma/client';
import { emptyMergeBase, mergeDeepTrees } from '@/lib/policy-text/merge';
import { carryExcerpts } from '@/lib/policy-text/excerpts';
import { storedContent } from '@/lib/server/documents/revision-content';
import { indexRevision } from '@/lib/server/search/index-revision';
import type { TChainLink } from '@/lib/server/workflow/chain';
import { REBASED_COPY_STATUS, TRANSITIONS } from '@/lib/server/workflow/state-machine';

/*
 * Re-applying scheduled revisions on top of one approved before them (docs/decisions/007). Each
 * scheduled revision's changes (from its old predecessor to it) are merged onto the new text
 * before it: base = its old predecessor, ours = the new predecessor, theirs = the scheduled one.
 * All of them merge, or nothing is written.
 */

/** What the editor of a refused approval sees: both texts and the overlapping regions. */
export interface TRebaseConflict {
  scheduled: { number: number; edition: number | null; effectiveDate: string };
  /** the refused revision's text (with its 付則) */
  ours: string;
  /** the scheduled revision's text */
  theirs: string;
  /** the merged text with the overlapping regions marked */
  merged: string;
  regions: number;
}

type TRebase =
  | { ok: true; apply: (newRevisionId: string) => Promise<{ from: number; fromEdition: number | null; copy: number }[]> }
  | { ok: false; conflict: TRebaseConflict };

export async function rebaseLaterRevisions(
  tx: Prisma.TransactionClient,
  input: { documentId: string; predecessorId: string | null; tree: TDeepTree; later: TChainLink[] },
): Promise<TRebase> {
  const predecessor = input.predecessorId ? await tx.revision.findUniqueOrThrow({ where: { id: input.predecessorId }, select: { content: true } }) : null;
  let base: TDeepTree | null = predecessor ? readDeepTree(predecessor.content) : null;
  let ours = input.tree;
  const plan: { link: TChainLink; tree: TDeepTree; theirs: TDeepTree }[] = [];
  for (const link of input.later) {
    const row = await tx.revision.findUniqueOrThrow({ where: { id: link.id }, select: { content: true } });
    const theirs = readDeepTree(row.content);
    // With no predecessor (a first revision dated before a scheduled one) the base is empty.
    const merged = mergeDeepTrees({ base: base ?? emptyMergeBase(), ours, theirs });
    if (!merged.ok) {
      return {
        ok: false,
        conflict: {
          scheduled: { number: link.number, edition: link.edition, effectiveDate: link.effectiveDate },
          ours: serializeDeepTree(input.tree),
          theirs: serializeDeepTree(theirs),
          merged: merged.text,
          regions: merged.conflicts.length,
        },
      };
    }
    plan.push({ link, tree: merged.tree, theirs });
    base = theirs;
    ours = merged.tree;
  }
  return {
    ok: true,
    apply: async (newRevisionId) => {
      const done: { from: number; fromEdition: number | null; copy: number }[] = [];
      let previousId = newRevisionId;
      for (const { link, tree, theirs } of plan) {
        const original = await tx.revision.findUniqueOrThrow({ where: { id: link.id } });
        // The approved text stays as it was approved; the rebased text is a new revision.
        await tx.revision.update({ where: { id: link.id }, data: { status: TRANSITIONS.rebase.to, edition: null } });
        await indexRevision(tx, link.id);
        const last = await tx.revision.aggregate({ where: { documentId: input.documentId }, _max: { number: true } });
        const number = (last._max.number ?? 0) + 1;
        const copy = await tx.revision.create({
          data: {
            documentId: input.documentId,
            number,
            status: REBASED_COPY_STATUS,
            ...storedContent(tree),
            changeReason: original.changeReason,
            effectiveDate: original.effectiveDate,
            createdById: original.createdById,
            submittedAt: original.submittedAt,
            submittedById: original.submittedById,
            baseRevisionId: previousId,
            amendsRevisionId: previousId,
            rebasedFromId: original.id,
            contributorIds: original.contributorIds,
            isAbolition: original.isAbolition,
            // The scheduled revision's public articles, followed through the merge's renumbering.
            publicExcerptAnchors: carryExcerpts(theirs, tree, original.publicExcerptAnchors).anchors,
            requiredApprovals: 1,
          },
          select: { id: true },
        });
        done.push({ from: link.number, fromEdition: link.edition, copy: number });
        previousId = copy.id;
      }
      return done;
    },
  };
}
