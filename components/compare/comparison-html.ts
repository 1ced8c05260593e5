import { cellName, hasHeadingLine, headingLineHtml, labelHtml, lineHtml, type TSide } from '@/components/compare/compare-text';
import { historyMessages } from '@/lib/messages/history';
import type { TRow } from '@/lib/policy-text/compare';
import { escapeHtml } from '@/lib/policy-text/render-html';

const m = historyMessages.compare;
const text = escapeHtml;
const attr = escapeHtml;

/*
 * The 新旧対照表 as one HTML string: 改正後 | 改正前 | 備考 (or 改正前 first). Each row of the
 * comparison (an article, a chapter heading, a 附則 …) is a <tbody>, and each of its lines a <tr>,
 * so that line i of one column stands level with line i of the other and a blank line faces what
 * only the other side has. Borders are drawn between the row groups only, like the ruled table
 * of a printed 新旧対照表.
 *
 * A 500-article standard is tens of thousands of elements. As React elements each was paid for
 * three times (the RSC payload, the HTML rendered from it, the copy of the payload inlined in the
 * page); as one string with short classes (the `.cmp` block at the end of app/globals.css) it is
 * built by concatenation and carried once in the HTML and once in the payload.
 *
 * Unchanged articles fold into a row 「第1条～第3条　（略）」, as municipalities print them. With
 * `fullHref` (the comparison screen), its 「本文を表示」 is a link to that row in the full view, so
 * the changes-only view carries no unchanged text at all. Without it (a screen that has no full
 * view), the run's rows follow in a <tbody> of their own that CSS shows while a native <details>
 * is open. Printed, a folded run reads 「（略）」.
 */

export type TColumnOrder = readonly [TSide, TSide];

export type TComparisonHtmlOptions = {
  rows: readonly TRow[];
  order: TColumnOrder;
  /** every row in full, or unchanged runs folded */
  all: boolean;
  caption: string;
  /**
   * The address of the full view (`all`); folded runs link to their rows there. A query alone
   * (`?from=1&to=2&all=1`) resolves against the page's own path and keeps hundreds of links short.
   */
  fullHref?: string;
};

type TBlock = { type: 'row'; row: TRow } | { type: 'fold'; rows: TRow[] };

const kindOf = (row: TRow) => (row.after ?? row.before)?.kind;

/**
 * Rows as displayed: every changed row, chapter headings always (they tell where one is), and
 * unchanged rows in runs to fold. A renumbered but otherwise unchanged article folds on its own,
 * to 「第20条（略）」 with the number underlined, the way a 条の繰下げ is usually printed.
 */
export function blocksOf(rows: readonly TRow[], all: boolean): TBlock[] {
  if (all) return rows.map((row) => ({ type: 'row', row }));
  const blocks: TBlock[] = [];
  let run: TRow[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push({ type: 'fold', rows: run });
    run = [];
  };
  for (const row of rows) {
    if (row.kind === 'unchanged') {
      // 「第6～第8（略）」 and 「附則（略）」 are two runs, not 「第6～附則」
      if (run.length > 0 && kindOf(run.at(-1)!) !== kindOf(row)) flush();
      run.push(row);
    } else if (row.kind === 'moved') {
      flush();
      blocks.push({ type: 'fold', rows: [row] });
    } else {
      flush();
      blocks.push({ type: 'row', row });
    }
  }
  flush();
  return blocks;
}

/** The id of a row's <tbody>, the same in both views: n- and the 改正後 anchor, or o- and the 改正前 one. */
export function rowId(row: TRow): string {
  return row.after ? `n-${row.after.anchor}` : `o-${row.before?.anchor ?? ''}`;
}

export function renderComparisonHtml({ rows, order, all, caption, fullHref }: TComparisonHtmlOptions): string {
  const out: string[] = [`<table class="cmp"><caption class="sr-only">${text(caption)}</caption><thead><tr>`];
  for (const side of order) out.push(`<th scope="col">${text(m[side])}</th>`);
  out.push(`<th scope="col">${text(m.remarks)}</th></tr></thead>`);
  for (const block of blocksOf(rows, all)) {
    out.push(block.type === 'row' ? rowGroupHtml(block.row, order) : foldHtml(block.rows, order, fullHref));
  }
  out.push('</table>');
  return out.join('');
}

/**
 * On paper a short row stays on one page (class k); a long one may break between its lines (never
 * inside one), rather than leave half a page empty before it. A heading keeps to what follows (hd).
 */
function rowGroupHtml(row: TRow, order: TColumnOrder): string {
  const keep = Math.max(row.after?.lines.length ?? 0, row.before?.lines.length ?? 0) <= 8;
  const classes = [keep ? 'k' : '', row.kind === 'heading' ? 'hd' : ''].filter(Boolean).join(' ');
  return `<tbody id="${attr(rowId(row))}"${classes ? ` class="${classes}"` : ''}>${rowLinesHtml(row, order)}</tbody>`;
}

