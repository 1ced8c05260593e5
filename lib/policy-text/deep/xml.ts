import { parseNumeral } from '@/lib/policy-text/normalize';
import { parseWarekiDate } from '@/lib/policy-text/wareki';
import { parseAppendixHeading } from '@/lib/policy-text/deep/lines';
import { type TElement, buildXml, childElements, el, firstChild, parseXml, textOf } from '@/lib/policy-text/deep/xml-element';
import { readAppendix, readNode, readSentences, readSupplementary, restartsPerGroup } from '@/lib/policy-text/deep/xml-in';
import { DEEP_TREE_VERSION, type TAppendix, type TDeepTree, type TNode, type TRemarks, type TSupplementary, type TTable } from '@/lib/policy-text/deep/tree';

/*
 * 法令標準XML (e-Gov law XML, schema v3) out of and into the deep tree. Element names and
 * nesting follow the schema: Law > LawNum, LawBody > LawTitle, EnactStatement, TOC, Preamble,
 * MainProvision > Part/Chapter/Section/Subsection/Division > Article > Paragraph > Item >
 * Subitem1 … Subitem10, TableStruct, SupplProvision, AppdxTable/AppdxNote/AppdxStyle/Appdx.
 *
 * What the schema has no place for is written in its own terms so that it reads back exactly:
 * a node's further paragraphs of text are Sentences with an Indent attribute (a new indented
 * line), its 備考 a Sentence 「備考」 with Indent followed by the remarks; header lines are the
 * LawNum; an appendix that mixes text, tables and items is an AppdxNote (or AppdxStyle) whose
 * NoteStruct holds them. ただし書 is a Sentence with Function="proviso".
 */

const GROUP_ELEMENT = { part: 'Part', chapter: 'Chapter', section: 'Section', subsection: 'Subsection', division: 'Division' } as const;
const ERA_NAMES: Record<string, string> = { 明治: 'Meiji', 大正: 'Taisho', 昭和: 'Showa', 平成: 'Heisei', 令和: 'Reiwa' };
export const MAX_SUBITEM_DEPTH = 10;

function numAttr(num: number, branch?: number): string {
  return branch ? `${num}_${branch}` : String(Math.max(num, 1));
}

