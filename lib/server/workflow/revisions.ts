import 'server-only';
import { parsePolicyText, serializePolicyText, toPlainText, formatWareki, type TPolicyTree } from '@/lib/policy-text';
import { ZPolicyTree } from '@/lib/policy-text/tree';
import { Prisma } from '@/lib/generated/prisma/client';
import { ZRejectInput, ZReviewInput, ZSaveDraftInput, ZStartDraftInput, ZSubmitInput, ZWithdrawInput } from '@/lib/schemas/workflow';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission, PermissionDeniedError } from '@/lib/server/auth/actor';
import { dateColumn, isoDate, todayInJapan, wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { contentHash } from '@/lib/server/documents/import-revision';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';
import { carryExcerptsOnApproval, fixExcerptsOnSubmit } from '@/lib/server/excerpts/revision-excerpts';
import { indexRevision } from '@/lib/server/search/index-revision';
import { assertBaseIsPredecessor, linkLabel, loadChain, renumberEditions } from '@/lib/server/workflow/chain';
import { lockRevision } from '@/lib/server/workflow/load';
import { rebaseLaterRevisions } from '@/lib/server/workflow/rebase';
import { checkTransition, STARTED_STATUS, TRANSITION_MESSAGES, TRANSITIONS, type TWorkflowAction } from '@/lib/server/workflow/state-machine';

export type TUserActor = Extract<Awaited<ReturnType<typeof getActor>>, { kind: 'user' }>;

export function assertTransition(action: TWorkflowAction, actor: TUserActor, revision: { status: Parameters<typeof checkTransition>[0]['status']; contributorIds: string[] }): void {
  const check = checkTransition({ action, status: revision.status, permissions: actor.permissions, isContributor: revision.contributorIds.includes(actor.id) });
  if (check.ok) return;
  if (check.reason === 'permission') throw new PermissionDeniedError(TRANSITIONS[action].permission);
  throw new DalError(check.reason === 'status' ? 'CONFLICT' : 'INVALID_INPUT', TRANSITION_MESSAGES[check.reason]);
}

const PROVISION_NOUN = { BASIC_POLICY: '基本方針', STANDARD: '基準', SAFETY_MANAGEMENT_STANDARD: '基準', PROCEDURE: '手順' } as const;

/** The tree with the supplementary provision (付則) for a new effective date appended. */
export function withSupplementaryProvision(tree: TPolicyTree, kind: keyof typeof PROVISION_NOUN, effectiveDate: string): TPolicyTree {
  const heading = tree.supplementaryProvisions.at(-1)?.heading ?? '付則';
  const id = `sp${tree.supplementaryProvisions.length + 1}`;
  return {
    ...tree,
    supplementaryProvisions: [
      ...tree.supplementaryProvisions,
      { type: 'supplementary', id, heading, paragraphs: [`この${PROVISION_NOUN[kind]}は、${formatWareki(effectiveDate)}から施行する。`], effectiveDate },
    ],
  };
}

/**
 * Starts a draft from the last revision of the chain, scheduled ones included (docs/decisions/007),
 * or from an earlier one the editor chose (`baseNumber`: the one in force or a scheduled one) for an
 * amendment that must take effect before a scheduled one. The database allows one open draft per
 * document; a second start returns the open one.
 */
export async function startDraft(input: unknown): Promise<{ number: number; created: boolean }> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const { slug, abolition, baseNumber } = parseInput(ZStartDraftInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { slug }, select: { id: true } });
    if (!document) throw new DalError('NOT_FOUND', '文書が見つかりません。');
    await tx.$queryRaw`SELECT 1 FROM documents WHERE id = ${document.id}::uuid FOR UPDATE`;
    const open = await tx.revision.findFirst({ where: { documentId: document.id, status: { in: ['DRAFT', 'IN_REVIEW'] } }, select: { number: true } });
    if (open) return { number: open.number, created: false };
    const choices = baseChoices(await loadChain(tx, document.id), todayInJapan());
    if (choices.length === 0) throw new DalError('INVALID_INPUT', '承認済みの版がないため、改正案を作成できません。');
    const chosen = baseNumber === undefined || abolition ? choices.at(-1) : choices.find((link) => link.number === baseNumber);
    if (!chosen) throw new DalError('INVALID_INPUT', '選んだ版をもとに改正案を作成することはできません。現行の版か施行予定の版を選んでください。');
    const base = await tx.revision.findUniqueOrThrow({ where: { id: chosen.id } });
    const tree = ZPolicyTree.parse(base.content);
    const last = await tx.revision.aggregate({ where: { documentId: document.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const text = serializePolicyText(tree);
    await tx.revision.create({
      data: {
        documentId: document.id,
        number,
        status: STARTED_STATUS,
        content: tree as unknown as Prisma.InputJsonValue,
        plainText: toPlainText(tree),
        contentHash: contentHash(toPlainText(tree)),
        draftText: text,
        baseRevisionId: base.id,
        createdById: actor.id,
        contributorIds: [actor.id],
        isAbolition: abolition,
      },
    });
    await recordEvent(tx, { action: 'draft.create', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: slug, details: { revision: number, baseRevision: base.number, baseEdition: base.edition, abolition } });
    return { number, created: true };
  });
}

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
  if (data.text.includes('\u0000')) throw new DalError('INVALID_INPUT', '本文に使用できない文字（NUL）が含まれています。');
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

