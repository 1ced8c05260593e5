import { messages as m } from '@/lib/messages/ja';
import type { TAnnex, TArticle, TChapter, TItem, TParagraph, TPolicyTree, TSupplementaryProvision } from '@/lib/policy-text/tree';
import { formatWareki } from '@/lib/policy-text/wareki';

/*
 * The markup of a regulation text, as one HTML string.
 *
 * A standard of 30 articles is a few thousand elements. Rendered as React elements, every request
 * paid for them twice (the RSC payload, then the HTML from it), and that was most of a reader
 * page's server time (bench/RESULTS.md). As one string the page carries it once per pass, and
 * building it is plain concatenation.
 *
 * Everything taken from the text is escaped here, in `text()` and `attr()`, and nowhere else:
 * no value from a tree reaches the output without one of the two.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content and attribute values alike: the five characters that can end either. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const text = escapeHtml;
const attr = escapeHtml;

type THeadingLevel = 2 | 3 | 4;

/** HTML shown after an article's text (the revision page puts each article's 沿革 there); escaped by its maker. */
export type TArticleFooterHtml = (article: TArticle) => string;

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Paragraph numbers are printed the way the text writes them: ２, ３ … in full-width digits. */
function fullWidth(n: number): string {
  return String(n).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d);
}

/*
 * Copies the address of one node (components/reader/copy-link.tsx handles the clicks of all of
 * them). One short class (globals.css: .copy-link), because a standard has hundreds.
 */
function copyLinkButton(id: string, target: string): string {
  return `<button type="button" class="copy-link" data-copy-link="${attr(id)}"><span class="sr-only">${text(m.reader.copyLinkFor(target))}</span><span aria-hidden="true" class="copy-link-tip">${text(m.reader.copyLink)}</span></button>`;
}

/** The structured regulation text: every article, paragraph, item and sub-item carries its anchor id. */
export function renderPolicyTextHtml(tree: TPolicyTree, options: { articleFooter?: TArticleFooterHtml } = {}): string {
  const out: string[] = [];
  if (tree.header.length > 0) {
    out.push('<div class="text-right text-solid-gray-700">', ...tree.header.map((line) => `<p>${text(line)}</p>`), '</div>');
  }
  if (tree.enactment) out.push(`<p class="mt-6 indent-[1em]">${text(tree.enactment)}</p>`);
  if (tree.preamble.length > 0) {
    out.push('<div class="mt-6 space-y-3">', ...tree.preamble.map((line) => `<p class="indent-[1em]">${text(line)}</p>`), '</div>');
  }
  if (tree.items.length > 0) out.push('<div class="mt-6">', itemList(tree.items, ''), '</div>');
  for (const article of tree.articles) out.push(articleBlock(article, 2, options.articleFooter));
  for (const chapter of tree.chapters) out.push(chapterBlock(chapter, options.articleFooter));
  if (tree.supplementaryProvisions.length > 0) {
    out.push('<div class="mt-14 border-t border-solid-gray-200 pt-4">', ...tree.supplementaryProvisions.map(supplementaryBlock), '</div>');
  }
  for (const annex of tree.annexes) out.push(annexBlock(annex));
  return out.join('');
}

function chapterBlock(chapter: TChapter, footer: TArticleFooterHtml | undefined): string {
  const out = [
    `<section id="${attr(chapter.id)}" aria-labelledby="${attr(chapter.id)}-heading" class="policy-anchor mt-14 first:mt-0">`,
    `<h2 id="${attr(chapter.id)}-heading" class="text-std-22B-150 text-solid-gray-900">${text(chapter.number)}<span class="ml-[1em]">${text(chapter.title)}</span></h2>`,
    ...chapter.articles.map((article) => articleBlock(article, 3, footer)),
  ];
  for (const section of chapter.sections) {
    out.push(
      `<section id="${attr(section.id)}" aria-labelledby="${attr(section.id)}-heading" class="policy-anchor mt-10">`,
      `<h3 id="${attr(section.id)}-heading" class="text-std-20B-150 text-solid-gray-900">${text(section.number)}<span class="ml-[1em]">${text(section.title)}</span></h3>`,
      ...section.articles.map((article) => articleBlock(article, 4, footer)),
      '</section>',
    );
  }
  out.push('</section>');
  return out.join('');
}

function articleBlock(article: TArticle, level: THeadingLevel, footer: TArticleFooterHtml | undefined): string {
  const heading = `${article.number}${article.caption ? `（${article.caption}）` : ''}`;
  return [
    `<section id="${attr(article.id)}" aria-labelledby="${attr(article.id)}-heading" class="policy-anchor mt-10 first:mt-0">`,
    `<div class="group flex items-baseline"><h${level} id="${attr(article.id)}-heading" class="text-std-18B-160 text-solid-gray-900">${text(heading)}</h${level}>${copyLinkButton(article.id, article.number)}</div>`,
    '<div class="mt-2 space-y-3">',
    ...article.paragraphs.map((paragraph) => paragraphBlock(paragraph, article)),
    '</div>',
    footer?.(article) ?? '',
    '</section>',
  ].join('');
}

