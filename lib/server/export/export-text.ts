import 'server-only';
import { DalError } from '@/lib/domain/errors';
import type { TDocumentSummary } from '@/lib/domain/documents';
import { exportMessages as m } from '@/lib/messages/export';
import { historyMessages as h } from '@/lib/messages/history';
import { canExportAs, renderExport, type TExportFile } from '@/lib/policy-text-export/export-file';
import type { TExportFormat } from '@/lib/policy-text-export/formats';
import { publicDeepEdition } from '@/lib/policy-text/deep/public-edition';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ZSlug } from '@/lib/schemas/documents';
import { recordDeniedRead, recordRead } from '@/lib/server/audit/record-read';
import { getActor, type TActor } from '@/lib/server/auth/actor';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { findVisibleSummaries } from '@/lib/server/documents/summarize';
import { loadHistory } from '@/lib/server/history/get-revision-history';

/*
 * Downloads of a document's text (法令標準XML, Word). Each answers exactly as the page that shows
 * the same text: a named revision as its revision page (readers of the full text; drafts only for
 * revision:read-all), the text in force as the document page (a reader of a public edition gets
 * that edition). Anything the reader may not see is null, exactly like something missing, and the
 * lookups are the pages' own, so a hidden document costs what a missing one does. A download of a
 * non-public document is recorded in the audit trail as `document.export` after the response,
 * like a read; a refused one as a refusal (ADR 017).
 */

const ACTION = 'document.export';

async function render(input: {
  actor: TActor;
  document: TDocumentSummary;
  tree: TDeepTree;
  revision: { number: number; edition: number | null; effectiveDate: string | null };
  format: TExportFormat;
  excerpt: boolean;
}): Promise<TExportFile> {
  const { document, revision, format, excerpt } = input;
  if (!canExportAs(input.tree, format)) throw new DalError('INVALID_INPUT', m.errors.tooDeepForXml);
  const revisionLabel = h.common.label(revision);
  const file = await renderExport(input.tree, format, {
    title: document.title,
    revisionLabel,
    ...(excerpt ? { editionLabel: m.filename.excerpt } : {}),
    asciiStem: `${document.slug}_r${revision.number}${excerpt ? '_excerpt' : ''}`,
    ...(document.department ? { creator: document.department.name } : {}),
    description: m.filename.description(revisionLabel, revision.effectiveDate ? formatWareki(revision.effectiveDate) : null),
  });
  await recordRead({
    actor: input.actor,
    slug: document.slug,
    visibility: document.visibility,
    action: ACTION,
    details: { revision: revision.number, format, edition: excerpt ? 'excerpt' : 'full' },
  });
  return file;
}

/** Revision `number` of a document as a file, for those who may open its revision page; null otherwise. */
export async function exportRevision(input: { slug: string; number: number; format: TExportFormat }): Promise<TExportFile | null> {
  const actor = await getActor();
  if (!Number.isInteger(input.number) || input.number < 1) return null;
  const history = await loadHistory(actor, input.slug, ACTION);
  const entry = history?.revisions.find((r) => r.number === input.number);
  if (!history || !entry) return null;
  const row = await db().revision.findUniqueOrThrow({ where: { documentId_number: { documentId: history.document.id, number: input.number } }, select: { content: true } });
  return render({ actor, document: history.document, tree: readDeepTree(row.content), revision: entry, format: input.format, excerpt: false });
}

/**
 * The text in force on `asOf` (today by default) as a file, as the document page shows it: the
 * whole text, or for a reader of the public edition that edition of today's text at the latest.
 */
export async function exportDocument(input: { slug: string; asOf?: string; format: TExportFormat }): Promise<TExportFile | null> {
  if (!ZSlug.safeParse(input.slug).success) return null;
  const actor = await getActor();
  const { rows, summaries } = await findVisibleSummaries(actor, input.asOf ?? todayInJapan(), { slug: input.slug });
  const row = rows[0];
  const document = summaries[0];
  if (!row) await recordDeniedRead({ actor, slug: input.slug, action: ACTION });
  if (!row || !document?.inForce) return null;
  const excerpt = document.edition === 'excerpt';
  const revision = await db().revision.findUniqueOrThrow({
    where: { documentId_number: { documentId: row.id, number: document.inForce.number } },
    select: { content: true, publicExcerptAnchors: true },
  });
  const full = readDeepTree(revision.content);
  // The public edition is this revision's own excerpts: an anchor names an article of this text only.
  const tree = excerpt ? publicDeepEdition(full, revision.publicExcerptAnchors) : full;
  return render({ actor, document, tree, revision: document.inForce, format: input.format, excerpt });
}
