import { type TDiffBudget, diffSpans, replacedSpans } from '@/lib/policy-text/char-diff';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { type TContext, alignSequences } from '@/lib/policy-text/compare/align';
import { TableBuilder } from '@/lib/policy-text/compare/cells';
import { type Unit, flattenPair } from '@/lib/policy-text/compare/flatten';
import { alignNodes, articleLevelLines, finishRow, markRelocated, nodeSpec, rowPlans, statsOf, unitSpec } from '@/lib/policy-text/compare/rows';
import { Signatures, bigrams, dice } from '@/lib/policy-text/compare/similarity';
import { type TCell, type TCompareOptions, type TComparison, type TComparisonLevel, limitsOf } from '@/lib/policy-text/compare/types';

/*
 * The 新旧対照表 (comparison table) of two revisions of a regulation text, on the deep tree. Pure, no I/O.
 *
 * 1. Both trees are flattened into a sequence of units (flatten.ts): the title (only when it
 *    changed), the preamble, the heading of every group (編・章・節・款・目), articles, top-level
 *    items of a declaration, 附則 and appendices; each unit holds its lines as deep as the text.
 * 2. The unit sequences are aligned by content, not by number (align.ts): exact matches anchor
 *    the alignment (common prefix/suffix, then patience-style unique matches), the rest is a
 *    weighted LCS over character-bigram Dice similarity (similarity.ts; ≥ 0.5, or an equal
 *    caption). Units left unmatched between two matches are paired by number when both sides
 *    have the same one (an article rewritten in place), the rest are added or deleted. So an
 *    article inserted before 第19条 leaves the old 第19条 matched to the new 第20条 (条の繰下げ).
 * 3. Inside each matched pair, lines are aligned the same way at every depth (rows.ts): 項, 号,
 *    号の細分 to the tenth level, 備考, table rows; a line only one side has faces a blank line,
 *    and a line matched under another number (イ → ウ) has its label underlined (繰下げ).
 * 4. Each pair of differing lines, or of table cells, gets a character diff (char-diff.ts, see
 *    ADR 015). A work budget bounds all of this; when it runs out, lines are marked whole
 *    ('line') or, when even the structural alignment is too expensive, changed units are marked
 *    whole ('article').
 */

export * from '@/lib/policy-text/compare/types';

/** Below this bigram similarity two texts are shown as wholly replaced, without a character diff. */
const REWRITTEN = 0.25;

function alignUnits(beforeUnits: Unit[], afterUnits: Unit[], context: TContext, cells: number) {
  return rowPlans(beforeUnits, afterUnits, alignSequences(beforeUnits, afterUnits, unitSpec(new Signatures(context), cells), context));
}

/**
 * The 新旧対照表 of two revisions: rows aligned article by article (the UI puts 改正後 left),
 * changes underlined. Never throws on well-formed trees and finishes within about
 * `limits.hardCapMs` whatever the input; see TComparison.level / degraded.
 */
