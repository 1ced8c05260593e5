import 'server-only';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { commonErrors } from '@/lib/messages/errors';
import { ingestMessages } from '@/lib/messages/ingest';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import { ZStartDraftInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { storedContent } from '@/lib/server/documents/revision-content';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { baseChoices, loadChain } from '@/lib/server/workflow/chain';
import { STARTED_STATUS } from '@/lib/server/workflow/state-machine';

/**
 * Starts a draft from the last revision of the chain, scheduled ones included (docs/decisions/007),
 * or from an earlier one the editor chose (`baseNumber`: the one in force or a scheduled one) for an
 * amendment that must take effect before a scheduled one. The database allows one open draft per
 * document; a second start returns the open one.
 */
export async function startDraft(input: unknown, options: { draftText?: string; importedFile?: Record<string, unknown> } = {}): Promise<{ number: number; created: boolean }> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const { slug, abolition, baseNumber } = parseInput(ZStartDraftInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { slug }, select: { id: true } });
    if (!document) throw new DalError('NOT_FOUND', commonErrors.documentNotFound);
    await tx.$queryRaw`SELECT 1 FROM documents WHERE id = ${document.id}::uuid FOR UPDATE`;
    const open = await tx.revision.findFirst({ where: { documentId: document.id, status: { in: ['DRAFT', 'IN_REVIEW'] } }, select: { number: true } });
    if (open && options.draftText !== undefined) throw new DalError('CONFLICT', ingestMessages.refusals.openDraft(open.number));
    if (open) return { number: open.number, created: false };
    const choices = baseChoices(await loadChain(tx, document.id), todayInJapan());
    if (choices.length === 0) throw new DalError('INVALID_INPUT', workflowErrors.noApprovedRevision);
    const chosen = baseNumber === undefined || abolition ? choices.at(-1) : choices.find((link) => link.number === baseNumber);
    if (!chosen) throw new DalError('INVALID_INPUT', workflowErrors.baseNotAllowed);
    const base = await tx.revision.findUniqueOrThrow({ where: { id: chosen.id } });
    const tree = readDeepTree(base.content);
    const last = await tx.revision.aggregate({ where: { documentId: document.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const text = serializeDeepTree(tree);
    await tx.revision.create({
      data: {
        documentId: document.id,
        number,
        status: STARTED_STATUS,
        ...storedContent(tree),
        // an import (lib/server/ingest) starts from the file's text instead of the base's
        draftText: options.draftText ?? text,
        baseRevisionId: base.id,
        createdById: actor.id,
        contributorIds: [actor.id],
        isAbolition: abolition,
      },
    });
    const imported = options.importedFile ? { importedFile: options.importedFile } : {};
    await recordEvent(tx, { action: options.importedFile ? 'draft.import' : 'draft.create', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: slug, details: { revision: number, baseRevision: base.number, baseEdition: base.edition, abolition, ...imported } });
    return { number, created: true };
  });
}
