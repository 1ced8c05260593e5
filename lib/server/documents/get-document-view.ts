import 'server-only';
import { ZPolicyTree } from '@/lib/policy-text/tree';
import { getActor } from '@/lib/server/auth/actor';
import { publicEdition } from '@/lib/server/auth/document-access';
import { isoDate, todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { buildHistory } from '@/lib/server/documents/history';
import { findVisibleSummaries } from '@/lib/server/documents/summarize';
import { afterResponse } from '@/lib/server/after-response';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import type { TActor } from '@/lib/server/auth/actor';
import { getRequestContext, type TRequestContext } from '@/lib/server/request-context';
import type { TDocumentView } from '@/lib/server/documents/types';

/**
 * A document as a reader sees it on `asOf` (today by default): the revision in force then,
 * with its tree and the document's history. Null when the document does not exist, when the
 * reader may not see it, and when nothing was in force on that date: all three look the same
 * to the caller, so a hidden document is indistinguishable from a missing one.
 */
export async function getDocumentView(slug: string, options: { asOf?: string } = {}): Promise<TDocumentView | null> {
  const actor = await getActor();
  const asOf = options.asOf ?? todayInJapan();
  const { rows, summaries } = await findVisibleSummaries(actor, asOf, { slug });
  const row = rows[0];
  const document = summaries[0];
  const context = await getRequestContext();
  if (!row) await afterResponse(() => recordDeniedRead({ actor, context, slug }));
  if (!row || !document?.inForce) return null;

  const revision = await db().revision.findUniqueOrThrow({
    where: { documentId_number: { documentId: row.id, number: document.inForce.number } },
    select: { number: true, status: true, content: true, effectiveDate: true, changeReason: true, approvedAt: true, document: { select: { publicExcerptAnchors: true } } },
  });
  const fullTree = ZPolicyTree.parse(revision.content);
  const excerpt = document.edition === 'excerpt';
  const tree = excerpt ? publicEdition(fullTree, revision.document.publicExcerptAnchors) : fullTree;
  if (document.visibility !== 'PUBLIC') {
    await afterResponse(() =>
      recordStandaloneEvent({
        action: 'document.read',
        outcome: 'SUCCESS',
        actor,
        context,
        targetType: 'document',
        targetId: slug,
        details: { slug, revision: revision.number, edition: document.edition, visibility: document.visibility, asOf },
      }),
    );
  }
  return {
    document,
    revision: {
      number: revision.number,
      status: revision.status,
      effectiveDate: revision.effectiveDate ? isoDate(revision.effectiveDate) : null,
      changeReason: excerpt ? null : revision.changeReason,
      approvedAt: revision.approvedAt?.toISOString() ?? null,
      tree,
    },
    history: excerpt ? [] : buildHistory({ tree, approvedRevisions: row.revisions.map((r) => ({ number: r.number, effectiveDate: r.effectiveDate ? isoDate(r.effectiveDate) : null })), asOf }),
    asOf,
  };
}

/** A lookup that found nothing: recorded as a denied attempt only when the document exists. */
async function recordDeniedRead(input: { actor: TActor; context: TRequestContext; slug: string }): Promise<void> {
  const existing = await db().document.findUnique({ where: { slug: input.slug }, select: { id: true, visibility: true } });
  if (!existing) return;
  await recordStandaloneEvent({
    action: 'document.read',
    outcome: 'DENIED',
    actor: input.actor,
    context: input.context,
    targetType: 'document',
    targetId: input.slug,
    details: { slug: input.slug, visibility: existing.visibility },
  });
}
