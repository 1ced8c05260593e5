import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import { ingestMessages } from '@/lib/messages/ingest';
import { DalError } from '@/lib/domain/errors';
import { ZImportDraftInput } from '@/lib/schemas/ingest';
import { getActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { createDocument } from '@/lib/server/documents/create-document';
import { authoriseImport, importTargetOf, targetId, type TImportTarget } from '@/lib/server/ingest/import-target';
import { parseInput } from '@/lib/server/validation/parse-input';
import { startDraft } from '@/lib/server/workflow/start-draft';

/*
 * The second step of an import: the text the person checked and fixed becomes a DRAFT through the
 * ordinary write paths (createDocument for a new document, startDraft for an amendment), and goes
 * through the workflow like any other: submit, review, approval. Nothing here approves anything.
 */

/** A read is good for a working day: long enough to fix a long text, short enough not to linger. */
const RECEIPT_HOURS = 24;

/**
 * The file's facts as the server recorded them when it read the file: the receipt must be a
 * successful read by this person for this target. The client never tells us what it uploaded.
 */
async function importedFileOf(actorId: string, receipt: string, target: TImportTarget): Promise<Record<string, unknown>> {
  const event = await db().auditEvent.findFirst({
    where: {
      seq: BigInt(receipt),
      action: 'draft.file-read',
      outcome: 'SUCCESS',
      actorId,
      targetType: 'document',
      targetId: targetId(target),
      occurredAt: { gte: new Date(Date.now() - RECEIPT_HOURS * 3_600_000) },
    },
    select: { seq: true, details: true },
  });
  const file = (event?.details as { file?: Record<string, unknown> } | null)?.file;
  if (!event || !file) throw new DalError('INVALID_INPUT', ingestMessages.refusals.receipt);
  return { name: file.name, size: file.size, kind: file.kind, sha256: file.sha256, readEvent: event.seq.toString() };
}

/** 文書を取り込む: a new document whose first draft is the imported text. */
export async function createDocumentFromFile(input: Record<string, unknown>): Promise<{ slug: string; number: number }> {
  const actor = await getActor();
  const user = await authoriseImport(actor, { kind: 'new' });
  const { receipt, text } = parseInput(ZImportDraftInput, { receipt: input.receipt, text: input.text });
  const importedFile = await importedFileOf(user.id, receipt, { kind: 'new' });
  const { receipt: _receipt, text: _text, ...metadata } = input;
  return createDocument(metadata, { draftText: text, importedFile });
}

/** ファイルから改正案を作る: a new draft on the document's chain, holding the imported text. */
export async function startDraftFromFile(input: { slug: unknown; receipt: unknown; text: unknown }): Promise<{ slug: string; number: number }> {
  const actor = await getActor();
  const target = importTargetOf({ slug: input.slug });
  if (target.kind !== 'amend') throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
  const { slug } = target;
  const user = await authoriseImport(actor, target);
  const { receipt, text } = parseInput(ZImportDraftInput, { receipt: input.receipt, text: input.text });
  const importedFile = await importedFileOf(user.id, receipt, target);
  const { number } = await startDraft({ slug }, { draftText: text, importedFile });
  return { slug, number };
}
