import 'server-only';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { ZSlug } from '@/lib/schemas/documents';
import { getActor } from '@/lib/server/auth/actor';
import { publicEdition } from '@/lib/server/auth/document-access';
import { isoDate, todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { buildHistory } from '@/lib/server/documents/build-history';
import { findVisibleSummaries } from '@/lib/server/documents/summarize';
import { recordDeniedRead, recordRead } from '@/lib/server/audit/record-read';
import type { TDocumentView } from '@/lib/domain/documents';

/**
 * A document as a reader sees it on `asOf` (today by default): the revision in force then,
 * with its tree and the document's history. Null when the document does not exist, when the
 * reader may not see it, and when nothing was in force on that date: all three look the same
 * to the caller, so a hidden document is indistinguishable from a missing one.
 */
export async function getDocumentView(slug: string, options: { asOf?: string } = {}): Promise<TDocumentView | null> {
  if (!ZSlug.safeParse(slug).success) return null;
  const actor = await getActor();
  const asOf = options.asOf ?? todayInJapan();
  const { rows, summaries } = await findVisibleSummaries(actor, asOf, { slug });
  const row = rows[0];
  const document = summaries[0];
  if (!row) await recordDeniedRead({ actor, slug });
  if (!row || !document?.inForce) return null;

  const excerpt = document.edition === 'excerpt';
  // A reader of the public edition sees nothing of revisions not yet in force (findVisibleSummaries
  // read a later date as today): the view says which date it shows.
  const shownAsOf = excerpt && asOf > todayInJapan() ? todayInJapan() : asOf;
  // The text in force and, for readers of the full text, the 沿革's revisions: read side by side.
  const [revision, approved] = await Promise.all([
    db().revision.findUniqueOrThrow({
      where: { documentId_number: { documentId: row.id, number: document.inForce.number } },
      select: { number: true, status: true, content: true, effectiveDate: true, changeReason: true, approvedAt: true, publicExcerptAnchors: true },
    }),
    excerpt ? [] : approvedRevisions(row.id),
  ]);
  const fullTree = readDeepTree(revision.content);
  // The public edition is this revision's own excerpts: an anchor names an article of this text only.
  const tree = excerpt ? publicEdition(fullTree, revision.publicExcerptAnchors) : fullTree;
  await recordRead({ actor, slug, visibility: document.visibility, details: { revision: revision.number, edition: document.edition, asOf: shownAsOf } });
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
    history: excerpt ? [] : buildHistory({ tree, approvedRevisions: approved, asOf }),
    asOf: shownAsOf,
  };
}

/** Every approved revision of one document, oldest first: the 沿革 of its page. */
async function approvedRevisions(documentId: string): Promise<{ number: number; effectiveDate: string | null }[]> {
  const revisions = await db().revision.findMany({
    where: { documentId, status: 'APPROVED', effectiveDate: { not: null } },
    select: { number: true, effectiveDate: true },
    orderBy: { effectiveDate: 'asc' },
  });
  return revisions.map((r) => ({ number: r.number, effectiveDate: r.effectiveDate ? isoDate(r.effectiveDate) : null }));
}
