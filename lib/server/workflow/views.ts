import 'server-only';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { compareTrees, type TComparison } from '@/lib/policy-text/compare';
import { cache } from 'react';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RevisionStatus } from '@/lib/generated/prisma/enums';
import { ZSlug } from '@/lib/schemas/documents';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { isoDate, todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { baseChoices, loadChain, predecessorOn } from '@/lib/server/workflow/chain';
import type { TRebaseConflict } from '@/lib/server/workflow/rebase';

export interface TDecisionView {
  decision: 'APPROVE' | 'REJECT';
  reviewer: string;
  comment: string;
  effectiveDate: string | null;
  at: string;
}

export interface TDraftEditorView {
  slug: string;
  title: string;
  kind: string;
  number: number;
  status: 'DRAFT' | 'IN_REVIEW';
  version: number;
  text: string;
  changeReason: string | null;
  effectiveDate: string | null;
  isAbolition: boolean;
  decisions: TDecisionView[];
  conflictCopies: { id: string; text: string; baseVersion: number; at: string; by: string }[];
  /** the text in force when the draft was started, for the side-by-side view */
  baseText: string | null;
  /** the revision the draft was started from: 「第3版（令和8年12月6日施行予定）をもとにします」 */
  base: { number: number; edition: number | null; effectiveDate: string; scheduled: boolean } | null;
  /** the last approval was refused: a scheduled revision changes the same text (both texts) */
  rebaseConflict: TRebaseConflict | null;
}

export interface TStartDraftView {
  /** the revisions a draft may start from, oldest first; the last one is the default */
  choices: { number: number; edition: number; effectiveDate: string; scheduled: boolean }[];
}

/** What the start-draft panel offers: the revision in force and the scheduled ones. */
export async function getStartDraftOptions(slug: string): Promise<TStartDraftView | null> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  if (!ZSlug.safeParse(slug).success) return null;
  const document = await db().document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) return null;
  const today = todayInJapan();
  const chain = await db().$transaction((tx) => loadChain(tx, document.id));
  return { choices: baseChoices(chain, today).map((link) => ({ number: link.number, edition: link.edition ?? link.number, effectiveDate: link.effectiveDate, scheduled: link.effectiveDate > today })) };
}

async function names(ids: string[]): Promise<Map<string, string>> {
  const users = await db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true, loginId: true } });
  return new Map(users.map((u) => [u.id, `${u.displayName}（${u.loginId}）`]));
}

/** The open draft of a document for its editors; null when there is none (or the slug is unknown). */
export async function getDraftEditor(slug: string): Promise<TDraftEditorView | null> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  if (!ZSlug.safeParse(slug).success) return null;
  const document = await db().document.findUnique({ where: { slug }, select: { id: true, title: true, kind: true, slug: true } });
  if (!document) return null;
  const revision = await db().revision.findFirst({
    where: { documentId: document.id, status: { in: ['DRAFT', 'IN_REVIEW'] } },
    include: { decisions: { orderBy: { createdAt: 'asc' } }, conflictCopies: { orderBy: { createdAt: 'desc' }, take: 20 } },
  });
  if (!revision) return null;
  const base = revision.baseRevisionId ? await db().revision.findUnique({ where: { id: revision.baseRevisionId }, select: { plainText: true, number: true, edition: true, effectiveDate: true } }) : null;
  const who = await names([...revision.decisions.map((d) => d.reviewerId), ...revision.conflictCopies.map((c) => c.savedById)]);
  return {
    slug: document.slug,
    title: document.title,
    kind: document.kind,
    number: revision.number,
    status: revision.status as 'DRAFT' | 'IN_REVIEW',
    version: revision.version,
    text: revision.draftText ?? '',
    changeReason: revision.changeReason,
    effectiveDate: revision.effectiveDate ? isoDate(revision.effectiveDate) : null,
    isAbolition: revision.isAbolition,
    decisions: revision.decisions.map((d) => ({ decision: d.decision, reviewer: who.get(d.reviewerId) ?? '', comment: d.comment, effectiveDate: d.effectiveDate ? isoDate(d.effectiveDate) : null, at: d.createdAt.toISOString() })),
    conflictCopies: revision.conflictCopies.map((c) => ({ id: c.id, text: c.text, baseVersion: c.baseVersion, at: c.createdAt.toISOString(), by: who.get(c.savedById) ?? '' })),
    baseText: base?.plainText ?? null,
    base: base?.effectiveDate ? { number: base.number, edition: base.edition, effectiveDate: isoDate(base.effectiveDate), scheduled: isoDate(base.effectiveDate) > todayInJapan() } : null,
    rebaseConflict: (revision.rebaseConflict as TRebaseConflict | null) ?? null,
  };
}

