import 'server-only';
import { DalError } from '@/lib/domain/errors';
import { acknowledgmentErrors } from '@/lib/messages/acknowledgment-errors';
import { commonErrors } from '@/lib/messages/errors';
import { ZSetApplicabilityInput } from '@/lib/schemas/acknowledgments';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';
import { parseInput } from '@/lib/server/validation/parse-input';

/**
 * Whom a document applies to (its acknowledgment tasks): all staff, or the chosen units and those
 * below them. An editor's setting, like the document's other metadata; recorded in the trail.
 */
export async function setDocumentApplicability(input: unknown): Promise<{ allStaff: boolean; units: string[] }> {
  const actor = await getActor();
  requirePermission(actor, 'document:manage', { action: 'document.applicability' });
  const data = parseInput(ZSetApplicabilityInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { slug: data.slug }, select: { id: true } });
    if (!document) throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
    const units = await tx.department.findMany({ where: { code: { in: data.unitCodes } }, select: { id: true, code: true } });
    const missing = data.unitCodes.filter((code) => !units.some((u) => u.code === code));
    if (missing.length > 0) throw new DalError('INVALID_INPUT', acknowledgmentErrors.unknownUnits(missing));
    if (!data.allStaff && units.length === 0) throw new DalError('INVALID_INPUT', acknowledgmentErrors.noUnitsChosen);
    await tx.documentAckUnit.deleteMany({ where: { documentId: document.id } });
    if (!data.allStaff) await tx.documentAckUnit.createMany({ data: units.map((u) => ({ documentId: document.id, departmentId: u.id })) });
    await tx.document.update({ where: { id: document.id }, data: { ackAllStaff: data.allStaff } });
    const result = { allStaff: data.allStaff, units: data.allStaff ? [] : units.map((u) => u.code).sort() };
    await recordEvent(tx, { action: 'document.applicability', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: result });
    return result;
  });
}
