import { type TAlignSpec, type TContext, type TMatch, type TMatchHow, alignSequences, steps } from '@/lib/policy-text/compare/align';
import { type LineNode, type Unit, subtree } from '@/lib/policy-text/compare/flatten';
import type { Signatures } from '@/lib/policy-text/compare/similarity';
import type { TCell, TCellKind, TComparisonStats, TLineTier, TRow, TRowKind } from '@/lib/policy-text/compare/types';

/*
 * Rows of the 新旧対照表: the alignment of units as row plans, the lines of a matched pair aligned
 * in turn (at every depth), and the 備考 of each row (条の追加, 号の細分の繰下げ, 表の改正 …).
 */

const UNIT_NOUN: Record<TCellKind, string> = {
  title: '題名',
  preamble: '前文',
  part: '編',
  chapter: '章',
  section: '節',
  subsection: '款',
  division: '目',
  article: '条',
  item: '号',
  paragraph: '項',
  supplementary: '附則',
  annex: '別表等',
};

const TIER_NOUN: Record<TLineTier, string | null> = {
  article: '条',
  paragraph: '項',
  item: '号',
  subitem: '号の細分',
  body: null,
  remark: null,
  row: '表の行',
};

const HEADING_REMARK: Partial<Record<TCellKind, string>> = {
  title: '題名の改正',
  part: '編名の改正',
  chapter: '章名の改正',
  section: '節名の改正',
  subsection: '款名の改正',
  division: '目名の改正',
  article: '見出しの改正',
};

export const REWORDED = '字句の改正';
const TABLE_CHANGED = '表の改正';

const HEADING_UNITS = new Set<TCellKind>(['title', 'part', 'chapter', 'section', 'subsection', 'division']);
export const isHeadingUnit = (type: TCellKind): boolean => HEADING_UNITS.has(type);
const isNumbered = (unit: Unit): boolean => unit.order >= 0;

/** 附則 by its own spelling (付則), an appendix by its kind (別表, 様式 …). */
function nounOf(unit: Unit): string {
  if (unit.type === 'supplementary' && unit.label) return unit.label;
  if (unit.type === 'annex') return /^(別表|別記|様式|付録|参考|別紙|別図)/.exec(unit.label)?.[1] ?? UNIT_NOUN.annex;
  return UNIT_NOUN[unit.type];
}

export type TLinePair = { before: LineNode | null; after: LineNode | null };

export function addRemark(remarks: string[], remark: string): void {
  if (!remarks.includes(remark)) remarks.push(remark);
}

export interface TRowPlan {
  before: Unit | null;
  after: Unit | null;
  how: TMatchHow | undefined;
  /** index-aligned line pairs of a matched pair with different content; null: pair the lines one to one (equal content) */
  lines: TLinePair[] | null;
  /** remarks found while aligning the lines */
  remarks: string[];
  /** only at 'article' level: the whole pair is underlined */
  whole: boolean;
  /** a unit deleted here reappears unchanged elsewhere (or the reverse) */
  relocated: boolean;
}

/** The alignment of units as row plans: matches in order, each gap as its deletions then its additions. */
export function rowPlans(before: readonly Unit[], after: readonly Unit[], matches: readonly TMatch[]): TRowPlan[] {
  return steps(before, after, matches).map((step) => ({ before: step.before, after: step.after, how: step.how, lines: null, remarks: [], whole: false, relocated: false }));
}

export function nodeSpec(signatures: Signatures, cells: number): TAlignSpec<LineNode> {
  return {
    cells,
    weight: () => 1,
    signature: (node) => signatures.of(node.simText),
    score(before, after, similarity) {
      // a table row faces a table row, nothing else
      if ((before.tier === 'row') !== (after.tier === 'row')) return -1;
      return similarity < SIMILAR ? -1 : similarity + (before.ident === after.ident ? 0.01 : 0);
    },
  };
}

export const SIMILAR = 0.5;

export function unitSpec(signatures: Signatures, cells: number): TAlignSpec<Unit> {
  return {
    cells,
    weight: (unit) => (isHeadingUnit(unit.type) ? 0.1 : 1),
    signature: (unit) => signatures.of(unit.simText),
    score(before, after, similarity) {
      if (before.type !== after.type) return -1;
      const sameCaption = before.type === 'article' && before.heading !== '' && before.heading === after.heading;
      if (similarity < SIMILAR && !sameCaption) return -1;
      return similarity + (sameCaption ? 0.5 : 0) + (before.ident === after.ident ? 0.01 : 0);
    },
  };
}

/**
 * Aligns the lines of two matched units (or of two matched lines' children), depth first, so
 * that a change at any depth pairs its lines and a renumbered sibling (ア inserted: イ → ウ) is
 * reported as 繰下げ with its label underlined, not as rewritten text.
 */
