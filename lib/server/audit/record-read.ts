import 'server-only';
import { afterResponse } from '@/lib/server/after-response';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { recordRefusalNow } from '@/lib/server/audit/record-refusal';
import type { TActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { getRequestContext } from '@/lib/server/request-context';

/*
 * Reads of non-public documents and denied attempts go into the audit trail after the response
 * is sent, so that a hidden document and a missing one answer alike and in the same time.
 */

export async function recordRead(input: { actor: TActor; slug: string; visibility: string; action?: string; details?: Record<string, unknown> }): Promise<void> {
  if (input.visibility === 'PUBLIC') return;
  const context = await getRequestContext();
  await afterResponse(() =>
    recordStandaloneEvent({
      action: input.action ?? 'document.read',
      outcome: 'SUCCESS',
      actor: input.actor,
      context,
      targetType: 'document',
      targetId: input.slug,
      details: { slug: input.slug, visibility: input.visibility, ...input.details },
    }),
  );
}

/**
 * A lookup that found nothing: recorded as a denied attempt only when the document exists.
 * Anonymous attempts are counted per hour, address and document (ADR 010).
 */
export async function recordDeniedRead(input: { actor: TActor; slug: string; action?: string; details?: Record<string, unknown> }): Promise<void> {
  const context = await getRequestContext();
  await afterResponse(async () => {
    const existing = await db().document.findUnique({ where: { slug: input.slug }, select: { visibility: true } });
    if (!existing) return;
    await recordRefusalNow(
      {
        actor: input.actor,
        action: input.action ?? 'document.read',
        targetType: 'document',
        targetId: input.slug,
        reason: 'hidden',
        details: { slug: input.slug, visibility: existing.visibility, ...input.details },
      },
      context,
    );
  });
}