/** Splits a paragraph of text into sentences at 。 outside brackets, keeping every character. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if ('（(「『［【'.includes(ch)) depth++;
    else if ('）)」』］】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '。' && depth === 0 && i + 1 < text.length) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function sentenceElements(sentences: readonly string[], remarks: readonly TRemarks[], indent: string): TElement[] {
  const out: TElement[] = [];
  let num = 0;
  sentences.forEach((entry, index) => {
    const parts = splitSentences(entry);
    const proviso = parts.some((p) => p.startsWith('ただし、') || p.startsWith('ただし，'));
    parts.forEach((part, partIndex) => {
      const fn = proviso ? (part.startsWith('ただし') ? 'proviso' : 'main') : undefined;
      out.push(el('Sentence', { Num: String(++num), Function: fn, Indent: index > 0 && partIndex === 0 ? indent : undefined }, [part]));
    });
  });
  for (const remark of remarks) {
    out.push(el('Sentence', { Num: String(++num), Indent: indent }, [remark.label]));
    for (const sentence of remark.sentences) out.push(el('Sentence', { Num: String(++num), Indent: indent }, [sentence]));
  }
  return out.length > 0 ? out : [el('Sentence')];
}

function remarksElement(remarks: TRemarks): TElement {
  const sentences = remarks.sentences.map((s, i) => el('Sentence', { Num: String(i + 1) }, [s]));
  return el('Remarks', {}, [el('RemarksLabel', {}, [remarks.label]), ...(sentences.length > 0 ? sentences : [el('Sentence')])]);
}

function tableElement(table: TTable): TElement {
  const rows = table.rows.map((row) =>
    row.header
      ? el(
          'TableHeaderRow',
          {},
          row.cells.map((cell) => el('TableHeaderColumn', {}, [cell.text])),
        )
      : el(
          'TableRow',
          {},
          row.cells.map((cell) =>
            el('TableColumn', { rowspan: cell.rowspan ? String(cell.rowspan) : undefined, colspan: cell.colspan ? String(cell.colspan) : undefined }, [el('Sentence', {}, [cell.text])]),
          ),
        ),
  );
  return el('TableStruct', {}, [el('Table', {}, rows), ...(table.remarks ?? []).map(remarksElement)]);
}

function provisionElement(node: TNode, name: string, indent: string): TElement {
  const before = node.tables.filter((t) => !t.afterChildren).map(tableElement);
  const after = node.tables.filter((t) => t.afterChildren).map(tableElement);
  const children = node.children.map(nodeElement);
  const title = node.kind === 'paragraph' ? 'ParagraphNum' : `${name}Title`;
  const sentence = node.kind === 'paragraph' ? 'ParagraphSentence' : `${name}Sentence`;
  // Item and Subitem hold their tables after their sub-items only
  const content = node.kind === 'paragraph' ? [...before, ...children, ...after] : [...children, ...before, ...after];
  return el('' + name, { Num: numAttr(node.num, node.branch) }, [
    node.kind === 'paragraph' && node.caption !== undefined ? el('ParagraphCaption', {}, [`（${node.caption}）`]) : undefined,
    node.kind === 'paragraph' || node.label !== '' ? el(title, {}, [node.label]) : undefined,
    el(sentence, {}, sentenceElements(node.sentences, node.remarks, indent)),
    ...content,
  ]);
}

function nodeElement(node: TNode): TElement {
  switch (node.kind) {
    case 'part':
    case 'chapter':
    case 'section':
    case 'subsection':
    case 'division': {
      const name = GROUP_ELEMENT[node.kind];
      return el(name, { Num: numAttr(node.num, node.branch) }, [el(`${name}Title`, {}, [node.title ? `${node.label}\u3000${node.title}` : node.label]), ...node.children.map(nodeElement)]);
    }
    case 'article':
      return el('Article', { Num: numAttr(node.num, node.branch) }, [
        node.caption !== undefined ? el('ArticleCaption', {}, [`（${node.caption}）`]) : undefined,
        el('ArticleTitle', {}, [node.label]),
        ...node.children.map(nodeElement),
      ]);
    case 'paragraph':
      return provisionElement(node, 'Paragraph', 'Paragraph');
    case 'item':
      return provisionElement(node, 'Item', 'Item');
    default: {
      const depth = node.depth ?? 1;
      if (depth > MAX_SUBITEM_DEPTH) throw new Error(`${node.id}: 号の細分が${MAX_SUBITEM_DEPTH}段を超えるため、法令標準XMLに書き出せません。`);
      return provisionElement(node, `Subitem${depth}`, `Subitem${depth}`);
    }
  }
}

function tocElement(entries: readonly string[]): TElement {
  const chapters = entries.every((e) => /^(?:第[0-9０-９一二三四五六七八九十百]+(?:章|節|款|目)|[附付][\s\u3000]*則)/.test(e)) && /章/.test(entries[0] ?? '');
  const children: TElement[] = [];
  if (chapters) {
    let chapter: TElement | undefined;
    entries.forEach((entry, index) => {
      if (/^[附付]/.test(entry)) children.push(el('TOCSupplProvision', {}, [el('SupplProvisionLabel', {}, [entry])]));
      else if (/^第[^章節]+章/.test(entry) || !chapter) {
        chapter = el('TOCChapter', { Num: String(index + 1) }, [el('ChapterTitle', {}, [entry])]);
        children.push(chapter);
      } else chapter.children.push(el('TOCSection', { Num: String(index + 1) }, [el('SectionTitle', {}, [entry])]));
    });
  } else {
    entries.forEach((entry, index) => {
      const space = entry.indexOf('\u3000');
      const title = space < 0 ? entry : entry.slice(0, space);
      const caption = space < 0 ? '' : entry.slice(space + 1);
      children.push(el('TOCArticle', { Num: String(index + 1) }, [el('ArticleTitle', {}, [title]), el('ArticleCaption', {}, [caption])]));
    });
  }
  return el('TOC', {}, [el('TOCLabel', {}, ['目次']), ...children]);
}

function supplementaryElement(unit: TSupplementary): TElement {
  const children = unit.children.length > 0 ? unit.children.map(nodeElement) : [el('Paragraph', { Num: '1' }, [el('ParagraphNum'), el('ParagraphSentence', {}, [el('Sentence')])])];
  return el('SupplProvision', { AmendLawNum: unit.note, Extract: unit.extract ? 'true' : undefined }, [el('SupplProvisionLabel', {}, [unit.label]), ...children]);
}

function appendixElement(unit: TAppendix): TElement {
  const title = unit.title ? `${unit.label}\u3000${unit.title}` : unit.label;
  const related = unit.relation !== undefined ? el('RelatedArticleNum', {}, [`（${unit.relation}）`]) : undefined;
  const num = unit.num ? String(unit.num) : undefined;
  const remarks = unit.remarks.length === 1 ? remarksElement(unit.remarks[0] as TRemarks) : undefined;
  const plain = unit.sentences.length === 0 && unit.remarks.length <= 1;
  if (unit.type === 'table' && plain && unit.children.length === 0 && unit.tables.length > 0) {
    return el('AppdxTable', { Num: num }, [el('AppdxTableTitle', {}, [title]), related, ...unit.tables.map(tableElement), remarks]);
  }
  if (unit.type === 'table' && plain && unit.tables.length === 0 && unit.children.length > 0) {
    return el('AppdxTable', { Num: num }, [el('AppdxTableTitle', {}, [title]), related, ...unit.children.map(nodeElement), remarks]);
  }
  const content = [
    ...unit.sentences.map((s) => el('Sentence', {}, [s])),
    ...unit.tables.filter((t) => !t.afterChildren).map(tableElement),
    ...unit.children.map(nodeElement),
    ...unit.tables.filter((t) => t.afterChildren).map(tableElement),
  ];
  const allRemarks = unit.remarks.map(remarksElement);
  if (unit.type === 'style') return el('AppdxStyle', { Num: num }, [el('AppdxStyleTitle', {}, [title]), related, el('StyleStruct', {}, [el('Style', {}, content)]), ...allRemarks]);
  if (unit.type === 'appdx') return el('Appdx', {}, [el('ArithFormulaNum', {}, [title]), related, el('ArithFormula', { Num: num }, content), ...allRemarks]);
  return el('AppdxNote', { Num: num }, [el('AppdxNoteTitle', {}, [title]), related, el('NoteStruct', {}, [el('Note', {}, content)]), ...allRemarks]);
}

/**
 * Law's attributes from the header (令和3年3月25日訓令第5号, 平成十五年訓令第八号). The schema requires
 * Era, Year, Num and LawType: a text whose header names none reads as Reiwa 1 No. 1 (Misc).
 */
