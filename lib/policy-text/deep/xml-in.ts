import { type TElement, childElements, firstChild, textOf } from '@/lib/policy-text/deep/xml-element';
import { setEffectiveDates } from '@/lib/policy-text/deep/effective-dates';
import type { parseAppendixHeading } from '@/lib/policy-text/deep/lines';
import { type TAppendix, type TAppendixType, type TNode, type TNodeKind, type TRemarks, type TRow, type TSupplementary, type TTable, emptyNode } from '@/lib/policy-text/deep/tree';

/*
 * Reading 法令標準XML elements back into deep-tree nodes. Anchors are derived from the
 * numbering (the Num attributes) exactly as the text parser derives them.
 */

export interface TReadContext {
  ids: Set<string>;
  /** prefix of article anchors: '' in the main provisions, 'sp1-' in a 附則 */
  prefix: string;
  /** the anchor of the enclosing node ('' at the top) */
  parentId: string;
  /** anchor prefix for items: a7-i, a7-p2-i, i, annex1-i */
  itemPrefix?: string;
  /** the enclosing group, for section ids */
  group?: TNode;
  /** `1 目的`-style units numbered from 1 in each group: article anchors carry the group's */
  restart?: boolean;
}

/** Whether two or more groups number their `1 目的`-style articles from 1 again (as the parser decides). */
export function restartsPerGroup(main: TElement): boolean {
  let restarts = 0;
  let afterGroup = false;
  const walk = (node: TElement): void => {
    for (const child of childElements(node)) {
      if (GROUP_KIND[child.name]) {
        afterGroup = true;
        walk(child);
      } else if (child.name === 'Article') {
        const plain = !textOf(firstChild(child, 'ArticleTitle')).startsWith('第');
        if (plain && afterGroup && readNum(child.attrs.Num).num === 1) restarts++;
        afterGroup = false;
      }
    }
  };
  walk(main);
  return restarts >= 2;
}

const GROUP_KIND: Record<string, TNodeKind> = { Part: 'part', Chapter: 'chapter', Section: 'section', Subsection: 'subsection', Division: 'division' };
const GROUP_SUFFIX: Record<string, string> = { part: 'pt', chapter: 'ch', section: 'sec', subsection: 'sub', division: 'div' };
const REMARKS_LABEL = /^(備考|注)$/;

function uniqueId(ids: Set<string>, base: string): string {
  let id = base;
  let n = 1;
  while (ids.has(id)) id = `${base}-x${++n}`;
  ids.add(id);
  return id;
}

function readNum(value: string | undefined): { num: number; branch?: number } {
  const [num, branch] = (value ?? '').split('_').map((part) => Number.parseInt(part, 10));
  return { num: Number.isFinite(num) && (num ?? 0) > 0 ? (num as number) : 1, ...(branch && branch > 0 ? { branch } : {}) };
}

function unbracket(text: string): string {
  return text.replace(/^[（(]/, '').replace(/[）)]$/, '');
}

/** Sentences of a *Sentence element: a Sentence with Indent starts a new paragraph of text; 「備考」 starts remarks. */
export function readSentences(container: TElement | undefined): { sentences: string[]; remarks: TRemarks[] } {
  const sentences: string[] = [];
  const remarks: TRemarks[] = [];
  let current: TRemarks | undefined;
  const sentenceElements = container ? childElements(container).flatMap((c) => (c.name === 'Column' ? childElements(c, 'Sentence') : c.name === 'Sentence' ? [c] : [])) : [];
  sentenceElements.forEach((sentence, index) => {
    const text = textOf(sentence);
    const indent = sentence.attrs.Indent !== undefined;
    if (indent && REMARKS_LABEL.test(text)) {
      current = { label: text, sentences: [] };
      remarks.push(current);
    } else if (current) {
      if (indent || current.sentences.length === 0) current.sentences.push(text);
      else current.sentences[current.sentences.length - 1] += text;
    } else if (index === 0 || indent) sentences.push(text);
    else sentences[sentences.length - 1] += text;
  });
  return { sentences: sentences.length === 1 && sentences[0] === '' ? [] : sentences, remarks };
}

