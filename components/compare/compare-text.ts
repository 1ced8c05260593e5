import type { TCell, TLine, TSpan } from '@/lib/policy-text/compare';
import { escapeHtml as text } from '@/lib/policy-text/render-html';

/*
 * The text of a 新旧対照表's cells, as HTML strings (comparison-html.ts puts them together).
 * Everything taken from a comparison goes through `text()`; the class names are the short ones
 * of the `.cmp` block at the end of app/globals.css.
 */

/** Which column of the 新旧対照表 a piece of text belongs to. */
export type TSide = 'after' | 'before';

export type TFilledCell = NonNullable<TCell>;

/*
 * 傍線: changed text of 改正後 is an <ins>, of 改正前 a <del> (so assistive technology can tell
 * them apart); the stylesheet draws both as the same thin underline, never as a strike-through.
 */
function mark(side: TSide, html: string): string {
  return side === 'after' ? `<ins>${html}</ins>` : `<del>${html}</del>`;
}

/**
 * A run of spans. A gap is not text of the document but underlined full-width spaces as wide as
 * what the other side has at this place (傍線を付した空白); assistive technology skips them.
 */
export function spansHtml(spans: readonly TSpan[], side: TSide): string {
  let out = '';
  for (const span of spans) {
    if (span.gap) out += `<span class="gap" aria-hidden="true">${text(span.text)}</span>`;
    else out += span.changed ? mark(side, text(span.text)) : text(span.text);
  }
  return out;
}

/** A label (第20条, ２, (3), 第6章, 附則), underlined when it was renumbered. */
export function labelHtml(label: string, changed: boolean, side: TSide): string {
  return changed ? mark(side, text(label)) : text(label);
}

const spansText = (spans: readonly TSpan[]): string => spans.filter((s) => !s.gap).map((s) => s.text).join('');

/** A cell's name in a 「第1条～第3条（略）」 range: its number, or what stands for one. */
export function cellName(cell: TFilledCell, preamble: string, title: string): string {
  if (cell.label) return cell.label;
  if (cell.kind === 'preamble') return preamble;
  if (cell.kind === 'title') return title;
  return '';
}

/** Whether a cell has a heading line of its own above its lines (caption, chapter title, 附則 …). */
export function hasHeadingLine(cell: TCell): boolean {
  if (!cell) return false;
  switch (cell.kind) {
    case 'article':
      return cell.heading.length > 0 && spansText(cell.heading) !== '';
    case 'part':
    case 'chapter':
    case 'section':
    case 'subsection':
    case 'division':
    case 'supplementary':
    case 'title':
    case 'annex':
      return true;
    case 'preamble':
    case 'item':
    case 'paragraph':
      return false;
  }
}

/** Indentation of headings, in characters, after the layout of a 例規: captions one in, chapters further (classes c1–c4). */
const HEADING_INDENT: Record<TFilledCell['kind'], number> = {
  article: 1,
  part: 2,
  chapter: 3,
  section: 4,
  subsection: 4,
  division: 4,
  supplementary: 3,
  title: 2,
  annex: 0,
  preamble: 0,
  item: 0,
  paragraph: 0,
};

const headingOpen = (cell: TFilledCell): string => {
  const indent = HEADING_INDENT[cell.kind];
  return indent === 0 ? '<p>' : `<p class="c${indent}">`;
};

/** The heading line of a cell: （見出し）, 第6章　技術的セキュリティ, 附則（令和…）. */
export function headingLineHtml(cell: TFilledCell, side: TSide): string {
  if (cell.kind === 'article') return `${headingOpen(cell)}（${spansHtml(cell.heading, side)}）</p>`;
  if (cell.kind === 'supplementary') {
    const note = spansText(cell.heading) !== '' ? `（${spansHtml(cell.heading, side)}）` : '';
    return `${headingOpen(cell)}${labelHtml(cell.label, cell.labelChanged, side)}${note}</p>`;
  }
  // 別表第1（第2条関係）　名称: the relation and title follow the label as written
  if (cell.kind === 'annex') return `${headingOpen(cell)}${labelHtml(cell.label, cell.labelChanged, side)}${spansHtml(cell.heading, side)}</p>`;
  const label = cell.label ? `${labelHtml(cell.label, cell.labelChanged, side)}　` : '';
  return `${headingOpen(cell)}${label}${spansHtml(cell.heading, side)}</p>`;
}

/**
 * Depths the stylesheet has classes for (n0–n4, t0–t4); deeper lines (号の細分 goes ten levels
 * down) carry their depth as --d for the nd / td classes, which cap it on a phone.
 */
const MAX_CLASS_DEPTH = 4;

/**
 * One line of a cell, laid out as a 例規 is: a numbered line starts at its depth with its label
 * and hangs one character (第1条　…, ２　…, (1)　…: class n<depth>); an unnumbered one is
 * indented one character on its first line (t<depth>). Annex lines keep their own spacing.
 */
export function lineHtml(line: TLine, kind: TFilledCell['kind'], side: TSide): string {
  if (line.blank) return '';
  const depth = Math.max(0, line.depth);
  const classed = Number.isInteger(depth) && depth <= MAX_CLASS_DEPTH;
  if (line.cells) return rowHtml(line, line.cells, depth, side);
  const spans = spansHtml(line.spans, side);
  // an appendix's loose lines keep their own spacing (diagrams, aligned columns)
  if (kind === 'annex' && line.tier === 'body' && !line.label) return `<p class="pre">${spans}</p>`;
  if (line.label) {
    const empty = line.spans.every((span) => span.text === '');
    const open = classed ? `<p class="n${depth}">` : `<p class="nd" style="--d:${depth}">`;
    return `${open}${labelHtml(line.label, line.labelChanged, side)}${empty ? '' : '　'}${spans}</p>`;
  }
  const open = classed ? `<p class="t${depth}">` : `<p class="td" style="--d:${depth}">`;
  return `${open}${spans}</p>`;
}

/**
 * A row of a table: its cells side by side in ruled boxes (not a nested <table>, which the
 * column rules of the .cmp table would reach), a
 * changed cell carries its own underline, so the change is marked in the cell it is in.
 */
function rowHtml(line: TLine, cells: readonly (readonly TSpan[])[], depth: number, side: TSide): string {
  const body = cells.map((spans) => `<span>${spansHtml(spans, side)}</span>`).join('');
  return `<div class="tr${line.header ? ' th' : ''}" style="--d:${depth}">${body}</div>`;
}