function paragraphBlock(paragraph: TParagraph, article: TArticle): string {
  const target = `${article.number}${m.reader.paragraph(paragraph.num)}`;
  // Items of the first paragraph are cited without it: 第２(4), not 第２第1項(4).
  const itemPrefix = paragraph.num === 1 ? article.number : target;
  return [
    `<div id="${attr(paragraph.id)}" class="policy-anchor grid grid-cols-[1.25em_minmax(0,1fr)] gap-x-[0.25em]">`,
    `<span class="text-solid-gray-900">${paragraph.num > 1 ? fullWidth(paragraph.num) : ''}</span>`,
    '<div>',
    paragraph.text ? `<p class="policy-node group">${text(paragraph.text)}${copyLinkButton(paragraph.id, target)}</p>` : '',
    paragraph.items.length > 0 ? itemList(paragraph.items, itemPrefix) : '',
    '</div></div>',
  ].join('');
}

function itemList(items: TItem[], targetPrefix: string): string {
  const out = ['<ol role="list" class="mt-2 space-y-2">'];
  for (const item of items) {
    const target = `${targetPrefix}${item.label}`;
    out.push(
      `<li id="${attr(item.id)}" class="policy-anchor grid grid-cols-[minmax(2em,auto)_minmax(0,1fr)] gap-x-[0.25em] md:grid-cols-[minmax(2.5em,auto)_minmax(0,1fr)] md:gap-x-[0.5em]">`,
      `<span class="tabular-nums">${text(item.label)}</span>`,
      '<div>',
      `<p class="policy-node group${item.body.length > 0 ? ' font-bold' : ''}">${text(item.text)}${copyLinkButton(item.id, target)}</p>`,
      ...item.body.map((line) => `<p class="policy-node mt-1 indent-[1em]">${text(line)}</p>`),
    );
    if (item.subItems.length > 0) {
      out.push('<ol role="list" class="mt-2 space-y-2">');
      for (const sub of item.subItems) {
        out.push(
          `<li id="${attr(sub.id)}" class="policy-anchor policy-node grid grid-cols-[minmax(1em,auto)_minmax(0,1fr)] gap-x-[0.25em] md:grid-cols-[minmax(1.25em,auto)_minmax(0,1fr)] md:gap-x-[0.5em]">`,
          `<span>${text(sub.label)}</span>`,
          `<p class="group">${text(sub.text)}${copyLinkButton(sub.id, `${target}${sub.label}`)}</p>`,
          '</li>',
        );
      }
      out.push('</ol>');
    }
    out.push('</div></li>');
  }
  out.push('</ol>');
  return out.join('');
}

function supplementaryBlock(provision: TSupplementaryProvision): string {
  // Several 付則 in a row read the same; the date tells them apart in a heading list.
  const aside = provision.note
    ? `<span class="ml-[0.5em] font-normal">（${text(provision.note)}）</span>`
    : provision.effectiveDate
      ? `<span class="sr-only">${text(` ${m.reader.effectiveFrom(formatWareki(provision.effectiveDate))}`)}</span>`
      : '';
  return [
    `<section id="${attr(provision.id)}" aria-labelledby="${attr(provision.id)}-heading" class="policy-anchor mt-8">`,
    `<h2 id="${attr(provision.id)}-heading" class="text-std-18B-160 text-solid-gray-900"><span class="ml-[3em]">${text(provision.heading)}</span>${aside}</h2>`,
    '<div class="mt-2 space-y-2">',
    ...provision.paragraphs.map((line) => `<p class="policy-node pl-[1.5em]">${text(line)}</p>`),
    '</div></section>',
  ].join('');
}

function annexBlock(annex: TAnnex): string {
  const lines = annex.lines.filter((line) => line.trim() !== '');
  return [
    `<section id="${attr(annex.id)}" aria-labelledby="${attr(annex.id)}-heading" class="policy-anchor mt-14 break-before-page">`,
    `<h2 id="${attr(annex.id)}-heading" class="text-std-18B-160 text-solid-gray-900">${text(annex.title)}</h2>`,
    lines.length > 0
      ? `<div class="mt-3 rounded-8 border border-solid-gray-420 px-5 py-4 print:border-black">${lines.map((line) => `<p class="whitespace-pre-wrap">${text(line)}</p>`).join('')}</div>`
      : '',
    '</section>',
  ].join('');
}