/** Submits a draft: its text must parse, a change reason and a future (or today's) effective date are required. */
export async function submitRevision(input: unknown): Promise<{ number: number }> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const data = parseInput(ZSubmitInput, input);
  if (data.effectiveDate < todayInJapan()) throw new DalError('INVALID_INPUT', '施行日に過去の日付は指定できません。');
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { document, revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('submit', actor, revision);
    const parsed = parsePolicyText(revision.draftText ?? '');
    if (!parsed.ok) throw new DalError('PARSE_FAILED', parsed.errors.map((e) => e.message).join('\n'), parsed.errors);
    await assertDateFree(tx, revision.documentId, data.effectiveDate);
    assertBaseIsPredecessor({ chain: await loadChain(tx, revision.documentId), baseRevisionId: revision.baseRevisionId, date: data.effectiveDate });
    // Whoever submits counts as a contributor (they may not approve it), and the number of
    // approvals it needs is the document's setting now: a later change of the setting does not apply.
    const contributorIds = revision.contributorIds.includes(actor.id) ? revision.contributorIds : [...revision.contributorIds, actor.id];
    await fixExcerptsOnSubmit(tx, { revisionId: revision.id, tree: parsed.tree });
    const plainText = toPlainText(parsed.tree);
    await tx.revision.update({
      where: { id: revision.id },
      data: {
        status: TRANSITIONS.submit.to,
        content: parsed.tree as unknown as Prisma.InputJsonValue,
        plainText,
        contentHash: contentHash(plainText),
        changeReason: data.changeReason,
        effectiveDate: dateColumn(data.effectiveDate),
        submittedAt: wallClock(),
        submittedById: actor.id,
        contributorIds,
        requiredApprovals: document.requiredApprovals,
        rebaseConflict: Prisma.DbNull,
      },
    });
    await recordEvent(tx, {
      action: 'revision.submit',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: { revision: data.number, changeReason: data.changeReason, effectiveDate: data.effectiveDate, contentHash: contentHash(plainText), required: document.requiredApprovals },
    });
    return { number: data.number };
  });
}

async function baseNumber(tx: Prisma.TransactionClient, baseRevisionId: string | null): Promise<number | null> {
  if (!baseRevisionId) return null;
  return (await tx.revision.findUnique({ where: { id: baseRevisionId }, select: { number: true } }))?.number ?? null;
}

