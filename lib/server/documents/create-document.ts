import 'server-only';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ZCreateDocumentInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { emptyDeepTree } from '@/lib/server/documents/revision-content';


/** Resolves the parent and the department a document names, refusing a parent that would close a cycle. */
export async function resolveReferences(tx: Prisma.TransactionClient, data: { parentSlug?: string; departmentCode?: string }, self?: string) {
  const parent = data.parentSlug ? await tx.document.findUnique({ where: { slug: data.parentSlug }, select: { id: true, slug: true } }) : null;
  if (data.parentSlug && !parent) throw new DalError('INVALID_INPUT', workflowErrors.document.parentNotFound);
  if (parent && parent.slug === self) throw new DalError('INVALID_INPUT', workflowErrors.document.parentIsSelf);
  if (parent && self) {
    // Walk up from the new parent: meeting the document itself would close a cycle.
    let cursor: string | null = parent.id;
    for (let depth = 0; cursor && depth < 50; depth += 1) {
      const up: { slug: string; parentId: string | null } | null = await tx.document.findUnique({ where: { id: cursor }, select: { slug: true, parentId: true } });
      if (!up) break;
      if (up.slug === self) throw new DalError('INVALID_INPUT', workflowErrors.document.parentIsDescendant);
      cursor = up.parentId;
    }
  }
  const department = data.departmentCode ? await tx.department.findUnique({ where: { code: data.departmentCode }, select: { id: true } }) : null;
  if (data.departmentCode && !department) throw new DalError('INVALID_INPUT', workflowErrors.document.departmentNotFound);
  return { parentId: parent?.id ?? null, departmentId: department?.id ?? null };
}

/**
 * Creates a document with a first draft (a skeleton to write in); recorded. An import
 * (lib/server/ingest) passes the text read from a file and that file's facts for the record.
 */
export async function createDocument(input: unknown, options: { draftText?: string; importedFile?: Record<string, unknown> } = {}): Promise<{ slug: string; number: number }> {
  const actor = await getActor();
  requirePermission(actor, 'document:manage');
  const data = parseInput(ZCreateDocumentInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    if (await tx.document.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
      throw new DalError('CONFLICT', workflowErrors.document.slugTaken(data.slug));
    }
    const refs = await resolveReferences(tx, data);
    const document = await tx.document.create({
      data: { slug: data.slug, kind: data.kind, title: data.title, visibility: data.visibility, requiredApprovals: data.requiredApprovals, reviewIntervalMonths: data.reviewIntervalMonths, ...refs },
      select: { id: true },
    });
    const draftText = options.draftText ?? `${data.title}\n（目的）\n第1条　この${data.kind === 'PROCEDURE' ? '手順' : '基準'}は、\n`;
    await tx.revision.create({
      data: { documentId: document.id, number: 1, status: 'DRAFT', content: emptyDeepTree() as unknown as Prisma.InputJsonValue, plainText: '', contentHash: '', draftText, createdById: actor.id, contributorIds: [actor.id] },
    });
    const imported = options.importedFile ? { importedFile: options.importedFile } : {};
    await recordEvent(tx, { action: options.importedFile ? 'document.import' : 'document.create', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: { ...data, ...imported } });
    return { slug: data.slug, number: 1 };
  });
}
