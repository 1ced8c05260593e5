import type { TSpan } from '@/lib/policy-text/char-diff';

/*
 * The public shapes of the 新旧対照表 (comparison table). See index.ts for how it is made.
 */

export type { TSpan } from '@/lib/policy-text/char-diff';

/**
 * What a line of a cell is: a 項, 号, 号の細分 (any depth), an article of a 附則, an unnumbered
 * further paragraph of text ('body'), a 備考 line, or a row of a table ('row', its cells in `cells`).
 */
export type TLineTier = 'article' | 'paragraph' | 'item' | 'subitem' | 'body' | 'remark' | 'row';

export type TLine = {
  /** the node's anchor id (a20-p2-i3, a2-i1-s2-s1-s2); derived keys for text, 備考 and table rows; blank lines use `blank:` + the opposite line's key */
  key: string;
  tier: TLineTier;
  /** indentation level: 0 paragraph, 1 item, 2 its first sub-item level, … (a 号の細分 of depth 10 is at 11) */
  depth: number;
  /** as displayed before the text: 第20条, ２, (3), ア, (ア), a; '' for unnumbered lines */
  label: string;
  /** the label differs from the opposite line's (renumbering): underline it */
  labelChanged: boolean;
  /** the text; empty for a table row, whose text is in `cells` */
  spans: TSpan[];
  /** a table row: one run of spans per cell, a changed cell marked in itself */
  cells?: TSpan[][];
  /** a header row of a table (見出し行) */
  header?: true;
  /** a placeholder opposite a line only the other side has */
  blank?: true;
};

export type TCellKind =
  | 'title'
  | 'preamble'
  | 'part'
  | 'chapter'
  | 'section'
  | 'subsection'
  | 'division'
  | 'article'
  | 'item'
  | 'paragraph'
  | 'supplementary'
  | 'annex';

export type TCell = {
  kind: TCellKind;
  /** the unit's anchor id in its own revision: a20, ch6, ch2-sec1-sub1, sp2, annex1 */
  anchor: string;
  /** 第20条, 第6章, 附則, 別表第1, (1); '' where the unit has no number */
  label: string;
  labelChanged: boolean;
  /**
   * an article's caption (without brackets), a group's title, a 附則's note, an appendix's
   * relation and title: （第2条関係）　…
   */
  heading: TSpan[];
  /**
   * In a row where both cells are present the two `lines` arrays have the same length and
   * line i of one faces line i of the other (at 'article' level: by position only).
   */
  lines: TLine[];
} | null;

export type TRowKind = 'unchanged' | 'modified' | 'added' | 'deleted' | 'moved' | 'moved-modified' | 'heading';

export type TRow = {
  /** stable React key: `${after anchor}|${before anchor}` */
  key: string;
  kind: TRowKind;
  /** 改正後 (shown left) */
  after: TCell;
  /** 改正前 (shown right) */
  before: TCell;
  /** 備考: 字句の改正, 条の追加, 条の削除, 条の繰下げ, 条の繰上げ, 見出しの改正, 号の追加, 号の細分の繰下げ, 表の改正 … */
  remarks: string[];
};

/**
 * The coarsest granularity used anywhere in the table:
 * - 'character': every changed line underlines exactly its changed characters;
 * - 'line': the character budget ran out, so some changed lines (the longest) are underlined whole;
 * - 'article': aligning paragraphs and items was too costly, so every changed unit is underlined whole.
 */
export type TComparisonLevel = 'character' | 'line' | 'article';

export type TComparisonStats = {
  added: number;
  deleted: number;
  /** units whose text changed, including renumbered ones ('modified' + 'moved-modified') */
  modified: number;
  /** renumbered units, whether or not their text changed ('moved' + 'moved-modified') */
  moved: number;
  unchanged: number;
};

export type TComparison = {
  rows: TRow[];
  level: TComparisonLevel;
  /**
   * Some part was cut short by the budget: a level coarser than 'character', or units or lines
   * too many to align by content that were paired by number only.
   */
  degraded: boolean;
  /** over units other than headings (groups, title) */
  stats: TComparisonStats;
};

export type TCompareLimits = {
  /** wall-clock budget of the character diffs, ms */
  budgetMs: number;
  /** wall-clock cap of the whole comparison, ms; the last safety net */
  hardCapMs: number;
  /** character-diff steps, all lines together */
  charWork: number;
  /** similarity work for aligning units: characters indexed, bigram postings visited, cells filled */
  alignWork: number;
  /** the same for aligning paragraphs and items inside units, all units together; when spent, the level drops to 'article' */
  innerWork: number;
  /** the largest block of units without exact anchors that is aligned by similarity (n × m) */
  alignCells: number;
  /** the same for the paragraphs or items of one unit */
  innerCells: number;
};

export type TCompareOptions = {
  /** budget of the character-level diff, ms (default 250) */
  budgetMs?: number;
  /** finer control, mainly for tests and tuning */
  limits?: Partial<TCompareLimits>;
};

/**
 * Character-diff steps per millisecond of budget. Measured on the development VM at 60,000
 * (cold) to 110,000 (warm) steps per ms of CPU; set lower so that a slower machine still stays
 * inside the budget. Counting steps rather than time makes the fallback deterministic: the same
 * input degrades the same way on every machine (the wall-clock deadline is only a safety net).
 */
export const CHAR_WORK_PER_MS = 40_000;

export const DEFAULT_LIMITS: TCompareLimits = {
  budgetMs: 250,
  hardCapMs: 600,
  charWork: 250 * CHAR_WORK_PER_MS,
  alignWork: 60_000_000,
  innerWork: 30_000_000,
  alignCells: 1_000_000,
  innerCells: 40_000,
};

export function limitsOf(options: TCompareOptions | undefined): TCompareLimits {
  const budgetMs = Math.max(0, options?.budgetMs ?? DEFAULT_LIMITS.budgetMs);
  const limits: TCompareLimits = { ...DEFAULT_LIMITS, budgetMs, charWork: budgetMs * CHAR_WORK_PER_MS };
  return { ...limits, ...options?.limits };
}
