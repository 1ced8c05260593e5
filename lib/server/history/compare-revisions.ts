import 'server-only';
import type { TDocumentSummary } from '@/lib/domain/documents';
import { historyMessages } from '@/lib/messages/history';
import { compareTrees, type TComparison } from '@/lib/policy-text/compare';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { formatWareki } from '@/lib/policy-text/wareki';
import { comparisonDocx } from '@/lib/policy-text-export/comparison-docx';
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

/**
 * Two revisions the reader may see, compared; null for a revision the reader may not see exactly
 * as for a missing one. `action` names the read in the audit trail (viewing, or downloading).
 */
async function comparison(slug: string, fromNumber: number, toNumber: number, action: 'document.compare' | 'document.compare-export'): Promise<TCompareView | null> {
  const actor = await getActor();
  if (![fromNumber, toNumber].every((n) => Number.isInteger(n) && n >= 1)) return null;
  const history = await loadHistory(actor, slug, action);
  const from = history?.revisions.find((r) => r.number === fromNumber);
  const to = history?.revisions.find((r) => r.number === toNumber);
  if (!history || !from || !to) return null;
  const rows = await db().revision.findMany({ where: { documentId: history.document.id, number: { in: [fromNumber, toNumber] } }, select: { number: true, content: true } });
  const tree = (n: number) => readDeepTree(rows.find((r) => r.number === n)!.content);
  const started = performance.now();
  const compared = compareTrees(tree(fromNumber), tree(toNumber));
  const elapsedMs = performance.now() - started;
  await recordRead({ actor, slug, visibility: history.document.visibility, action, details: { from: fromNumber, to: toNumber } });
  return { document: history.document, from, to, comparison: compared, elapsedMs };
}

/** The 新旧対照表 of two revisions the reader may see (from = 改正前, to = 改正後). */
export async function compareRevisions(slug: string, fromNumber: number, toNumber: number): Promise<TCompareView | null> {
  return comparison(slug, fromNumber, toNumber, 'document.compare');
}

const m = historyMessages.compare;

/** 第2版（令和6年4月1日施行）, or the label alone for a revision without a date. */
function sideLabel(revision: TRevisionEntry): string {
  const label = historyMessages.common.label(revision);
  if (!revision.effectiveDate) return label;
  const date = formatWareki(revision.effectiveDate);
  return m.sideDetail(label, revision.state === 'scheduled' ? m.effectiveScheduled(date) : m.effective(date));
}

export interface TComparisonFile {
  filename: string;
  bytes: Buffer;
}

/**
 * The same 新旧対照表 as a Word file (改正後 | 改正前, 傍線), under exactly the access of the compare
 * page; recorded in the audit trail as a download. null for a hidden or missing revision.
 */
export async function compareRevisionsDocx(slug: string, fromNumber: number, toNumber: number): Promise<TComparisonFile | null> {
  const view = await comparison(slug, fromNumber, toNumber, 'document.compare-export');
  if (!view) return null;
  const bytes = await comparisonDocx({
    title: m.title(view.document.title),
    beforeLabel: `${m.before}：${sideLabel(view.from)}`,
    afterLabel: `${m.after}：${sideLabel(view.to)}`,
    note: m.note,
    labels: { after: m.after, before: m.before, omitted: m.omitted, preamble: m.preamble },
    rows: view.comparison.rows,
  });
  return { filename: m.docxFilename(view.document.title, view.from.number, view.to.number), bytes };
}