export interface TQueueItem {
  slug: string;
  title: string;
  number: number;
  /** review: a submitted 改正案; confirm: a scheduled revision rebased on one approved before it */
  kind: 'review' | 'confirm';
  submittedAt: string;
  submittedBy: string;
  changeReason: string;
  effectiveDate: string | null;
  approvals: number;
  required: number;
  /** false when the viewer authored or edited it, or already approved it in this round */
  canDecide: boolean;
  /** why not: 'contributor' (authored or edited it) or 'approved' (approved it in this round) */
  cannotDecide: 'contributor' | 'approved' | null;
}

function decidable(contributor: boolean, approved: boolean): Pick<TQueueItem, 'canDecide' | 'cannotDecide'> {
  const cannotDecide = contributor ? 'contributor' : approved ? 'approved' : null;
  return { canDecide: cannotDecide === null, cannotDecide };
}

/** What the approvers decide on: 改正案 in review and rebased copies waiting for confirmation. */
const AWAITING_DECISION = ['IN_REVIEW', 'CONFIRMING'] satisfies RevisionStatus[];

const queueItemInclude = {
  document: { select: { slug: true, title: true, requiredApprovals: true } },
  decisions: { orderBy: { createdAt: 'asc' } },
  submittedBy: { select: { displayName: true } },
} satisfies Prisma.RevisionInclude;

type TQueueRow = Prisma.RevisionGetPayload<{ include: typeof queueItemInclude }>;

/** Revisions waiting for approval, oldest first. */
export async function listApprovalQueue(): Promise<TQueueItem[]> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const revisions = await db().revision.findMany({
    where: { status: { in: AWAITING_DECISION } },
    orderBy: [{ submittedAt: 'asc' }, { number: 'asc' }],
    include: queueItemInclude,
  });
  return revisions.map((r) => toQueueItem(r, actor.id));
}

function toQueueItem(r: TQueueRow, actorId: string): TQueueItem {
  const confirm = r.status === 'CONFIRMING';
  // A rebased copy starts a round of its own: the original's approvals were for another text.
  const round = confirm ? r.decisions.filter((d) => d.decision === 'APPROVE') : r.decisions.filter((d) => d.decision === 'APPROVE' && d.createdAt >= (r.submittedAt ?? r.createdAt));
  return {
    slug: r.document.slug,
    title: r.document.title,
    number: r.number,
    kind: confirm ? ('confirm' as const) : ('review' as const),
    submittedAt: (r.submittedAt ?? r.createdAt).toISOString(),
    submittedBy: r.submittedBy?.displayName ?? '',
    changeReason: r.changeReason ?? '',
    effectiveDate: r.effectiveDate ? isoDate(r.effectiveDate) : null,
    approvals: round.length,
    required: r.requiredApprovals ?? r.document.requiredApprovals,
    ...decidable(r.contributorIds.includes(actorId), round.some((d) => d.reviewerId === actorId)),
  };
}

export interface TReviewView extends TQueueItem {
  /** the text under review, as the editor wrote it (canonical form of the stored tree) */
  text: string;
  /** the 新旧対照表 of the revision it amends (改正前) and this revision (改正後); null for a first revision */
  comparison: TComparison | null;
  /** the revision it amends: its predecessor in the chain (scheduled ones included); null for a first revision */
  inForce: { number: number; edition: number | null; effectiveDate: string; scheduled: boolean; confirming: boolean } | null;
  /** for a rebased copy: the scheduled revision as it was approved */
  rebasedFrom: { number: number; edition: number | null } | null;
  /** the revision was started from another revision than the one it would now amend: approving it is refused */
  staleBase: boolean;
  /** scheduled revisions after this one's date, which an approval re-applies on top (to be confirmed) */
  later: { number: number; edition: number | null; effectiveDate: string }[];
  decisions: TDecisionView[];
  isAbolition: boolean;
  /** the editor's 実質改正 / 形式改正 mark (null: from before the mark, counts as substantive) */
  changeKind: 'SUBSTANTIVE' | 'WORDING' | null;
}