/** The lines of a row, paired: the heading line (when either side has one), then line by line. */
function pairedLines(row: TRow): Record<TSide, string>[] {
  const out: Record<TSide, string>[] = [];
  if (hasHeadingLine(row.after) || hasHeadingLine(row.before)) {
    out.push({
      after: row.after && hasHeadingLine(row.after) ? headingLineHtml(row.after, 'after') : '',
      before: row.before && hasHeadingLine(row.before) ? headingLineHtml(row.before, 'before') : '',
    });
  }
  const count = Math.max(row.after?.lines.length ?? 0, row.before?.lines.length ?? 0);
  for (let index = 0; index < count; index++) {
    const after = row.after?.lines[index];
    const before = row.before?.lines[index];
    out.push({
      after: row.after && after ? lineHtml(after, row.after.kind, 'after') : '',
      before: row.before && before ? lineHtml(before, row.before.kind, 'before') : '',
    });
  }
  return out;
}

function remarksHtml(remarks: readonly string[]): string {
  return remarks.length === 0 ? '' : `<ul>${remarks.map((remark) => `<li>${text(remark)}</li>`).join('')}</ul>`;
}

/** On a phone 備考 has no column: it stands in a line of its own above the row (nr). */
function narrowRemarksHtml(remarks: readonly string[]): string {
  return remarks.length === 0 ? '' : `<tr class="nr"><td colspan="2">${text(m.remarks)}：${text(remarks.join('、'))}</td></tr>`;
}

/** 備考 one to a line, the rest on the last line, so that they never make a line taller. */
function remarksOnLine(remarks: readonly string[], index: number, count: number): readonly string[] {
  return index < count - 1 ? remarks.slice(index, index + 1) : remarks.slice(index);
}

/** A <tr>'s class: r for the first line of a row (the rule above it), e for the last. */
function lineClass(first: boolean, last: boolean): string {
  if (first && last) return ' class="r e"';
  if (first) return ' class="r"';
  return last ? ' class="e"' : '';
}

/**
 * The <tr>s of one row of the comparison. No cell spans rows (a side without the unit, 備考):
 * Chromium will not break a page inside rows that a rowspan cell holds together, so a long
 * article would leave half a page empty before it.
 */
function rowLinesHtml(row: TRow, order: TColumnOrder): string {
  const lines = pairedLines(row);
  let out = narrowRemarksHtml(row.remarks);
  lines.forEach((pair, index) => {
    const remarks = remarksHtml(remarksOnLine(row.remarks, index, lines.length));
    out += `<tr${lineClass(index === 0, index === lines.length - 1)}><td>${pair[order[0]]}</td><td>${pair[order[1]]}</td><td>${remarks}</td></tr>`;
  });
  return out;
}

/** 第1条～第3条, from the first and last named units of the run on one side. */
function rangeName(rows: readonly TRow[], side: TSide): string {
  const names: string[] = [];
  for (const row of rows) {
    const cell = row[side];
    const name = cell ? cellName(cell, m.preamble, '') : '';
    if (name) names.push(name);
  }
  return names.length === 0 ? '' : m.range(names[0]!, names.at(-1)!);
}

/** One side of a folded run: （見出し） of a lone article, then 「第15条　（略）」. */
function foldedSideHtml(rows: readonly TRow[], side: TSide): string {
  const lone = rows.length === 1 ? rows[0]![side] : null;
  const name = rangeName(rows, side);
  const heading = lone && lone.kind === 'article' && hasHeadingLine(lone) ? headingLineHtml(lone, side) : '';
  const label = name ? `${lone ? labelHtml(name, lone.labelChanged, side) : text(name)}　` : '';
  return `${heading}<p>${label}${text(m.omitted)}</p>`;
}

/**
 * 「本文を表示」 of a folded run, once for a phone (tn: under the text) and once for a wider
 * screen (tw: in 備考); each is hidden where the other shows, and both on paper.
 */
function foldToggleHtml(rows: readonly TRow[], fullHref: string | undefined): string {
  const name = rangeName(rows, 'after') || rangeName(rows, 'before');
  const label = `${name ? `<span class="sr-only">${text(name)}の</span>` : ''}`;
  if (fullHref !== undefined) return `<a class="fl" href="${attr(`${fullHref}#${rowId(rows[0]!)}`)}">${label}${text(m.showText)}</a>`;
  return `<details><summary>${label}<span class="show">${text(m.showText)}</span><span class="hide">${text(m.hideText)}</span></summary></details>`;
}

function foldHtml(rows: readonly TRow[], order: TColumnOrder, fullHref: string | undefined): string {
  const remarks = rows.length === 1 ? rows[0]!.remarks : [];
  const toggle = foldToggleHtml(rows, fullHref);
  const folded =
    `<tbody class="k f">${narrowRemarksHtml(remarks)}<tr class="r e">` +
    `<td>${foldedSideHtml(rows, order[0])}</td>` +
    `<td>${foldedSideHtml(rows, order[1])}<div class="tn">${toggle}</div></td>` +
    `<td>${remarksHtml(remarks)}<div class="tw">${toggle}</div></td></tr></tbody>`;
  if (fullHref !== undefined) return folded;
  return `${folded}<tbody class="fb">${rows.map((row) => rowLinesHtml(row, order)).join('')}</tbody>`;
}
