import 'server-only';
import { createHash } from 'node:crypto';
import { detectFileType, ingestFile, type TIngestFailure, type TIngestKind } from '@/lib/ingest';
import { ingestMessages } from '@/lib/messages/ingest';
import { DalError } from '@/lib/domain/errors';
import type { TImportPreview } from '@/lib/domain/ingest';
import { recordEvent, recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { getActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { serverEnv } from '@/lib/server/env';
import { authoriseImport, importTargetOf, targetId } from '@/lib/server/ingest/import-target';
import { getRequestContext } from '@/lib/server/request-context';

/** The configured upload limit in bytes (PORTAL_IMPORT_MAX_MB). */
export function importMaxBytes(): number {
  return Math.floor(serverEnv().PORTAL_IMPORT_MAX_MB * 1024 * 1024);
}

/** The limit as the upload screen states it; no permission needed to know it, nothing else is read. */
export async function getImportLimit(): Promise<{ maxBytes: number }> {
  return { maxBytes: importMaxBytes() };
}

/** A browser's file name without folders or control characters, as the audit trail keeps it. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || '（名前なし）';
}

function kindByContent(bytes: Uint8Array): TIngestKind | 'refused' {
  const type = detectFileType(bytes);
  return type.kind;
}

/**
 * Reads an uploaded Word, PDF or text file into the deep parser's text, for the import screens'
 * preview. Stores nothing but the audit record of the read (file name, size, type by content,
 * SHA-256 and, when refused, why; never the content). A refused file is a DalError with the
 * reader's Japanese message.
 */
export async function readPolicyFile(input: { slug?: unknown; file: unknown }): Promise<TImportPreview> {
  const actor = await getActor();
  const target = importTargetOf({ slug: input.slug });
  const user = await authoriseImport(actor, target);
  const context = await getRequestContext();
  const file = input.file;
  if (!(file instanceof Blob) || !('name' in file)) throw new DalError('INVALID_INPUT', ingestMessages.refusals.noFile);
  const name = cleanFileName(String((file as File).name));
  const maxBytes = importMaxBytes();
  const audit = { action: 'draft.file-read', actor: user, context, targetType: 'document', targetId: targetId(target) } as const;
  const declaredType = file.type.slice(0, 100) || null;

  if (file.size > maxBytes) {
    // Refused before reading it: the size the browser declared is all that is known.
    const message = ingestMessages.errors.tooLarge(maxBytes);
    await recordStandaloneEvent({ ...audit, outcome: 'FAILED', details: { file: { name, size: file.size, declaredType }, code: 'TOO_LARGE' } });
    throw new DalError('INVALID_INPUT', message);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = await ingestFile(bytes, { maxBytes });
  if (!result.ok) {
    const kind = kindByContent(bytes);
    await recordStandaloneEvent({ ...audit, outcome: 'FAILED', details: { file: { name, size: bytes.length, kind, declaredType, sha256 }, code: result.code } });
    throw refusalOf(result);
  }
  const facts = { name, size: bytes.length, kind: result.kind, sha256 };
  const receipt = await db().$transaction(async (tx) => {
    await recordEvent(tx, { ...audit, outcome: 'SUCCESS', details: { file: { ...facts, declaredType }, lines: result.text.split('\n').length - 1, warnings: result.warnings.length } });
    // Under the chain lock recordEvent took until this transaction ends: the last event is ours.
    const event = await tx.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' }, select: { seq: true } });
    return event.seq.toString();
  });
  return { receipt, file: facts, text: result.text, title: result.tree.title, warnings: result.warnings };
}

function refusalOf(failure: TIngestFailure): DalError {
  if (failure.code === 'NO_STRUCTURE' && failure.details?.length) {
    const lines = failure.details.map((d) => d.message).join('\n');
    return new DalError('PARSE_FAILED', `${failure.message}\n${lines}`, failure.details);
  }
  return new DalError('INVALID_INPUT', failure.message);
}
