import 'server-only';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import type { TDocumentSummary } from '@/lib/domain/documents';
import { compareTrees } from '@/lib/policy-text/compare';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { allArticles } from '@/lib/policy-text/excerpts';
import { recordRead } from '@/lib/server/audit/record-read';
import { getActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { loadHistory, type TRevisionEntry } from '@/lib/server/history/get-revision-history';

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
  tree: TDeepTree;
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
  const tree = readDeepTree(row.content);
  const approved = history.revisions.filter((r) => r.status === 'APPROVED' && r.effectiveDate).sort((a, b) => a.effectiveDate!.localeCompare(b.effectiveDate!));
  const position = approved.findIndex((r) => r.number === number);
  const previousNumber = entry.amendsNumber ?? (entry.status === 'APPROVED' ? null : entry.baseNumber);
  const articleHistory = entry.status === 'APPROVED' ? await articleHistoryUpTo(documentId, approved.slice(0, position + 1).map((r) => ({ number: r.number, effectiveDate: r.effectiveDate! }))) : {};
  return { document: history.document, revision: entry, tree, inForceNumber: history.document.inForce?.number ?? null, previousNumber, articleHistory };
}

/**
 * Each article's 沿革 in the last of the given approved revisions: walk the consecutive pairs,
 * follow an article through renumbering by the comparison's alignment, and note the revisions
 * that added or changed it.
 */
async function articleHistoryUpTo(documentId: string, approved: { number: number; effectiveDate: string }[]): Promise<Record<string, TArticleHistoryEntry[]>> {
  if (approved.length === 0) return {};
  const rows = await db().revision.findMany({ where: { documentId, number: { in: approved.map((a) => a.number) } }, select: { number: true, content: true } });
  const trees = new Map(rows.map((r) => [r.number, readDeepTree(r.content)]));
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
