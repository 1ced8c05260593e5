import { messages as m } from '@/lib/messages/ja';
import { TOP_CONTEXT, type TCiteContext } from '@/lib/policy-text/html/cite';
import { copyLinkButton } from '@/lib/policy-text/html/copy-link';
import { escapeHtml as text } from '@/lib/policy-text/html/escape';
import { nodesHtml, type TRenderOptions } from '@/lib/policy-text/html/nodes';
import { remarksHtml, tablesHtml } from '@/lib/policy-text/html/tables';
import type { TAppendix, TSupplementary, TTailUnit } from '@/lib/policy-text/deep/tree';
import { formatWareki } from '@/lib/policy-text/wareki';

/*
 * What follows the main provisions, in the order of the text: 附則 (several, each with the
 * instrument that added it) and appendices (別表・別記・様式・付録・参考) with their relation
 * （第n条関係）and title. Each is a section with its anchor (sp1, annex1) and a copy-link button.
 */

export function tailHtml(units: readonly TTailUnit[], options: TRenderOptions): string {
  if (units.length === 0) return '';
  return `<div class="pt-tail">${units.map((unit) => (unit.kind === 'supplementary' ? supplementaryHtml(unit, options) : appendixHtml(unit, options))).join('')}</div>`;
}

function supplementaryHtml(unit: TSupplementary, options: TRenderOptions): string {
  const id = text(unit.id);
  // Several 附則 read the same; the instrument or the date tells them apart in a list of headings.
  const aside = unit.note
    ? `<span class="ml-[0.5em] font-normal">（${text(unit.note)}）</span>`
    : unit.effectiveDate
      ? `<span class="sr-only">${text(` ${m.reader.effectiveFrom(formatWareki(unit.effectiveDate))}`)}</span>`
      : '';
  // The buttons say which 附則 they copy: 附則（令和5年3月30日訓令第8号）第2項.
  const name = `${unit.label}${unit.note ? `（${unit.note}）` : unit.effectiveDate ? `（${m.reader.effectiveFrom(formatWareki(unit.effectiveDate))}）` : ''}`;
  const ctx: TCiteContext = { ...TOP_CONTEXT, head: name, prefix: name };
  return [
    `<section id="${id}" aria-labelledby="${id}-heading" class="policy-anchor pt-sp">`,
    `<div class="group flex items-baseline"><h2 id="${id}-heading" class="pt-sph"><span class="ml-[3em]">${text(unit.label)}</span>${unit.extract ? `<span class="ml-[1em]">${text(m.reader.extract)}</span>` : ''}${aside}</h2>${copyLinkButton(unit.id, name)}</div>`,
    `<div class="pt-spb">${nodesHtml(unit.children, ctx, 3, options)}</div>`,
    '</section>',
  ].join('');
}

function appendixHtml(unit: TAppendix, options: TRenderOptions): string {
  const id = text(unit.id);
  const ctx: TCiteContext = { ...TOP_CONTEXT, head: unit.label, prefix: unit.label };
  const sentences = unit.sentences.map((s) => `<p class="policy-node">${text(s)}</p>`).join('');
  return [
    `<section id="${id}" aria-labelledby="${id}-heading" class="policy-anchor pt-ax pt-ax-${unit.type}">`,
    `<div class="group flex items-baseline"><h2 id="${id}-heading" class="pt-axh">${text(unit.label)}`,
    unit.relation ? `<span class="font-normal">${text(m.reader.relation(unit.relation))}</span>` : '',
    unit.title ? `<span class="pt-axt">${text(unit.title)}</span>` : '',
    `</h2>${copyLinkButton(unit.id, unit.label)}</div>`,
    `<div class="pt-axb">`,
    sentences,
    tablesHtml(unit.tables, { id: unit.id, name: unit.label, afterChildren: false }),
    nodesHtml(unit.children, ctx, 3, options),
    tablesHtml(unit.tables, { id: unit.id, name: unit.label, afterChildren: true }),
    remarksHtml(unit.remarks),
    '</div></section>',
  ].join('');
}
