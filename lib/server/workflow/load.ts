import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DalError } from '@/lib/domain/errors';

/**
 * The document and one of its revisions, with the revision row locked for the rest of the
 * transaction. Lock order everywhere in the workflow: document row, then revision row.
 */
export async function lockRevision(tx: Prisma.TransactionClient, slug: string, number: number) {
  const document = await tx.document.findUnique({ where: { slug }, select: { id: true, kind: true, slug: true, title: true, requiredApprovals: true } });
  if (!document) throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
  await tx.$queryRaw`SELECT 1 FROM documents WHERE id = ${document.id}::uuid FOR UPDATE`;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM revisions WHERE document_id = ${document.id}::uuid AND number = ${number} FOR UPDATE`;
  // A revision number of another document, or none at all, is the same "not found".
  if (locked.length === 0) throw new DalError('NOT_FOUND', commonErrors.revisionNotFound);
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: locked[0]!.id } });
  return { document, revision };
}
