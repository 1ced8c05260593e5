import 'server-only';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import type { TDocumentSummary } from '@/lib/domain/documents';
import { compareTrees, type TComparison } from '@/lib/policy-text/compare';
import { recordRead } from '@/lib/server/audit/record-read';
import { getActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { loadHistory, type TRevisionEntry } from '@/lib/server/history/get-revision-history';

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
  const tree = (n: number) => readDeepTree(rows.find((r) => r.number === n)!.content);
  const started = performance.now();
  const comparison = compareTrees(tree(fromNumber), tree(toNumber));
  const elapsedMs = performance.now() - started;
  await recordRead({ actor, slug, visibility: history.document.visibility, action: 'document.compare', details: { from: fromNumber, to: toNumber } });
  return { document: history.document, from, to, comparison, elapsedMs };
}

