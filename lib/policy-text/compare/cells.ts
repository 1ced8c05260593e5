import { type TSpan, changedSpans, plainSpans, replacedSpans } from '@/lib/policy-text/char-diff';
import { type LineNode, type Unit, subtree } from '@/lib/policy-text/compare/flatten';
import type { TRowPlan } from '@/lib/policy-text/compare/rows';
import type { TCell, TComparisonLevel, TLine } from '@/lib/policy-text/compare/types';

/*
 * The two cells of a row, line facing line. Text that differs is queued as a job for the
 * character diff (index.ts runs the jobs cheapest first within the budget); a table row whose
 * cells line up is diffed cell by cell, so a changed cell is marked in itself.
 */

export interface TJob {
  before: string;
  after: string;
  size: number;
  apply(spans: { before: TSpan[]; after: TSpan[] }): void;
}

type TFilledCell = NonNullable<TCell>;

const NO_SPANS: TSpan[] = [];

function cellOf(unit: Unit, heading: TSpan[], labelChanged: boolean): TFilledCell {
  return { kind: unit.type, anchor: unit.anchor, label: unit.label, labelChanged, heading, lines: [] };
}

/** A line of a cell; `same`, the facing line with the same text and cells, lends its span arrays. */
function lineOf(node: LineNode, spans: (text: string) => TSpan[], labelChanged: boolean, same?: TLine): TLine {
  const line: TLine = { key: node.key, tier: node.tier, depth: node.depth, label: node.label, labelChanged, spans: node.cells ? NO_SPANS : same ? same.spans : spans(node.text) };
  if (node.cells) line.cells = same?.cells ?? node.cells.map(spans);
  if (node.header) line.header = true;
  return line;
}

const noSpans = (): TSpan[] => NO_SPANS;

function blankLine(opposite: LineNode): TLine {
  return { key: `blank:${opposite.key}`, tier: opposite.tier, depth: opposite.depth, label: '', labelChanged: false, spans: [], blank: true };
}

function sameText(b: LineNode, a: LineNode): boolean {
  if (b.text !== a.text) return false;
  if (!b.cells || !a.cells) return b.cells === a.cells;
  return b.cells.length === a.cells.length && b.cells.every((cell, k) => cell === a.cells?.[k]);
}

/**
 * The lines of two units with equal content, one to one. Equal texts share one span array, and
 * equal lines one TLine (the table is read, never changed in place), so an unchanged line costs
 * half the garbage.
 */
function zipLines(before: readonly LineNode[], after: readonly LineNode[], beforeCell: TFilledCell, afterCell: TFilledCell): void {
  for (let k = 0; k < before.length; k++) {
    const b = before[k] as LineNode;
    const a = (after[k] ?? b) as LineNode;
    const labelChanged = b.label !== a.label;
    const beforeLine = lineOf(b, plainSpans, labelChanged);
    beforeCell.lines.push(beforeLine);
    const same = sameText(b, a);
    // the same line on both sides (an unchanged article in place): one object serves both cells
    if (same && b.key === a.key && !labelChanged && b.depth === a.depth && b.tier === a.tier && b.header === a.header) afterCell.lines.push(beforeLine);
    else afterCell.lines.push(lineOf(a, plainSpans, labelChanged, same ? beforeLine : undefined));
    if (b.children.length > 0) zipLines(b.children, a.children, beforeCell, afterCell);
  }
}

export class TableBuilder {
  readonly jobs: TJob[] = [];

  constructor(private readonly level: TComparisonLevel) {}

  cells(plan: TRowPlan): { before: TCell; after: TCell } {
    const { before: b, after: a } = plan;
    if (!b || !a) {
      const unit = (b ?? a) as Unit;
      const cell = cellOf(unit, changedSpans(unit.heading), true);
      const nodes: LineNode[] = [];
      for (const node of unit.nodes) subtree(node, nodes);
      for (const node of nodes) cell.lines.push(lineOf(node, changedSpans, true));
      return b ? { before: cell, after: null } : { before: null, after: cell };
    }
    const renumbered = b.label !== a.label;
    const before = cellOf(b, plainSpans(b.heading), renumbered);
    const after = cellOf(a, plainSpans(a.heading), renumbered);
    if (plan.lines === null) {
      zipLines(b.nodes, a.nodes, before, after);
      return { before, after };
    }
    this.text(b.heading, a.heading, plan.whole, (spans) => {
      before.heading = spans.before;
      after.heading = spans.after;
    });
    for (const { before: bn, after: an } of plan.lines) {
      if (bn && an) {
        const labelChanged = plan.whole || bn.label !== an.label;
        const beforeLine = lineOf(bn, noSpans, labelChanged);
        const afterLine = lineOf(an, noSpans, labelChanged);
        before.lines.push(beforeLine);
        after.lines.push(afterLine);
        if (bn.cells && an.cells) this.row(bn.cells, an.cells, plan.whole, beforeLine, afterLine);
        else
          this.text(bn.text, an.text, plan.whole, (spans) => {
            beforeLine.spans = spans.before;
            afterLine.spans = spans.after;
          });
      } else if (bn) {
        before.lines.push(lineOf(bn, changedSpans, plan.whole));
        after.lines.push(blankLine(bn));
      } else if (an) {
        before.lines.push(blankLine(an));
        after.lines.push(lineOf(an, changedSpans, plan.whole));
      }
    }
    return { before, after };
  }

  /** Two rows of a table: cell by cell when they have as many cells, else every cell marked. */
  private row(before: readonly string[], after: readonly string[], whole: boolean, beforeLine: TLine, afterLine: TLine): void {
    const b = before.map(() => NO_SPANS);
    const a = after.map(() => NO_SPANS);
    beforeLine.cells = b;
    afterLine.cells = a;
    if (before.length !== after.length) {
      before.forEach((text, k) => (b[k] = text === after[k] && !whole ? plainSpans(text) : changedSpans(text)));
      after.forEach((text, k) => (a[k] = text === before[k] && !whole ? plainSpans(text) : changedSpans(text)));
      return;
    }
    before.forEach((text, k) =>
      this.text(text, after[k] ?? '', whole, (spans) => {
        b[k] = spans.before;
        a[k] = spans.after;
      }),
    );
  }

  private text(before: string, after: string, whole: boolean, apply: TJob['apply']): void {
    if (whole) apply({ before: changedSpans(before), after: changedSpans(after) });
    else if (before === after) {
      const spans = plainSpans(before);
      apply({ before: spans, after: spans });
    }
    else if (this.level !== 'character' || before === '' || after === '') apply(replacedSpans(before, after));
    else this.jobs.push({ before, after, size: before.length + after.length, apply });
  }
}