export function compareTrees(before: TDeepTree, after: TDeepTree, options?: TCompareOptions): TComparison {
  const limits = limitsOf(options);
  const start = performance.now();
  const hardDeadline = start + limits.hardCapMs;
  const units = flattenPair(before, after);

  // 1. Units
  const alignContext: TContext = { work: limits.alignWork, deadline: start + limits.hardCapMs * 0.35, degraded: false, exhausted: false };
  const plans = alignUnits(units.before, units.after, alignContext, limits.alignCells);
  markRelocated(plans);

  // 2. Lines: inside matched units of different content, lines are aligned level by level. Each
  // row's cells are built right away so that the line pairs die young.
  const innerContext: TContext = { work: limits.innerWork, deadline: start + limits.hardCapMs * 0.55, degraded: false, exhausted: false };
  const innerSignatures = new Signatures(innerContext);
  const innerSpec = nodeSpec(innerSignatures, limits.innerCells);
  let level: TComparisonLevel = 'character';
  let builder = new TableBuilder(level);
  let cells: Array<{ before: TCell; after: TCell }> = [];
  for (const plan of plans) {
    const { before: b, after: a } = plan;
    if (b && a && b.content !== a.content) {
      if (innerContext.work <= 0 || performance.now() > innerContext.deadline) innerContext.exhausted = true;
      else {
        plan.lines = [];
        alignNodes(b.nodes, a.nodes, innerSpec, innerContext, plan.lines, plan.remarks);
        innerSignatures.clear();
      }
      if (innerContext.exhausted) {
        level = 'article';
        break;
      }
    }
    cells.push(builder.cells(plan));
    plan.lines = null;
  }
  if (level === 'article') {
    // Too costly to align lines: pair whole units and underline every changed one entirely.
    builder = new TableBuilder(level);
    cells = plans.map((plan) => {
      const { before: b, after: a } = plan;
      plan.remarks = [];
      plan.whole = b !== null && a !== null && b.content !== a.content;
      plan.lines = plan.whole && b && a ? articleLevelLines(b, a) : null;
      const built = builder.cells(plan);
      plan.lines = null;
      return built;
    });
  }

  // 3. Character diffs of the changed lines, cheapest first
  const charBudget: TDiffBudget = { work: limits.charWork, deadline: Math.min(performance.now() + limits.budgetMs, hardDeadline) };
  let charDegraded = false;
  // Once the budget is spent, a later diff still succeeds if it needs no search (a pure
  // insertion or deletion), so cheap lines keep their character-level underlines.
  for (const job of builder.jobs.sort((x, y) => x.size - y.size)) {
    const similar = dice(bigrams(job.before), bigrams(job.after)) >= REWRITTEN;
    const spans = similar ? diffSpans(job.before, job.after, charBudget) : null;
    if (similar && !spans) charDegraded = true;
    job.apply(spans ?? replacedSpans(job.before, job.after));
  }
  if (charDegraded && level === 'character') level = 'line';

  const rows = plans.map((plan, index) => finishRow(plan, cells[index] as { before: TCell; after: TCell }));
  return {
    rows,
    level,
    degraded: alignContext.degraded || innerContext.degraded || level !== 'character',
    stats: statsOf(rows),
  };
}

// ---------------------------------------------------------------------------------------------
// Article identity across revisions (public excerpts follow it)

/** How an article of the earlier revision reappears in the later one. */
export type TArticleCorrespondence = {
  /** the article's anchor in the earlier revision: a23 (ch2-a1 where each 章 numbers from 1) */
  before: string;
  /** its anchor in the later revision: a24 after an article was inserted before it */
  after: string;
  /** its label in the later revision: 第24条 */
  afterLabel: string;
  /**
   * unchanged: same text (perhaps renumbered or moved); modified: the text changed;
   * rewritten: paired by number only, its text replaced (全部改正)
   */
  change: 'unchanged' | 'modified' | 'rewritten';
};

/**
 * Which article of `after` each article of `before` became, by the alignment of the 新旧対照表:
 * by content through renumbering, at any group depth, an article moved unchanged elsewhere
 * (条の移動) included. An article of `before` missing from the map was deleted. Only the units
 * are aligned (no line or character diffs), so this is cheap enough to run on every approval.
 */
export function mapArticleAnchors(before: TDeepTree, after: TDeepTree, options?: TCompareOptions): Map<string, TArticleCorrespondence> {
  const limits = limitsOf(options);
  const start = performance.now();
  const units = flattenPair(before, after);
  const alignContext: TContext = { work: limits.alignWork, deadline: start + limits.hardCapMs * 0.35, degraded: false, exhausted: false };
  const plans = alignUnits(units.before, units.after, alignContext, limits.alignCells);

  const out = new Map<string, TArticleCorrespondence>();
  const pair = (b: Unit, a: Unit, change: TArticleCorrespondence['change']) => out.set(b.anchor, { before: b.anchor, after: a.anchor, afterLabel: a.label, change });
  const deleted = new Map<string, Unit[]>();
  for (const { before: b, after: a, how } of plans) {
    if (b?.type === 'article' && a?.type === 'article') pair(b, a, b.content === a.content ? 'unchanged' : how === 'ident' ? 'rewritten' : 'modified');
    else if (b?.type === 'article' && !a) deleted.set(b.content, [...(deleted.get(b.content) ?? []), b]);
  }
  // The same pairing as markRelocated: a deleted article added unchanged elsewhere was moved.
  for (const { before: b, after: a } of plans) {
    if (b || a?.type !== 'article') continue;
    const counterpart = deleted.get(a.content)?.shift();
    if (counterpart) pair(counterpart, a, 'unchanged');
  }
  return out;
}
