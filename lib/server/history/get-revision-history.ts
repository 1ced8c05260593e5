import 'server-only';
import type { RevisionStatus } from '@/lib/generated/prisma/enums';
import { ZSlug } from '@/lib/schemas/documents';
import { recordDeniedRead, recordRead } from '@/lib/server/audit/record-read';
import { can, getActor, type TActor } from '@/lib/server/auth/actor';
import { fullAccessWhere } from '@/lib/server/auth/document-access';
import { isoDate, todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { findVisibleSummaries } from '@/lib/server/documents/summarize';
import type { TDocumentSummary, TRevisionState } from '@/lib/domain/documents';

/*
 * History, single revisions and comparisons. Readers see approved revisions of documents they
 * may read in full; EDITOR, APPROVER and AUDITOR (revision:read-all) also see drafts, rejected and
 * withdrawn revisions and the review decisions. Readers of a public edition only (外部に周知すべき
 * 事項) get none of this: the history would tell them about the rest of the text. Anything a
 * reader may not see is null, exactly like something that does not exist.
 */

export interface TRevisionEntry {
  /** the revision's stable number: its address in links (/revisions/{number}) and in the audit trail */
  number: number;
  /** 第n版: its place among the approved revisions of the chain; null for a 改正案 */
  edition: number | null;
  /** the stable number of the revision it amends (its predecessor in the chain) */
  amendsNumber: number | null;
  /** for a rebased copy: the scheduled revision it re-applies; for a rebased one: its copy */
  rebasedFromNumber: number | null;
  rebasedToNumber: number | null;
  /** for a 改正案: the revision it was started from */
  baseNumber: number | null;
  status: RevisionStatus;
  state: TRevisionState;
  effectiveDate: string | null;
  changeReason: string | null;
  createdAt: string;
  createdBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  decisions: { decision: 'APPROVE' | 'REJECT'; reviewer: string; comment: string; effectiveDate: string | null; at: string }[];
  /** until when it was in force, for superseded revisions */
  supersededOn: string | null;
}

export interface THistoryView {
  document: TDocumentSummary;
  revisions: TRevisionEntry[];
  /** drafts and review decisions are included */
  full: boolean;
}

async function readableDocument(actor: TActor, slug: string, action: string) {
  if (!ZSlug.safeParse(slug).success) return null;
  const { rows, summaries } = await findVisibleSummaries(actor, todayInJapan(), { AND: [{ slug }, fullAccessWhere(actor)] });
  const row = rows[0];
  const summary = summaries[0];
  if (!row || !summary || summary.edition !== 'full') {
    await recordDeniedRead({ actor, slug, action });
    return null;
  }
  return { id: row.id, summary };
}

function stateOf(r: { status: RevisionStatus; effectiveDate: Date | null; isAbolition: boolean }, inForceNumber: number | null, number: number, today: string): TRevisionState {
  switch (r.status) {
    case 'DRAFT':
      return 'draft';
    case 'IN_REVIEW':
      return 'in-review';
    case 'REJECTED':
      return 'rejected';
    case 'WITHDRAWN':
      return 'withdrawn';
    case 'CONFIRMING':
      return 'confirming';
    case 'REBASED':
      return 'rebased';
    case 'APPROVED':
      if (r.isAbolition && r.effectiveDate && isoDate(r.effectiveDate) <= today) return 'abolition';
      if (r.effectiveDate && isoDate(r.effectiveDate) > today) return 'scheduled';
      return number === inForceNumber ? 'in-force' : 'superseded';
  }
}

async function loadRevisions(documentId: string, full: boolean) {
  const revisions = await db().revision.findMany({
    where: { documentId, ...(full ? {} : { status: 'APPROVED' }) },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      edition: true,
      baseRevisionId: true,
      amends: { select: { number: true } },
      rebasedFrom: { select: { number: true } },
      rebasedTo: { select: { number: true } },
      status: true,
      effectiveDate: true,
      changeReason: true,
      isAbolition: true,
      createdAt: true,
      submittedAt: true,
      approvedAt: true,
      createdBy: { select: { displayName: true } },
      submittedBy: { select: { displayName: true } },
      approvedBy: { select: { displayName: true } },
      decisions: full ? { orderBy: { createdAt: 'asc' }, select: { decision: true, reviewerId: true, comment: true, effectiveDate: true, createdAt: true } } : false,
    },
  });
  const reviewerIds = revisions.flatMap((r) => ('decisions' in r && Array.isArray(r.decisions) ? r.decisions.map((d) => d.reviewerId) : []));
  const reviewers = new Map((await db().user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  return { revisions, reviewers };
}

/** The revision timeline of a document, newest first. */
export async function getRevisionHistory(slug: string): Promise<THistoryView | null> {
  const actor = await getActor();
  const history = await loadHistory(actor, slug, 'document.history-read');
  if (history) await recordRead({ actor, slug, visibility: history.document.visibility, action: 'document.history-read' });
  return history;
}

/** The timeline the actor may see, or null (recording the refusal under `action`) when they may not read the document in full. */
export async function loadHistory(actor: TActor, slug: string, action: string): Promise<THistoryView | null> {
  const document = await readableDocument(actor, slug, action);
  if (!document) return null;
  const full = can(actor, 'revision:read-all');
  const today = todayInJapan();
  const { revisions, reviewers } = await loadRevisions(document.id, full);
  const approvedByDate = revisions.filter((r) => r.status === 'APPROVED' && r.effectiveDate).sort((a, b) => a.effectiveDate!.getTime() - b.effectiveDate!.getTime());
  const entries = revisions.map((r): TRevisionEntry => {
    const next = approvedByDate.find((x) => x.effectiveDate! > r.effectiveDate! && isoDate(x.effectiveDate!) <= today);
    const state = stateOf(r, document.summary.inForce?.number ?? null, r.number, today);
    return {
      number: r.number,
      edition: r.edition,
      amendsNumber: r.amends?.number ?? null,
      rebasedFromNumber: r.rebasedFrom?.number ?? null,
      rebasedToNumber: r.rebasedTo[0]?.number ?? null,
      baseNumber: revisions.find((x) => x.id === r.baseRevisionId)?.number ?? null,
      status: r.status,
      state,
      effectiveDate: r.effectiveDate ? isoDate(r.effectiveDate) : null,
      changeReason: r.changeReason,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy?.displayName ?? null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      submittedBy: r.submittedBy?.displayName ?? null,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      approvedBy: r.approvedBy?.displayName ?? null,
      decisions:
        'decisions' in r && Array.isArray(r.decisions)
          ? r.decisions.map((d) => ({ decision: d.decision, reviewer: reviewers.get(d.reviewerId) ?? '', comment: d.comment, effectiveDate: d.effectiveDate ? isoDate(d.effectiveDate) : null, at: d.createdAt.toISOString() }))
          : [],
      supersededOn: state === 'superseded' && next ? isoDate(next.effectiveDate!) : null,
    };
  });
  return { document: document.summary, revisions: entries, full };
}
