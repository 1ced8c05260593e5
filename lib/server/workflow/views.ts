import 'server-only';
import { compareTrees, type TComparison } from '@/lib/policy-text/compare';
import { ZPolicyTree, type TPolicyTree } from '@/lib/policy-text/tree';
import { cache } from 'react';
import { ZSlug } from '@/lib/schemas/documents';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { dateColumn, isoDate, todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';

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
  const base = revision.baseRevisionId ? await db().revision.findUnique({ where: { id: revision.baseRevisionId }, select: { plainText: true } }) : null;
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
  };
}

export interface TQueueItem {
  slug: string;
  title: string;
  number: number;
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

/** Revisions waiting for approval, oldest first. */
export async function listApprovalQueue(): Promise<TQueueItem[]> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  const revisions = await db().revision.findMany({
    where: { status: 'IN_REVIEW' },
    orderBy: { submittedAt: 'asc' },
    include: { document: { select: { slug: true, title: true, requiredApprovals: true } }, decisions: true, submittedBy: { select: { displayName: true } } },
  });
  return revisions.map((r) => {
    const round = r.decisions.filter((d) => d.decision === 'APPROVE' && d.createdAt >= (r.submittedAt ?? r.createdAt));
    return {
      slug: r.document.slug,
      title: r.document.title,
      number: r.number,
      submittedAt: (r.submittedAt ?? r.createdAt).toISOString(),
      submittedBy: r.submittedBy?.displayName ?? '',
      changeReason: r.changeReason ?? '',
      effectiveDate: r.effectiveDate ? isoDate(r.effectiveDate) : null,
      approvals: round.length,
      required: r.document.requiredApprovals,
      ...decidable(r.contributorIds.includes(actor.id), round.some((d) => d.reviewerId === actor.id)),
    };
  });
}

export interface TReviewView extends TQueueItem {
  tree: TPolicyTree;
  /** the 新旧対照表 of the text in force (改正前) and this revision (改正後); null for a first revision */
  comparison: TComparison | null;
  /** the revision in force today, to compare against; null for a first revision */
  inForce: { number: number; tree: TPolicyTree; effectiveDate: string } | null;
  decisions: TDecisionView[];
  isAbolition: boolean;
}

/** One revision in review with what an approver needs to decide. */
export async function getReviewView(slug: string, number: number): Promise<TReviewView | null> {
  const actor = await getActor();
  requirePermission(actor, 'revision:approve');
  if (!ZSlug.safeParse(slug).success || !Number.isInteger(number)) return null;
  const queue = await listApprovalQueue();
  const item = queue.find((q) => q.slug === slug && q.number === number);
  if (!item) return null;
  const revision = await db().revision.findFirstOrThrow({ where: { document: { slug }, number }, include: { decisions: { orderBy: { createdAt: 'asc' } } } });
  const inForce = await db().revision.findFirst({
    where: { documentId: revision.documentId, status: 'APPROVED', effectiveDate: { lte: dateColumn(todayInJapan()) } },
    orderBy: { effectiveDate: 'desc' },
  });
  const who = await names(revision.decisions.map((d) => d.reviewerId));
  const tree = ZPolicyTree.parse(revision.content);
  return {
    ...item,
    tree,
    comparison: inForce ? compareTrees(ZPolicyTree.parse(inForce.content), tree) : null,
    inForce: inForce ? { number: inForce.number, tree: ZPolicyTree.parse(inForce.content), effectiveDate: isoDate(inForce.effectiveDate!) } : null,
    decisions: revision.decisions.map((d) => ({ decision: d.decision, reviewer: who.get(d.reviewerId) ?? '', comment: d.comment, effectiveDate: d.effectiveDate ? isoDate(d.effectiveDate) : null, at: d.createdAt.toISOString() })),
    isAbolition: revision.isAbolition,
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
