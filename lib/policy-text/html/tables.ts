import { messages as m } from '@/lib/messages/ja';
import { escapeHtml as text } from '@/lib/policy-text/html/escape';
import type { TRemarks, TRow, TTable } from '@/lib/policy-text/deep/tree';

/*
 * Tables as real tables: header rows (見出し行) in <thead> as <th scope="col">, colspan and rowspan
 * as written, and a caption naming the table for screen readers (「第2条の表」), which also names
 * the scroll region a wide table sits in on a narrow screen. 備考 follow their table or node.
 */

function cells(row: TRow, tag: 'th' | 'td'): string {
  return row.cells
    .map((cell) => {
      const span = `${cell.colspan ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}`;
      return `<${tag}${tag === 'th' ? ` scope="${cell.colspan ? 'colgroup' : 'col'}"` : ''}${span}>${text(cell.text)}</${tag}>`;
    })
    .join('');
}

/** `id` is unique on the page (the node's anchor with -t1, -t2 …); anchors never end that way. */
export function tableHtml(table: TTable, options: { id: string; name: string; n: number }): string {
  const head = table.rows.filter((r) => r.header);
  const body = table.rows.filter((r) => !r.header);
  const id = text(options.id);
  return [
    `<div class="pt-tw" role="region" tabindex="0" aria-labelledby="${id}">`,
    `<table class="pt-t"><caption id="${id}" class="sr-only">${text(m.reader.tableOf(options.name, options.n))}</caption>`,
    head.length > 0 ? `<thead>${head.map((r) => `<tr>${cells(r, 'th')}</tr>`).join('')}</thead>` : '',
    body.length > 0 ? `<tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody>` : '',
    '</table></div>',
    remarksHtml(table.remarks ?? []),
  ].join('');
}

export function remarksHtml(remarks: readonly TRemarks[]): string {
  return remarks
    .map((r) => `<div class="pt-rm policy-node"><p class="pt-rml">${text(r.label)}</p>${r.sentences.map((s) => `<p class="pt-rms">${text(s)}</p>`).join('')}</div>`)
    .join('');
}

/** The tables of a node, before or after its children. */
export function tablesHtml(tables: readonly TTable[], options: { id: string; name: string; afterChildren: boolean }): string {
  return tables
    .map((table, index) => ({ table, index }))
    .filter(({ table }) => (table.afterChildren ?? false) === options.afterChildren)
    .map(({ table, index }) => tableHtml(table, { id: `${options.id}-t${index + 1}`, name: options.name, n: index + 1 }))
    .join('');
}