/** The date another revision of the chain takes effect on, as a sentence; null when the date is free. */
export async function dateClash(tx: Prisma.TransactionClient, documentId: string, effectiveDate: string): Promise<string | null> {
  const clash = await tx.revision.findFirst({ where: { documentId, status: { in: ['APPROVED', 'CONFIRMING'] }, effectiveDate: dateColumn(effectiveDate) }, select: { number: true, edition: true } });
  return clash ? `施行日 ${formatWareki(effectiveDate)} には既に${linkLabel(clash)}が施行されます。別の日付を指定してください。` : null;
}

async function assertDateFree(tx: Prisma.TransactionClient, documentId: string, effectiveDate: string): Promise<void> {
  const clash = await dateClash(tx, documentId, effectiveDate);
  if (clash) throw new DalError('INVALID_INPUT', clash);
}

/** The revisions a draft may start from: the one in force today and every scheduled one, oldest first. */
export function baseChoices<T extends { status: string; effectiveDate: string }>(chain: T[], today: string): T[] {
  const approved = chain.filter((link) => link.status === 'APPROVED');
  const inForce = approved.filter((link) => link.effectiveDate <= today).at(-1);
  return approved.filter((link) => link === inForce || link.effectiveDate > today);
}

/**
 * Records an approval. Separation of duties: no author or editor of the revision approves it, and
 * each approval of one review round comes from a different approver. The last required approval
 * makes the revision APPROVED with its effective date and appends its 付則.
 */
export type TApproveResult = {
  approved: boolean;
  approvals: number;
  required: number;
  /** scheduled revisions re-applied on top: their copies wait for confirmation (numbers of the copies) */
  rebased?: number[];
  /** the approval did not go through: a scheduled revision changes the same text; the draft is back with its editor */
  overlap?: { scheduledNumber: number; scheduledEdition: number | null };
};

