import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ZCheckDateInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { dateClash, linkLabel, loadChain, predecessorOn } from '@/lib/server/workflow/chain';

export type TDateCheck = { ok: true; amends: string | null; before?: string[] } | { ok: false; message: string };

/**
 * The editor's live check of a 施行日 as it is typed: past, taken by another revision, or placing
 * the draft elsewhere in the chain than the revision it was started from. Reads only.
 */
export async function checkEffectiveDate(input: unknown): Promise<TDateCheck> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const data = parseInput(ZCheckDateInput, input);
  if (data.effectiveDate < todayInJapan()) return { ok: false, message: commonErrors.pastEffectiveDate };
  const revision = await db().revision.findFirst({
    where: { document: { slug: data.slug }, number: data.number, status: { in: ['DRAFT', 'IN_REVIEW'] } },
    select: { documentId: true, baseRevisionId: true },
  });
  if (!revision) throw new DalError('NOT_FOUND', workflowErrors.draftNotFound);
  return db().$transaction(async (tx) => {
    const clash = await dateClash(tx, revision.documentId, data.effectiveDate);
    if (clash) return { ok: false as const, message: clash };
    const chain = await loadChain(tx, revision.documentId);
    const predecessor = predecessorOn(chain, data.effectiveDate);
    if ((predecessor?.id ?? null) !== revision.baseRevisionId) {
      const base = chain.find((link) => link.id === revision.baseRevisionId);
      return {
        ok: false as const,
        message: base
          ? workflowErrors.dateMovesBase.withBase(
              linkLabel(base),
              formatWareki(data.effectiveDate),
              predecessor ? linkLabel(predecessor) : workflowErrors.dateMovesBase.firstRevision,
              base.effectiveDate < data.effectiveDate ? workflowErrors.dateMovesBase.beforeNextOf(linkLabel(base)) : workflowErrors.dateMovesBase.after(formatWareki(base.effectiveDate)),
            )
          : workflowErrors.dateMovesBase.baseSuperseded,
      };
    }
    const later = chain.filter((link) => link.effectiveDate > data.effectiveDate);
    return { ok: true as const, amends: predecessor ? linkLabel(predecessor) : null, ...(later.length > 0 ? { before: later.map((link) => linkLabel(link)) } : {}) };
  });
}