function lawAttributes(tree: TDeepTree): Record<string, string> {
  const header = tree.header.join('');
  const era = /(明治|大正|昭和|平成|令和)(元|[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})年/.exec(header);
  const iso = parseWarekiDate(/(?:明治|大正|昭和|平成|令和)[^日]{1,12}日/.exec(header)?.[0] ?? '');
  const year = era?.[2] === '元' ? 1 : (parseNumeral(era?.[2] ?? '') ?? 1);
  const num = parseNumeral(/第([0-9０-９]{1,6}|[〇一二三四五六七八九十百]{1,8})号/.exec(header)?.[1] ?? '');
  const type = /規則/.test(header) ? 'Rule' : 'Misc';
  return {
    Era: ERA_NAMES[era?.[1] ?? ''] ?? 'Reiwa',
    Year: String(Math.max(year, 1)),
    Num: num && num > 0 ? String(num) : '1',
    ...(iso ? { PromulgateMonth: String(Number(iso.slice(5, 7))), PromulgateDay: String(Number(iso.slice(8, 10))) } : {}),
    LawType: type,
    Lang: 'ja',
  };
}

/** The tree as 法令標準XML (schema v3). Throws only for sub-items deeper than Subitem10. */
export function deepTreeToLawXml(tree: TDeepTree): string {
  const declaration = tree.body.length > 0 && tree.body.every((n) => n.kind === 'item');
  // MainProvision must hold something: a text of items only (or of nothing) is one unnumbered Paragraph
  const main =
    declaration || tree.body.length === 0
      ? [el('Paragraph', { Num: '1' }, [el('ParagraphNum'), el('ParagraphSentence', {}, [el('Sentence')]), ...tree.body.map(nodeElement)])]
      : tree.body.map(nodeElement);
  const law = el('Law', lawAttributes(tree), [
    el('LawNum', {}, [tree.header.join('\n')]),
    el('LawBody', {}, [
      el('LawTitle', {}, [tree.title]),
      tree.enactment !== undefined ? el('EnactStatement', {}, [tree.enactment]) : undefined,
      tree.toc.length > 0 ? tocElement(tree.toc) : undefined,
      tree.preamble.length > 0
        ? el(
            'Preamble',
            {},
            tree.preamble.map((p, i) => el('Paragraph', { Num: String(i + 1) }, [el('ParagraphNum'), el('ParagraphSentence', {}, [el('Sentence', {}, [p])])])),
          )
        : undefined,
      el('MainProvision', {}, main),
      ...tree.tail.map((unit) => (unit.kind === 'supplementary' ? supplementaryElement(unit) : appendixElement(unit))),
    ]),
  ]);
  return buildXml(law);
}