export async function approveRevision(input: unknown): Promise<TApproveResult> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const data = parseInput(ZReviewInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { document, revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('approve', actor, revision);
    const round = await tx.reviewDecision.findMany({ where: { revisionId: revision.id, decision: 'APPROVE', createdAt: { gte: revision.submittedAt ?? revision.createdAt } }, select: { reviewerId: true } });
    if (round.some((d) => d.reviewerId === actor.id)) throw new DalError('INVALID_INPUT', 'この版は既に承認済みです。別の承認者の承認が必要です。');
    const effectiveDate = data.effectiveDate ?? (revision.effectiveDate ? isoDate(revision.effectiveDate) : null);
    if (!effectiveDate) throw new DalError('INVALID_INPUT', '施行日を入力してください。');
    if (effectiveDate < todayInJapan()) throw new DalError('INVALID_INPUT', '施行日に過去の日付は指定できません。');
    await assertDateFree(tx, revision.documentId, effectiveDate);
    const chain = await loadChain(tx, revision.documentId);
    const waiting = chain.find((link) => link.status === 'CONFIRMING');
    if (waiting) throw new DalError('CONFLICT', `確認待ちの改正（整理番号${waiting.number}）があります。先にその確認を済ませてから承認してください。`);
    // Never applied on a stale base: the revision must amend the one right before its date.
    const predecessor = assertBaseIsPredecessor({ chain, baseRevisionId: revision.baseRevisionId, date: effectiveDate });
    const later = chain.filter((link) => link.effectiveDate > effectiveDate);
    if (later.length > 0 && revision.isAbolition) throw new DalError('INVALID_INPUT', '施行予定の改正があるため、その前の日付で廃止することはできません。施行日を見直してください。');
    const required = revision.requiredApprovals ?? document.requiredApprovals;
    const approvals = round.length + 1;
    const approved = approvals >= required;
    const candidate = withSupplementaryProvision(ZPolicyTree.parse(revision.content), document.kind, effectiveDate);
    const tree = approved ? candidate : null;
    // Landing before scheduled revisions: their changes are re-applied on top, or, where they
    // overlap this one's, the approval does not go through and the draft goes back to its editor.
    // Checked at every approval of the round, so that an overlap is found at the first.
    const rebase = later.length > 0 ? await rebaseLaterRevisions(tx, { documentId: revision.documentId, predecessorId: predecessor?.id ?? null, tree: candidate, later }) : null;
    if (rebase && !rebase.ok) {
      await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.overlap.to, version: revision.version + 1, rebaseConflict: rebase.conflict as unknown as Prisma.InputJsonValue } });
      await recordEvent(tx, {
        action: 'revision.approve-overlap',
        outcome: 'FAILED',
        actor,
        context,
        targetType: 'document',
        targetId: data.slug,
        details: { revision: data.number, scheduledRevision: rebase.conflict.scheduled.number, scheduledEdition: rebase.conflict.scheduled.edition, comment: data.comment, effectiveDate, regions: rebase.conflict.regions },
      });
      return { approved: false, approvals: round.length, required, overlap: { scheduledNumber: rebase.conflict.scheduled.number, scheduledEdition: rebase.conflict.scheduled.edition } };
    }
    await tx.reviewDecision.create({ data: { revisionId: revision.id, reviewerId: actor.id, decision: 'APPROVE', comment: data.comment, effectiveDate: dateColumn(effectiveDate), createdAt: wallClock() } });
    let rebased: { from: number; fromEdition: number | null; copy: number }[] = [];
    if (tree) {
      const plainText = toPlainText(tree);
      await carryExcerptsOnApproval(tx, { revisionId: revision.id, tree, actor, context, slug: data.slug });
      await tx.revision.update({
        where: { id: revision.id },
        data: {
          status: TRANSITIONS.approve.to,
          content: tree as unknown as Prisma.InputJsonValue,
          plainText,
          contentHash: contentHash(plainText),
          effectiveDate: dateColumn(effectiveDate),
          approvedAt: wallClock(),
          approvedById: actor.id,
          amendsRevisionId: predecessor?.id ?? null,
          rebaseConflict: Prisma.DbNull,
        },
      });
      if (rebase?.ok) rebased = await rebase.apply(revision.id);
      await renumberEditions(tx, revision.documentId);
      await indexRevision(tx, revision.id);
    }
    const edition = tree ? ((await tx.revision.findUniqueOrThrow({ where: { id: revision.id }, select: { edition: true } })).edition ?? null) : null;
    await recordEvent(tx, {
      action: 'revision.approve',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.slug,
      details: {
        revision: data.number,
        baseRevision: await baseNumber(tx, revision.baseRevisionId),
        comment: data.comment,
        effectiveDate,
        approvals,
        required,
        final: approved,
        ...(tree ? { edition, amendsRevision: predecessor?.number ?? null } : {}),
        ...(rebased.length > 0 ? { rebased } : {}),
      },
    });
    return { approved, approvals, required, ...(rebased.length > 0 ? { rebased: rebased.map((r) => r.copy) } : {}) };
  });
}

/** Sends a revision back to its author as a draft, with the reason; the rejection stays in the history. */
export async function rejectRevision(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const data = parseInput(ZRejectInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const { revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('reject', actor, revision);
    await tx.reviewDecision.create({ data: { revisionId: revision.id, reviewerId: actor.id, decision: 'REJECT', comment: data.comment, createdAt: wallClock() } });
    await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.reject.to, version: revision.version + 1 } });
    await recordEvent(tx, { action: 'revision.reject', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: { revision: data.number, comment: data.comment } });
  });
}

/** Discards a draft or withdraws a revision in review; it stays in the history as WITHDRAWN. */
export async function withdrawRevision(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const data = parseInput(ZWithdrawInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const { revision } = await lockRevision(tx, data.slug, data.number);
    assertTransition('withdraw', actor, revision);
    await tx.revision.update({ where: { id: revision.id }, data: { status: TRANSITIONS.withdraw.to } });
    await recordEvent(tx, { action: 'draft.withdraw', outcome: 'SUCCESS', actor, context, targetType: 'document', targetId: data.slug, details: { revision: data.number } });
  });
}