export function alignNodes(before: readonly LineNode[], after: readonly LineNode[], spec: TAlignSpec<LineNode>, context: TContext, out: TLinePair[], remarks: string[]): void {
  if (before.length === 0 && after.length === 0) return;
  // One line on each side at the same place: the alignment could only pair them.
  const single = before.length === 1 && after.length === 1 && before[0]?.ident === after[0]?.ident;
  const matches = single ? [{ i: 0, j: 0, how: 'ident' as const }] : alignSequences(before, after, spec, context);
  const walk = steps(before, after, matches);
  const deletedContent = new Set(walk.flatMap((s) => (s.before && !s.after ? [s.before.content] : [])));
  const addedContent = new Set(walk.flatMap((s) => (s.after && !s.before ? [s.after.content] : [])));
  for (const step of walk) {
    const { before: b, after: a } = step;
    if (b && a) {
      out.push({ before: b, after: a });
      const noun = TIER_NOUN[a.tier];
      // two first paragraphs are labelled by their article numbers, which the row reports
      const numbered = b.keyLabel !== '' || a.keyLabel !== '';
      if (noun && numbered && a.num !== b.num) addRemark(remarks, `${noun}の繰${a.num > b.num ? '下げ' : '上げ'}`);
      else if (numbered && b.label !== a.label) addRemark(remarks, REWORDED);
      if (b.text !== a.text || b.header !== a.header) addRemark(remarks, a.tier === 'row' ? TABLE_CHANGED : REWORDED);
      alignNodes(b.children, a.children, spec, context, out, remarks);
      continue;
    }
    const node = (b ?? a) as LineNode;
    const lines: LineNode[] = [];
    subtree(node, lines);
    for (const line of lines) out.push(b ? { before: line, after: null } : { before: null, after: line });
    const noun = TIER_NOUN[node.tier];
    const relocated = b ? addedContent.has(node.content) : deletedContent.has(node.content);
    if (!noun) addRemark(remarks, REWORDED);
    else addRemark(remarks, `${noun}の${relocated ? '移動' : b ? '削除' : '追加'}`);
  }
}

/** At 'article' level the lines of a changed pair are listed side by side without alignment. */
export function articleLevelLines(b: Unit, a: Unit): TLinePair[] {
  const beforeLines: LineNode[] = [];
  const afterLines: LineNode[] = [];
  for (const node of b.nodes) subtree(node, beforeLines);
  for (const node of a.nodes) subtree(node, afterLines);
  const out: TLinePair[] = [];
  for (let k = 0; k < Math.max(beforeLines.length, afterLines.length); k++) out.push({ before: beforeLines[k] ?? null, after: afterLines[k] ?? null });
  return out;
}

/** A unit deleted in one place and added unchanged in another was moved (条の移動). */
export function markRelocated(plans: TRowPlan[]): void {
  const deleted = new Map<string, TRowPlan[]>();
  for (const plan of plans) {
    if (plan.before && !plan.after) {
      const list = deleted.get(plan.before.content) ?? [];
      list.push(plan);
      deleted.set(plan.before.content, list);
    }
  }
  for (const plan of plans) {
    if (!plan.after || plan.before) continue;
    const counterpart = deleted.get(plan.after.content)?.shift();
    if (counterpart) {
      counterpart.relocated = true;
      plan.relocated = true;
    }
  }
}

export function finishRow(plan: TRowPlan, cells: { before: TCell; after: TCell }): TRow {
  const { before: b, after: a } = plan;
  const unit = (a ?? b) as Unit;
  const noun = nounOf(unit);
  const remarks: string[] = [];
  let kind: TRowKind;
  if (!b || !a) {
    kind = isHeadingUnit(unit.type) ? 'heading' : a ? 'added' : 'deleted';
    remarks.push(`${noun}の${plan.relocated ? '移動' : a ? '追加' : '削除'}`);
  } else {
    const renumbered = isNumbered(a) && isNumbered(b) && a.order !== b.order;
    if (renumbered) remarks.push(`${noun}の繰${a.order > b.order ? '下げ' : '上げ'}`);
    if (plan.how === 'ident' && a.heading !== b.heading && (unit.type === 'article' || unit.type === 'item')) remarks.push(`${noun}の全部改正`);
    if (a.heading !== b.heading) remarks.push(HEADING_REMARK[unit.type] ?? REWORDED);
    if ((plan.whole && a.body !== b.body) || (!renumbered && a.label !== b.label)) addRemark(remarks, REWORDED);
    for (const remark of plan.remarks) addRemark(remarks, remark);
    const changed = a.content !== b.content || (!renumbered && a.label !== b.label);
    if (isHeadingUnit(unit.type)) kind = 'heading';
    else if (renumbered) kind = changed ? 'moved-modified' : 'moved';
    else kind = changed ? 'modified' : 'unchanged';
  }
  return { key: `${cells.after?.anchor ?? ''}|${cells.before?.anchor ?? ''}`, kind, after: cells.after, before: cells.before, remarks };
}

export function statsOf(rows: readonly TRow[]): TComparisonStats {
  const stats: TComparisonStats = { added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 0 };
  for (const row of rows) {
    if (row.kind === 'added') stats.added++;
    else if (row.kind === 'deleted') stats.deleted++;
    else if (row.kind === 'modified') stats.modified++;
    else if (row.kind === 'moved') stats.moved++;
    else if (row.kind === 'moved-modified') {
      stats.modified++;
      stats.moved++;
    } else if (row.kind === 'unchanged') stats.unchanged++;
  }
  return stats;
}
