import 'server-only';
import { compareTrees, type TComparison } from '@/lib/policy-text/compare';
import { ZPolicyTree, type TArticle, type TPolicyTree } from '@/lib/policy-text/tree';
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

async function loadHistory(actor: TActor, slug: string, action: string): Promise<THistoryView | null> {
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

export interface TArticleHistoryEntry {
  /** ISO date the change took effect */
  date: string;
  /** 一部改正 / 追加 */
  label: string;
  revisionNumber: number;
}

export interface TRevisionPageView {
  document: TDocumentSummary;
  revision: TRevisionEntry;
  tree: TPolicyTree;
  /** the revision in force today, for 「現行と比較」 */
  inForceNumber: number | null;
  /** the revision it amends (its predecessor in the chain), for 「前の版と比較」 */
  previousNumber: number | null;
  /** per article anchor: the approved revisions that changed it (沿革), oldest first */
  articleHistory: Record<string, TArticleHistoryEntry[]>;
}

/** One revision's full text with its state and, for approved revisions, each article's 沿革. */
export async function getRevisionPage(slug: string, number: number): Promise<TRevisionPageView | null> {
  const actor = await getActor();
  if (!Number.isInteger(number) || number < 1) return null;
  const history = await loadHistory(actor, slug, 'document.read');
  const entry = history?.revisions.find((r) => r.number === number);
  if (!history || !entry) return null;
  await recordRead({ actor, slug, visibility: history.document.visibility, details: { revision: number } });
  const documentId = history.document.id;
  const row = await db().revision.findUniqueOrThrow({ where: { documentId_number: { documentId, number } }, select: { content: true, draftText: true, status: true } });
  const tree = ZPolicyTree.parse(row.content);
  const approved = history.revisions.filter((r) => r.status === 'APPROVED' && r.effectiveDate).sort((a, b) => a.effectiveDate!.localeCompare(b.effectiveDate!));
  const position = approved.findIndex((r) => r.number === number);
  const previousNumber = entry.amendsNumber ?? (entry.status === 'APPROVED' ? null : entry.baseNumber);
  const articleHistory = entry.status === 'APPROVED' ? await articleHistoryUpTo(documentId, approved.slice(0, position + 1).map((r) => ({ number: r.number, effectiveDate: r.effectiveDate! }))) : {};
  return { document: history.document, revision: entry, tree, inForceNumber: history.document.inForce?.number ?? null, previousNumber, articleHistory };
}

const allArticles = (tree: TPolicyTree): TArticle[] => [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];

/**
 * Each article's 沿革 in the last of the given approved revisions: walk the consecutive pairs,
 * follow an article through renumbering by the comparison's alignment, and note the revisions
 * that added or changed it.
 */
async function articleHistoryUpTo(documentId: string, approved: { number: number; effectiveDate: string }[]): Promise<Record<string, TArticleHistoryEntry[]>> {
  if (approved.length === 0) return {};
  const rows = await db().revision.findMany({ where: { documentId, number: { in: approved.map((a) => a.number) } }, select: { number: true, content: true } });
  const trees = new Map(rows.map((r) => [r.number, ZPolicyTree.parse(r.content)]));
  // history keyed by the anchor in the revision being walked
  let current: Record<string, TArticleHistoryEntry[]> = {};
  const first = approved[0]!;
  for (const article of allArticles(trees.get(first.number)!)) current[article.id] = [{ date: first.effectiveDate, label: '制定', revisionNumber: first.number }];
  for (let i = 1; i < approved.length; i += 1) {
    const before = trees.get(approved[i - 1]!.number)!;
    const after = trees.get(approved[i]!.number)!;
    const { rows: compared } = compareTrees(before, after);
    const next: Record<string, TArticleHistoryEntry[]> = {};
    for (const row of compared) {
      if (row.after?.kind !== 'article') continue;
      const past = row.before?.kind === 'article' ? (current[row.before.anchor] ?? []) : [];
      const changed = row.kind === 'modified' || row.kind === 'moved-modified' || row.kind === 'added';
      next[row.after.anchor] = changed ? [...past, { date: approved[i]!.effectiveDate, label: row.kind === 'added' ? '追加' : '一部改正', revisionNumber: approved[i]!.number }] : past;
    }
    current = next;
  }
  return current;
}

export interface TCompareView {
  document: TDocumentSummary;
  from: TRevisionEntry;
  to: TRevisionEntry;
  comparison: TComparison;
  /** server time spent on the comparison, milliseconds */
  elapsedMs: number;
}

/** The 新旧対照表 of two revisions the reader may see (from = 改正前, to = 改正後). */
export async function compareRevisions(slug: string, fromNumber: number, toNumber: number): Promise<TCompareView | null> {
  const actor = await getActor();
  if (![fromNumber, toNumber].every((n) => Number.isInteger(n) && n >= 1)) return null;
  const history = await loadHistory(actor, slug, 'document.compare');
  const from = history?.revisions.find((r) => r.number === fromNumber);
  const to = history?.revisions.find((r) => r.number === toNumber);
  if (!history || !from || !to) return null;
  const rows = await db().revision.findMany({ where: { documentId: history.document.id, number: { in: [fromNumber, toNumber] } }, select: { number: true, content: true } });
  const tree = (n: number) => ZPolicyTree.parse(rows.find((r) => r.number === n)!.content);
  const started = performance.now();
  const comparison = compareTrees(tree(fromNumber), tree(toNumber));
  const elapsedMs = performance.now() - started;
  await recordRead({ actor, slug, visibility: history.document.visibility, action: 'document.compare', details: { from: fromNumber, to: toNumber } });
  return { document: history.document, from, to, comparison, elapsedMs };
}

