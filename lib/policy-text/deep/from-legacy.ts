import { toFullWidthDigits } from '@/lib/policy-text/normalize';
import type { TArticle, TChapter, TItem, TParagraph, TPolicyTree, TSection, TSubItem } from '@/lib/policy-text/tree';
import { parseAppendixHeading } from '@/lib/policy-text/deep/lines';
import { DEEP_TREE_VERSION, type TAppendix, type TDeepTree, type TNode, type TSupplementary, emptyNode } from '@/lib/policy-text/deep/tree';

/*
 * Today's stored tree (lib/policy-text/tree.ts) to the deep tree, keeping every anchor: the
 * deep scheme extends the old one, so each old node keeps its id. An item's text and body
 * become its sentences; an annex's lines become the appendix's sentences.
 */

function subItemNode(subItem: TSubItem): TNode {
  const node = emptyNode('subitem', subItem.id, subItem.label, subItem.num);
  node.depth = 1;
  if (subItem.text !== '') node.sentences.push(subItem.text);
  return node;
}

function itemNode(item: TItem): TNode {
  const node = emptyNode('item', item.id, item.label, item.num);
  node.sentences = item.text === '' ? [...item.body] : [item.text, ...item.body];
  node.children = item.subItems.map(subItemNode);
  return node;
}

function paragraphNode(paragraph: TParagraph): TNode {
  const label = paragraph.num === 1 ? '' : toFullWidthDigits(paragraph.num);
  const node = emptyNode('paragraph', paragraph.id, label, paragraph.num);
  if (paragraph.text !== '') node.sentences.push(paragraph.text);
  node.children = paragraph.items.map(itemNode);
  return node;
}

function articleNode(article: TArticle): TNode {
  const node = emptyNode('article', article.id, article.number, article.num);
  if (article.branch) node.branch = article.branch;
  if (article.caption) node.caption = article.caption;
  node.children = article.paragraphs.map(paragraphNode);
  return node;
}

function sectionNode(section: TSection): TNode {
  const node = emptyNode('section', section.id, section.number, section.num);
  node.title = section.title;
  node.children = section.articles.map(articleNode);
  return node;
}

function chapterNode(chapter: TChapter): TNode {
  const node = emptyNode('chapter', chapter.id, chapter.number, chapter.num);
  node.title = chapter.title;
  node.children = [...chapter.articles.map(articleNode), ...chapter.sections.map(sectionNode)];
  return node;
}

function supplementaryUnit(provision: TPolicyTree['supplementaryProvisions'][number]): TSupplementary {
  const paragraph = emptyNode('paragraph', `${provision.id}-p1`, '', 1);
  paragraph.sentences = [...provision.paragraphs];
  return {
    kind: 'supplementary',
    id: provision.id,
    label: provision.heading,
    ...(provision.note ? { note: provision.note } : {}),
    children: provision.paragraphs.length > 0 ? [paragraph] : [],
    ...(provision.effectiveDate ? { effectiveDate: provision.effectiveDate } : {}),
  };
}

function appendixUnit(annex: TPolicyTree['annexes'][number]): TAppendix {
  const heading = parseAppendixHeading(annex.title);
  return {
    kind: 'appendix',
    id: annex.id,
    type: heading?.type ?? 'reference',
    label: heading?.label ?? annex.title,
    ...(heading?.num ? { num: heading.num } : {}),
    ...(heading?.title ? { title: heading.title } : {}),
    ...(heading?.relation !== undefined ? { relation: heading.relation } : {}),
    sentences: [...annex.lines],
    tables: [],
    children: [],
    remarks: [],
  };
}

/** The deep tree of a stored TPolicyTree; every old anchor is an anchor of the result. */
export function deepTreeFromLegacy(legacy: TPolicyTree): TDeepTree {
  return {
    version: DEEP_TREE_VERSION,
    title: legacy.title,
    header: [...legacy.header],
    ...(legacy.enactment ? { enactment: legacy.enactment } : {}),
    toc: [...legacy.toc],
    preamble: [...legacy.preamble],
    body: [...legacy.articles.map(articleNode), ...legacy.chapters.map(chapterNode), ...legacy.items.map(itemNode)],
    tail: [...legacy.supplementaryProvisions.map(supplementaryUnit), ...legacy.annexes.map(appendixUnit)],
  };
}

/** Every anchor of a stored TPolicyTree, for checking that a conversion keeps them all. */
export function legacyAnchors(legacy: TPolicyTree): string[] {
  const ids: string[] = [];
  const items = (list: readonly TItem[]): void => {
    for (const item of list) ids.push(item.id, ...item.subItems.map((s) => s.id));
  };
  const articles = (list: readonly TArticle[]): void => {
    for (const article of list) {
      ids.push(article.id);
      for (const paragraph of article.paragraphs) {
        ids.push(paragraph.id);
        items(paragraph.items);
      }
    }
  };
  articles(legacy.articles);
  for (const chapter of legacy.chapters) {
    ids.push(chapter.id);
    articles(chapter.articles);
    for (const section of chapter.sections) {
      ids.push(section.id);
      articles(section.articles);
    }
  }
  items(legacy.items);
  ids.push(...legacy.supplementaryProvisions.map((p) => p.id), ...legacy.annexes.map((a) => a.id));
  return ids;
}
