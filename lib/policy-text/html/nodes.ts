import { childContext, citeNode, paragraphName, type TCiteContext } from '@/lib/policy-text/html/cite';
import { copyLinkButton } from '@/lib/policy-text/html/copy-link';
import { escapeHtml as text } from '@/lib/policy-text/html/escape';
import { remarksHtml, tablesHtml } from '@/lib/policy-text/html/tables';
import type { TNode } from '@/lib/policy-text/deep/tree';

/*
 * The main provisions at any depth. Groups (編・章・節・款・目) and articles are <section>s with a
 * heading one level below their group's; paragraphs (項) are blocks; items (号) and their 細分 are
 * nested lists, each entry a two-column grid: the label in the first column and the text in the
 * second, so that wrapped lines align with the text and every level hangs its label one step in
 * (globals.css: .pt-*). Every node with an anchor carries it as its id, and a copy-link button.
 */

/** HTML shown after an article's text (the revision page puts each article's 沿革 there); escaped by its maker. */
export type TArticleFooterHtml = (article: TNode) => string;

export interface TRenderOptions {
  articleFooter?: TArticleFooterHtml;
}

const GROUP_KINDS = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);
const LIST_KINDS = new Set<TNode['kind']>(['item', 'subitem']);

const heading = (level: number): number => Math.min(Math.max(level, 2), 6);

/**
 * A node's own text: the first sentence carries the copy-link button; further sentences (後段,
 * a definition under its term) follow as indented paragraphs. A short first line without 。 over
 * further text is a term or a caption and is set in bold, as the basic policy's definitions are.
 */
function sentencesHtml(node: TNode, button: string): string {
  const [first, ...rest] = node.sentences;
  if (first === undefined) return '';
  const term = rest.length > 0 && !/[。．]$/.test(first);
  return [`<p class="policy-node group${term ? ' font-bold' : ''}">${text(first)}${button}</p>`, ...rest.map((s) => `<p class="policy-node pt-more">${text(s)}</p>`)].join('');
}

/** A node's content in the order of the text: sentences, tables, children, tables after them, 備考. */
export function contentHtml(node: TNode, citation: string, ctx: TCiteContext, level: number, options: TRenderOptions, button: string): string {
  const inner = childContext(node, citation, ctx);
  return [
    sentencesHtml(node, button),
    tablesHtml(node.tables, { id: node.id, name: citation, afterChildren: false }),
    nodesHtml(node.children, inner, level, options),
    tablesHtml(node.tables, { id: node.id, name: citation, afterChildren: true }),
    remarksHtml(node.remarks),
  ].join('');
}

/** Sibling nodes: runs of items and 細分 become one list; groups, articles and paragraphs stand alone. */
export function nodesHtml(nodes: readonly TNode[], ctx: TCiteContext, level: number, options: TRenderOptions): string {
  const out: string[] = [];
  let list: string[] | null = null;
  const closeList = () => {
    if (list) out.push(...list, '</ol>');
    list = null;
  };
  for (const node of nodes) {
    if (LIST_KINDS.has(node.kind)) {
      if (!list) list = ['<ol role="list" class="pt-ls">'];
      list.push(listEntryHtml(node, ctx, level, options));
      continue;
    }
    closeList();
    if (GROUP_KINDS.has(node.kind)) out.push(groupHtml(node, ctx, level, options));
    else if (node.kind === 'article') out.push(articleHtml(node, ctx, level, options));
    else out.push(paragraphHtml(node, ctx, level, options));
  }
  closeList();
  return out.join('');
}

function groupHtml(node: TNode, ctx: TCiteContext, level: number, options: TRenderOptions): string {
  const citation = citeNode(node, ctx);
  const h = heading(level);
  const id = text(node.id);
  return [
    `<section id="${id}" aria-labelledby="${id}-heading" class="policy-anchor pt-g pt-${node.kind}">`,
    `<div class="group flex items-baseline"><h${h} id="${id}-heading" class="pt-gh">${text(node.label)}${node.title ? `<span class="ml-[1em]">${text(node.title)}</span>` : ''}</h${h}>${copyLinkButton(node.id, citation)}</div>`,
    contentHtml(node, citation, ctx, level + 1, options, ''),
    '</section>',
  ].join('');
}

function articleHtml(node: TNode, ctx: TCiteContext, level: number, options: TRenderOptions): string {
  const citation = citeNode(node, ctx);
  const h = heading(level);
  const id = text(node.id);
  const title = `${node.label}${node.caption ? `（${node.caption}）` : ''}`;
  return [
    `<section id="${id}" aria-labelledby="${id}-heading" class="policy-anchor pt-a">`,
    `<div class="group flex items-baseline"><h${h} id="${id}-heading" class="pt-ah">${text(title)}</h${h}>${copyLinkButton(node.id, citation)}</div>`,
    `<div class="pt-ab">${contentHtml(node, citation, ctx, level + 1, options, '')}</div>`,
    options.articleFooter?.(node) ?? '',
    '</section>',
  ].join('');
}

function paragraphHtml(node: TNode, ctx: TCiteContext, level: number, options: TRenderOptions): string {
  const citation = citeNode(node, ctx);
  // A paragraph without text of its own (its items follow the article's heading) is linked by its
  // article's button. The button of a sole paragraph still says 第1項, so that it does not read the
  // same as the article's (its items are cited without it: 第７第１号).
  const button = node.sentences.length > 0 ? copyLinkButton(node.id, paragraphName(node, citation, ctx)) : '';
  return [
    `<div id="${text(node.id)}" class="policy-anchor pt-n pt-p">`,
    `<span class="pt-l">${text(node.label)}</span>`,
    `<div class="pt-b">${contentHtml(node, citation, ctx, level, options, button)}</div>`,
    '</div>',
  ].join('');
}

function listEntryHtml(node: TNode, ctx: TCiteContext, level: number, options: TRenderOptions): string {
  const citation = citeNode(node, ctx);
  const button = copyLinkButton(node.id, citation);
  const hasText = node.sentences.length > 0;
  return [
    `<li id="${text(node.id)}" class="policy-anchor pt-n ${node.kind === 'item' ? 'pt-i' : 'pt-s'}">`,
    `<span class="pt-l${hasText ? '' : ' group'}">${text(node.label)}${hasText ? '' : button}</span>`,
    `<div class="pt-b">${contentHtml(node, citation, ctx, level, options, hasText ? button : '')}</div>`,
    '</li>',
  ].join('');
}
