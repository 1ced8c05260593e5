import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import { DalError } from '@/lib/domain/errors';
import { ZSlug } from '@/lib/schemas/documents';
import { ZCreateDocumentInput } from '@/lib/schemas/workflow';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { resolveReferences } from '@/lib/server/documents/create-document';
import { getRequestContext } from '@/lib/server/request-context';
import { parseInput } from '@/lib/server/validation/parse-input';

const ZUpdateMetadataInput = ZCreateDocumentInput.omit({ slug: true, kind: true }).extend({ slug: ZSlug });

/** Changes a document's metadata (title, parent, department, visibility, approvals, review interval); recorded with before and after. */
export async function updateDocumentMetadata(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'document:manage');
  const data = parseInput(ZUpdateMetadataInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const before = await tx.document.findUnique({
      where: { slug: data.slug },
      select: { id: true, title: true, visibility: true, requiredApprovals: true, reviewIntervalMonths: true, parent: { select: { slug: true } }, department: { select: { code: true } } },
    });
    if (!before) throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
    const refs = await resolveReferences(tx, data, data.slug);
    await tx.document.update({
      where: { id: before.id },
      data: { title: data.title, visibility: data.visibility, requiredApprovals: data.requiredApprovals, reviewIntervalMonths: data.reviewIntervalMonths, ...refs },
    });
    await recordEvent(tx, {
      action: before.visibility !== data.visibility ? 'document.visibility-update' : 'document.update',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: {
        before: { title: before.title, visibility: before.visibility, requiredApprovals: before.requiredApprovals, reviewIntervalMonths: before.reviewIntervalMonths, parentSlug: before.parent?.slug ?? null, departmentCode: before.department?.code ?? null },
        after: { title: data.title, visibility: data.visibility, requiredApprovals: data.requiredApprovals, reviewIntervalMonths: data.reviewIntervalMonths, parentSlug: data.parentSlug ?? null, departmentCode: data.departmentCode ?? null },
      },
    });
  });
}