function tocEntries(toc: TElement): string[] {
  const out: string[] = [];
  const walk = (node: TElement): void => {
    for (const child of childElements(node)) {
      if (child.name === 'TOCArticle') {
        const title = textOf(firstChild(child, 'ArticleTitle'));
        const caption = textOf(firstChild(child, 'ArticleCaption'));
        out.push(caption ? `${title}\u3000${caption}` : title);
      } else if (/^TOC(?:Part|Chapter|Section|Subsection|Division)$/.test(child.name)) {
        const title = childElements(child).find((c) => c.name.endsWith('Title'));
        const range = textOf(firstChild(child, 'ArticleRange'));
        out.push(textOf(title) + range);
        walk(child);
      } else if (child.name === 'TOCSupplProvision') out.push(textOf(firstChild(child, 'SupplProvisionLabel')));
      else if (child.name === 'TOCAppdxTableLabel') out.push(textOf(child));
    }
  };
  walk(toc);
  return out;
}

export type TLawXmlResult = { ok: true; tree: TDeepTree } | { ok: false; message: string };

/** A 法令標準XML document as a deep tree; ids are derived from the numbering as the parser does. */
export function lawXmlToDeepTree(xml: string): TLawXmlResult {
  let law: TElement;
  try {
    law = parseXml(xml);
  } catch (cause) {
    return { ok: false, message: `XMLを読み取れません（${cause instanceof Error ? cause.message : String(cause)}）。` };
  }
  const body = law.name === 'Law' ? firstChild(law, 'LawBody') : undefined;
  if (!body) return { ok: false, message: '法令標準XMLではありません（Law 要素と LawBody 要素が必要です）。' };
  const header = textOf(firstChild(law, 'LawNum'));
  const enactment = firstChild(body, 'EnactStatement');
  const toc = firstChild(body, 'TOC');
  const preamble = firstChild(body, 'Preamble');
  const tree: TDeepTree = {
    version: DEEP_TREE_VERSION,
    title: textOf(firstChild(body, 'LawTitle')),
    header: header === '' ? [] : header.split('\n'),
    ...(enactment ? { enactment: textOf(enactment) } : {}),
    toc: toc ? tocEntries(toc) : [],
    preamble: preamble ? childElements(preamble, 'Paragraph').flatMap((p) => readSentences(firstChild(p, 'ParagraphSentence')).sentences) : [],
    body: [],
    tail: [],
  };
  const ids = new Set<string>();
  const main = firstChild(body, 'MainProvision');
  const mainChildren = main ? childElements(main) : [];
  const only = mainChildren.length === 1 ? mainChildren[0] : undefined;
  const emptyParagraph = only?.name === 'Paragraph' && textOf(firstChild(only, 'ParagraphNum')) === '' && textOf(firstChild(only, 'ParagraphSentence')) === '';
  if (only && emptyParagraph && childElements(only).every((c) => /^(?:ParagraphNum|ParagraphSentence|Item)$/.test(c.name))) {
    tree.body = childElements(only, 'Item').map((item) => readNode(item, { ids, prefix: '', parentId: '' }));
  } else {
    const restart = main ? restartsPerGroup(main) : false;
    tree.body = mainChildren.map((child) => readNode(child, { ids, prefix: '', parentId: '', restart }));
  }
  let supplementary = 0;
  let appendix = 0;
  for (const child of childElements(body)) {
    if (child.name === 'SupplProvision') tree.tail.push(readSupplementary(child, `sp${++supplementary}`, ids));
    else if (/^Appdx(?:Table|Note|Style|Fig|Format)?$/.test(child.name)) tree.tail.push(readAppendix(child, `annex${++appendix}`, ids, parseAppendixHeading));
  }
  return { ok: true, tree };
}