export function readTable(struct: TElement): TTable {
  const table = firstChild(struct, 'Table');
  const rows = (table ? childElements(table) : []).flatMap((row): TRow[] => {
    if (row.name === 'TableHeaderRow') return [{ header: true, cells: childElements(row, 'TableHeaderColumn').map((c) => ({ text: textOf(c) })) }];
    if (row.name !== 'TableRow') return [];
    return [
      {
        cells: childElements(row, 'TableColumn').map((c) => {
          const colspan = Number(c.attrs.colspan);
          const rowspan = Number(c.attrs.rowspan);
          return { text: textOf(c), ...(colspan >= 2 ? { colspan } : {}), ...(rowspan >= 2 ? { rowspan } : {}) };
        }),
      },
    ];
  });
  const remarks = childElements(struct, 'Remarks').map(readRemarks);
  return { rows: rows.length > 0 ? rows : [{ cells: [{ text: '' }] }], ...(remarks.length > 0 ? { remarks } : {}) };
}

function readRemarks(element: TElement): TRemarks {
  const sentences = childElements(element)
    .filter((c) => c.name === 'Sentence' || c.name === 'Item')
    .map((c) => textOf(c));
  return { label: textOf(firstChild(element, 'RemarksLabel')), sentences: sentences.length === 1 && sentences[0] === '' ? [] : sentences };
}

function readGroup(element: TElement, ctx: TReadContext): TNode {
  const kind = GROUP_KIND[element.name] as TNodeKind;
  const { num, branch } = readNum(element.attrs.Num);
  const titleText = textOf(firstChild(element, `${element.name}Title`));
  const space = titleText.search(/[\s\u3000]/);
  const own = `${GROUP_SUFFIX[kind]}${num}${branch ? `-${branch}` : ''}`;
  const parent = ctx.group;
  const id = uniqueId(ctx.ids, kind === 'chapter' || kind === 'part' || !parent || parent.kind === 'part' ? own : `${parent.id}-${own}`);
  const node = emptyNode(kind, id, space < 0 ? titleText : titleText.slice(0, space), num);
  if (branch) node.branch = branch;
  node.title = space < 0 ? '' : titleText.slice(space).trim();
  node.children = childElements(element)
    .filter((c) => c.name === 'Article' || GROUP_KIND[c.name])
    .map((c) => readNode(c, { ...ctx, group: node }));
  return node;
}

function readArticle(element: TElement, ctx: TReadContext): TNode {
  const { num, branch } = readNum(element.attrs.Num);
  const prefix = ctx.restart && ctx.group ? `${ctx.group.id}-` : ctx.prefix;
  const id = uniqueId(ctx.ids, `${prefix}a${num}${branch ? `-${branch}` : ''}`);
  const node = emptyNode('article', id, textOf(firstChild(element, 'ArticleTitle')), num);
  if (branch) node.branch = branch;
  const caption = firstChild(element, 'ArticleCaption');
  if (caption) node.caption = unbracket(textOf(caption));
  node.children = childElements(element, 'Paragraph').map((p) => readNode(p, { ...ctx, parentId: id }));
  return node;
}

function readProvision(element: TElement, ctx: TReadContext): TNode {
  const { num, branch } = readNum(element.attrs.Num);
  const name = element.name;
  const paragraph = name === 'Paragraph';
  const depth = name.startsWith('Subitem') ? Number(name.slice('Subitem'.length)) : 0;
  let id: string;
  let childPrefix: string;
  if (paragraph) {
    id = uniqueId(ctx.ids, `${ctx.parentId}-p${num}`);
    childPrefix = num === 1 ? `${ctx.parentId}-i` : `${id}-i`;
  } else {
    id = uniqueId(ctx.ids, `${depth > 0 ? `${ctx.parentId}-s` : (ctx.itemPrefix ?? 'i')}${num}${branch ? `-${branch}` : ''}`);
    childPrefix = '';
  }
  const kind: TNodeKind = paragraph ? 'paragraph' : depth > 0 ? 'subitem' : 'item';
  const label = textOf(firstChild(element, paragraph ? 'ParagraphNum' : `${name}Title`));
  const node = emptyNode(kind, id, label, num);
  if (branch) node.branch = branch;
  if (depth > 0) node.depth = depth;
  const caption = paragraph ? firstChild(element, 'ParagraphCaption') : undefined;
  if (caption) node.caption = unbracket(textOf(caption));
  const read = readSentences(firstChild(element, paragraph ? 'ParagraphSentence' : `${name}Sentence`));
  node.sentences = read.sentences;
  node.remarks = read.remarks;
  for (const child of childElements(element)) {
    if (child.name === 'TableStruct') {
      const table = readTable(child);
      if (node.children.length > 0 && paragraph) table.afterChildren = true;
      node.tables.push(table);
    } else if (child.name === 'Item' || /^Subitem\d+$/.test(child.name)) {
      node.children.push(readNode(child, { ...ctx, parentId: id, itemPrefix: childPrefix }));
    }
  }
  return node;
}

