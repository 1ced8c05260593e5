import 'server-only';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import { ZSaveDraftInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { contentHash } from '@/lib/server/documents/import-revision';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { lockRevision } from '@/lib/server/workflow/load';
import { TRANSITIONS } from '@/lib/server/workflow/state-machine';
import { assertTransition } from '@/lib/server/workflow/assert-transition';

export type TSaveResult =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; conflict: true; current: { version: number; text: string; savedAt: string }; mine: { text: string; baseVersion: number } };

/**
 * Saves the editor's text. A save based on an older version (someone saved meanwhile) is refused
 * as a conflict; the refused text is kept as a conflict copy, so no text is ever lost.
 */
export async function saveDraft(input: unknown): Promise<TSaveResult> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const parsedInput = parseInput(ZSaveDraftInput, input);
  // Browsers send form text with CRLF line breaks; the draft is stored with LF whatever the caller.
  const data = { ...parsedInput, text: parsedInput.text.replace(/\r\n?/g, '\n') };
  if (data.text.includes('\u0000')) throw new DalError('INVALID_INPUT', workflowErrors.nulInText);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('save', actor, revision);
    if (revision.version !== data.baseVersion) {
      await tx.draftConflictCopy.create({ data: { revisionId: revision.id, text: data.text, baseVersion: data.baseVersion, savedById: actor.id } });
      await recordEvent(tx, { action: 'draft.save-conflict', outcome: 'FAILED', actor, context, targetType: 'document', targetId: data.slug, details: { revision: data.number, baseVersion: data.baseVersion, currentVersion: revision.version } });
      return {
        ok: false as const,
        conflict: true as const,
        current: { version: revision.version, text: revision.draftText ?? '', savedAt: (revision.submittedAt ?? revision.createdAt).toISOString() },
        mine: { text: data.text, baseVersion: data.baseVersion },
      };
    }
    const version = revision.version + 1;
    const contributorIds = revision.contributorIds.includes(actor.id) ? revision.contributorIds : [...revision.contributorIds, actor.id];
    await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.save.to, draftText: data.text, version, contributorIds } });
    await recordEvent(tx, { action: 'draft.save', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: { revision: data.number, version, textHash: contentHash(data.text) } });
    return { ok: true as const, version, savedAt: wallClock().toISOString() };
  });
}