/** One revision in review with what an approver needs to decide. */
export async function getReviewView(slug: string, number: number): Promise<TReviewView | null> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  if (!ZSlug.safeParse(slug).success || !Number.isInteger(number)) return null;
  // Only a revision awaiting a decision has a review: anything else answers like a missing one.
  const revision = await db().revision.findFirst({
    where: { document: { slug }, number, status: { in: AWAITING_DECISION } },
    include: { ...queueItemInclude, rebasedFrom: { select: { number: true, edition: true } } },
  });
  if (!revision) return null;
  const item = toQueueItem(revision, actor.id);
  const chain = (await db().$transaction((tx) => loadChain(tx, revision.documentId))).filter((link) => link.id !== revision.id);
  const date = revision.effectiveDate ? isoDate(revision.effectiveDate) : null;
  // 改正前 is always the revision this one amends: a rebased copy's recorded predecessor, a 改正案's
  // predecessor in the chain at its date (which must be the revision it was started from).
  const predecessorId = item.kind === 'confirm' ? revision.amendsRevisionId : date ? (predecessorOn(chain, date)?.id ?? null) : revision.baseRevisionId;
  const staleBase = item.kind === 'review' && predecessorId !== revision.baseRevisionId;
  const shownId = staleBase ? revision.baseRevisionId : predecessorId;
  const predecessor = shownId ? await db().revision.findUnique({ where: { id: shownId } }) : null;
  const who = await names(revision.decisions.map((d) => d.reviewerId));
  const tree = readDeepTree(revision.content);
  const today = todayInJapan();
  return {
    ...item,
    text: serializeDeepTree(tree),
    comparison: predecessor ? compareTrees(readDeepTree(predecessor.content), tree) : null,
    inForce: predecessor
      ? {
          number: predecessor.number,
          edition: predecessor.edition,
          effectiveDate: isoDate(predecessor.effectiveDate!),
          scheduled: isoDate(predecessor.effectiveDate!) > today,
          confirming: predecessor.status === 'CONFIRMING',
        }
      : null,
    rebasedFrom: revision.rebasedFrom ? { number: revision.rebasedFrom.number, edition: revision.rebasedFrom.edition } : null,
    staleBase,
    later: item.kind === 'review' && date ? chain.filter((link) => link.effectiveDate > date).map((link) => ({ number: link.number, edition: link.edition, effectiveDate: link.effectiveDate })) : [],
    decisions: revision.decisions.map((d) => ({ decision: d.decision, reviewer: who.get(d.reviewerId) ?? '', comment: d.comment, effectiveDate: d.effectiveDate ? isoDate(d.effectiveDate) : null, at: d.createdAt.toISOString() })),
    isAbolition: revision.isAbolition,
    changeKind: revision.changeKind,
  };
}

export interface TTasks {
  drafts: { slug: string; title: string; number: number; status: string }[];
  toApprove: TQueueItem[];
  rejected: { slug: string; title: string; number: number; comment: string; by: string; at: string }[];
  count: number;
}

/** What waits for the signed-in person: their drafts, revisions to approve, rejections to answer (once per request). */
export const getMyTasks = cache(async (): Promise<TTasks | null> => {
  const actor = await getActor();
  if (actor.kind !== 'user') return null;
  const drafts = actor.permissions.has('revision:draft')
    ? await db().revision.findMany({
        where: { status: { in: ['DRAFT', 'IN_REVIEW'] }, contributorIds: { has: actor.id } },
        include: { document: { select: { slug: true, title: true } }, decisions: { orderBy: { createdAt: 'desc' }, take: 1 } },
        orderBy: { createdAt: 'asc' },
      })
    : [];
  const rejectedRows = drafts.filter((d) => d.status === 'DRAFT' && d.decisions[0]?.decision === 'REJECT');
  const who = await names(rejectedRows.map((d) => d.decisions[0]!.reviewerId));
  const toApprove = actor.permissions.has('revision:approve') ? (await listApprovalQueue()).filter((q) => q.canDecide) : [];
  const result: TTasks = {
    drafts: drafts.map((d) => ({ slug: d.document.slug, title: d.document.title, number: d.number, status: d.status })),
    toApprove,
    rejected: rejectedRows.map((d) => ({ slug: d.document.slug, title: d.document.title, number: d.number, comment: d.decisions[0]!.comment, by: who.get(d.decisions[0]!.reviewerId) ?? '', at: d.decisions[0]!.createdAt.toISOString() })),
    count: 0,
  };
  result.count = result.drafts.filter((d) => d.status === 'DRAFT').length + result.toApprove.length;
  return result;
});
