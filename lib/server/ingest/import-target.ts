import 'server-only';
import { z } from 'zod';
import { commonErrors } from '@/lib/messages/errors';
import { ingestMessages } from '@/lib/messages/ingest';
import { DalError } from '@/lib/domain/errors';
import { ZSlug } from '@/lib/schemas/documents';
import { parseInput } from '@/lib/server/validation/parse-input';
import { requirePermission, type TActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';

/*
 * Where an uploaded file is going: a new document (文書を取り込む) or a new draft of an existing
 * one (ファイルから改正案を作る). The same checks guard the read of the file and the draft made
 * from it, so a refused target stores nothing and reads nothing.
 */

/** The audit trail's target of an import into a new document (the slug is chosen only when the draft is made). */
export const NEW_DOCUMENT_TARGET = 'new';

export const ZImportTarget = z.object({ slug: z.union([z.literal(''), ZSlug]).optional().transform((v) => (v ? v : undefined)) });

export type TImportTarget = { kind: 'new' } | { kind: 'amend'; slug: string };

export function importTargetOf(input: unknown): TImportTarget {
  const { slug } = parseInput(ZImportTarget, input);
  return slug ? { kind: 'amend', slug } : { kind: 'new' };
}

export function targetId(target: TImportTarget): string {
  return target.kind === 'amend' ? target.slug : NEW_DOCUMENT_TARGET;
}

/**
 * Only those who may draft import; a new document also needs the right to create documents.
 * An existing document must exist and have no open draft (one draft per document: the file
 * would otherwise overwrite someone's work).
 */
export async function authoriseImport(actor: TActor, target: TImportTarget): Promise<Extract<TActor, { kind: 'user' }>> {
  const attempt = { action: 'draft.file-read', targetType: 'document', targetId: targetId(target) };
  requirePermission(actor, 'revision:draft', attempt);
  if (target.kind === 'new') {
    requirePermission(actor, 'document:manage', attempt);
    return actor;
  }
  const document = await db().document.findUnique({
    where: { slug: target.slug },
    select: { id: true, revisions: { where: { status: { in: ['DRAFT', 'IN_REVIEW'] } }, select: { number: true }, take: 1 } },
  });
  if (!document) throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
  const open = document.revisions[0];
  if (open) throw new DalError('CONFLICT', ingestMessages.refusals.openDraft(open.number));
  return actor;
}