export function readNode(element: TElement, ctx: TReadContext): TNode {
  if (GROUP_KIND[element.name]) return readGroup(element, ctx);
  if (element.name === 'Article') return readArticle(element, ctx);
  return readProvision(element, ctx);
}

export function readSupplementary(element: TElement, id: string, ids: Set<string>): TSupplementary {
  ids.add(id);
  const ctx: TReadContext = { ids, prefix: `${id}-`, parentId: id };
  const children = childElements(element)
    .filter((c) => c.name === 'Paragraph' || c.name === 'Article')
    .map((c) => readNode(c, ctx))
    .filter((n) => !(n.kind === 'paragraph' && n.label === '' && n.sentences.length === 0 && n.children.length === 0 && n.tables.length === 0));
  const unit: TSupplementary = {
    kind: 'supplementary',
    id,
    label: textOf(firstChild(element, 'SupplProvisionLabel')) || '附則',
    ...(element.attrs.AmendLawNum ? { note: element.attrs.AmendLawNum } : {}),
    ...(element.attrs.Extract === 'true' ? { extract: true } : {}),
    children,
  };
  setEffectiveDates(unit);
  return unit;
}

const DEFAULT_TYPE: Record<string, TAppendixType> = { AppdxTable: 'table', AppdxNote: 'note', AppdxStyle: 'style', Appdx: 'appdx', AppdxFig: 'reference', AppdxFormat: 'style' };
const DEFAULT_LABEL: Record<TAppendixType, string> = { table: '別表', note: '別記', style: '様式', appdx: '付録', reference: '参考' };

export function readAppendix(element: TElement, id: string, ids: Set<string>, heading: typeof parseAppendixHeading): TAppendix {
  ids.add(id);
  const titleElement = childElements(element).find((c) => c.name.endsWith('Title') || c.name === 'ArithFormulaNum');
  const titleText = textOf(titleElement);
  const parsed = heading(titleText);
  const type = parsed?.type ?? DEFAULT_TYPE[element.name] ?? 'reference';
  const related = firstChild(element, 'RelatedArticleNum');
  const unit: TAppendix = {
    kind: 'appendix',
    id,
    type,
    label: parsed?.label ?? (titleText || DEFAULT_LABEL[type]),
    ...(parsed?.num ? { num: parsed.num } : {}),
    ...(parsed?.title ? { title: parsed.title } : {}),
    ...(related ? { relation: unbracket(textOf(related)) } : parsed?.relation !== undefined ? { relation: parsed.relation } : {}),
    sentences: [],
    tables: [],
    children: [],
    remarks: [],
  };
  const ctx: TReadContext = { ids, prefix: `${id}-`, parentId: id, itemPrefix: `${id}-i` };
  const readContent = (container: TElement): void => {
    for (const child of childElements(container)) {
      if (child.name === 'Sentence') unit.sentences.push(textOf(child));
      else if (child.name === 'TableStruct') {
        const table = readTable(child);
        if (unit.children.length > 0) table.afterChildren = true;
        unit.tables.push(table);
      } else if (child.name === 'Item') unit.children.push(readNode(child, ctx));
      else if (child.name === 'Remarks') unit.remarks.push(readRemarks(child));
      else if (child.name === 'Paragraph') unit.sentences.push(...readSentences(firstChild(child, 'ParagraphSentence')).sentences);
      else if (/^(?:NoteStruct|StyleStruct|FormatStruct|FigStruct|Note|Style|Format|ArithFormula)$/.test(child.name)) readContent(child);
    }
  };
  readContent(element);
  return unit;
}
