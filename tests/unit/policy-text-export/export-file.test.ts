import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canExportAs, exportFilename, renderExport } from '@/lib/policy-text-export/export-file';
import { publicDeepEdition } from '@/lib/policy-text/deep/public-edition';
import { type TDeepTree, type TNode, type TTable, walkNodes } from '@/lib/policy-text/deep/tree';
import { childElements, parseXml, textOf, type TElement } from '@/lib/policy-text/deep/xml-element';
import { lawXmlToDeepTree } from '@/lib/policy-text/deep/xml';
import { contentDisposition } from '@/lib/server/http/attachment';
import { DEEP_FIXTURES, deepFixture, parseOrThrow } from '../policy-text/deep/helpers';
import { validateLawXml } from '../policy-text/deep/law-xml-structure';

const BASIC_POLICY = path.resolve(import.meta.dirname, '../../../../shared/corpus/fuchu-information-security-basic-policy.txt');
const corpus: [string, () => TDeepTree][] = [
  ...readdirSync(DEEP_FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((name): [string, () => TDeepTree] => [`deep/${name}`, () => parseOrThrow(deepFixture(name))]),
  ['corpus/fuchu-information-security-basic-policy.txt', () => parseOrThrow(readFileSync(BASIC_POLICY, 'utf8'))],
];
const NAMES = { title: '○○市情報セキュリティ対策基準', revisionLabel: '第3版', asciiStem: 'sample-standard_r3' };
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Every label and sentence of the tree, in reading order, and its tables. */
function expectedText(tree: TDeepTree): { strings: string[]; captions: string[]; tables: TTable[] } {
  const strings: string[] = [tree.title, ...tree.header, ...(tree.enactment ? [tree.enactment] : []), ...tree.toc, ...tree.preamble];
  const captions: string[] = [];
  const tables: TTable[] = [];
  const table = (t: TTable) => {
    tables.push(t);
    for (const row of t.rows) for (const cell of row.cells) strings.push(cell.text);
    for (const r of t.remarks ?? []) strings.push(r.label, ...r.sentences);
  };
  const content = (n: { sentences: string[]; tables: TTable[]; children: TNode[]; remarks: TNode['remarks'] }) => {
    strings.push(...n.sentences);
    n.tables.filter((t) => !t.afterChildren).forEach(table);
    n.children.forEach(node);
    n.tables.filter((t) => t.afterChildren).forEach(table);
    for (const r of n.remarks) strings.push(r.label, ...r.sentences);
  };
  const node = (n: TNode) => {
    if (n.caption) captions.push(n.caption);
    strings.push(n.label);
    if (n.title) strings.push(n.title);
    content(n);
  };
  tree.body.forEach(node);
  for (const unit of tree.tail) {
    strings.push(unit.label);
    if (unit.kind === 'supplementary') unit.children.forEach(node);
    else {
      if (unit.title) strings.push(unit.title);
      content(unit);
    }
  }
  return { strings: strings.filter((s) => s !== ''), captions, tables };
}

function findAll(node: TElement, name: string, out: TElement[] = []): TElement[] {
  for (const child of childElements(node)) {
    if (child.name === name) out.push(child);
    findAll(child, name, out);
  }
  return out;
}

async function openDocx(tree: TDeepTree) {
  const file = await renderExport(tree, 'docx', NAMES);
  const zip = unzipSync(file.body);
  const document = parseXml(strFromU8(zip['word/document.xml']!));
  // the text of each w:p, in document order (paragraphs inside table cells included)
  const paragraphs = findAll(document, 'w:p').map((p) => findAll(p, 'w:t').map(textOf).join(''));
  return { file, zip, document, paragraphs };
}

describe.each(corpus)('%s', (_name, read) => {
  const tree = read();

  it('法令標準XML: follows the schema’s structure and reads back to the same tree', async () => {
    const file = await renderExport(tree, 'xml', NAMES);
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(file.body);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Law ')).toBe(true);
    expect(validateLawXml(xml)).toEqual([]);
    const back = lawXmlToDeepTree(xml);
    expect(back.ok && stored(back.tree)).toEqual(stored(tree.title ? tree : { ...tree, title: NAMES.title }));
  });

  it('法令標準XML of the public edition (every other article) is valid too', async () => {
    const articles: string[] = [];
    walkNodes(tree, (n) => n.kind === 'article' && articles.push(n.id));
    const edition = publicDeepEdition(tree, articles.filter((_, i) => i % 2 === 0));
    const xml = new TextDecoder().decode((await renderExport(edition, 'xml', NAMES)).body);
    expect(validateLawXml(xml)).toEqual([]);
    const back = lawXmlToDeepTree(xml);
    expect(back.ok && stored(back.tree)).toEqual(stored(edition));
  });

  it('Word: the file opens, holds every label and sentence in order and each table as a w:tbl', async () => {
    const { paragraphs, document } = await openDocx(tree);
    const text = paragraphs.join('\n');
    const { strings, captions, tables } = expectedText(tree);
    let at = 0;
    const missing: string[] = [];
    for (const s of strings) {
      const found = text.indexOf(s, at);
      if (found < 0) missing.push(s);
      else at = found;
    }
    expect(missing).toEqual([]);
    for (const caption of captions) expect(text).toContain(caption);
    const wordTables = findAll(document, 'w:tbl');
    expect(wordTables).toHaveLength(tables.length);
    wordTables.forEach((t, i) => {
      const rows = childElements(t, 'w:tr');
      expect(rows).toHaveLength(tables[i]!.rows.length);
      expect(rows.map((r) => childElements(r, 'w:tc').map((c) => findAll(c, 'w:t').map(textOf).join('')))).toEqual(tables[i]!.rows.map((r) => r.cells.map((c) => c.text)));
    });
  });
});

describe('the Word file is set up like a 例規集 page', async () => {
  const { zip, document, paragraphs } = await openDocx(parseOrThrow(deepFixture('03-chapters-sections-subsections.txt')));
  const styles = strFromU8(zip['word/styles.xml']!);

  it('A4 portrait, Japanese fonts by name and Japanese as the language', () => {
    const size = findAll(document, 'w:pgSz')[0]!;
    expect(size.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(styles).toContain('w:eastAsia="ＭＳ 明朝"');
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
  });

  it('centres the title and the chapters, and sets each article’s 見出し on its own line above it', () => {
    const centred = findAll(document, 'w:p')
      .filter((p) => findAll(p, 'w:jc').some((jc) => jc.attrs['w:val'] === 'center'))
      .map((p) => findAll(p, 'w:t').map(textOf).join(''));
    expect(centred[0]).toBe('○○市情報セキュリティ対策基準');
    expect(centred.slice(1).every((t) => /^第.+章/.test(t))).toBe(true);
    const article = paragraphs.findIndex((p) => p.startsWith('第7条の2'));
    expect(paragraphs[article - 1]).toBe('（複製）');
  });

  it('hangs numbered provisions: the label at the margin, the text wrapping one character in', () => {
    const all = findAll(document, 'w:p');
    const indentOf = (index: number) => findAll(all[index]!, 'w:ind')[0]?.attrs;
    const article = paragraphs.findIndex((p) => p.startsWith('第7条の2'));
    expect(indentOf(article)).toEqual({ 'w:left': '210', 'w:hanging': '210' });
  });

  it('indents the first line of 附則’s unnumbered text and wraps it at the margin (07)', async () => {
    const tables = await openDocx(parseOrThrow(deepFixture('07-tables.txt')));
    const supplementary = tables.paragraphs.findLastIndex((p) => p.startsWith('附則'));
    expect(tables.paragraphs[supplementary + 1]).toBe('この手順は、令和6年4月1日から施行する。');
    expect(findAll(findAll(tables.document, 'w:p')[supplementary + 1]!, 'w:ind')[0]?.attrs).toEqual({ 'w:left': '0', 'w:firstLine': '210' });
  });
});

describe('file names', () => {
  it('names the file after the document and the revision, in Japanese', () => {
    expect(exportFilename({ title: '府中市情報セキュリティ対策基準', revisionLabel: '第3版' }, 'docx')).toBe('府中市情報セキュリティ対策基準_第3版.docx');
    expect(exportFilename({ title: '対策基準', revisionLabel: '第2版', editionLabel: '公開抜粋' }, 'xml')).toBe('対策基準_第2版_公開抜粋.xml');
    expect(exportFilename({ title: 'a/b:c*?"<>|\u0007d', revisionLabel: '改正案（整理番号5）' }, 'xml')).toBe('abcd_改正案（整理番号5）.xml');
  });

  it('sends the Japanese name as RFC 5987 filename* with an ASCII fallback', () => {
    const header = contentDisposition('府中市情報セキュリティ対策基準_第3版.docx', 'basic-policy_r3.docx');
    expect(header).toBe(`attachment; filename="basic-policy_r3.docx"; filename*=UTF-8''${encodeURIComponent('府中市情報セキュリティ対策基準_第3版.docx')}`);
    const value = /filename\*=UTF-8''(.+)$/.exec(contentDisposition("規程（案）'*.xml", 'x.xml'))![1]!;
    expect(value).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(value)).toBe("規程（案）'*.xml");
  });
});

it('refuses 法令標準XML, not Word, for 細分 deeper than the schema’s Subitem10', () => {
  const tree = parseOrThrow(deepFixture('01-ten-levels.txt'));
  expect(canExportAs(tree, 'xml')).toBe(true);
  let deepest: TNode | undefined;
  walkNodes(tree, (n) => {
    if (n.depth === 10) deepest = n;
  });
  deepest!.children.push({ kind: 'subitem', id: `${deepest!.id}-s1`, label: 'ⓐ', num: 1, depth: 11, sentences: ['さらに深い細分'], tables: [], children: [], remarks: [] });
  expect(canExportAs(tree, 'xml')).toBe(false);
  expect(canExportAs(tree, 'docx')).toBe(true);
});

it('escapes markup in the text: 法令標準XML reads back the same characters, never as elements', async () => {
  const tree = parseOrThrow('規程 <script>&amp;\n第1条　A&B <b>x</b> "q" \'s\' は、定める。\n');
  const xml = new TextDecoder().decode((await renderExport(tree, 'xml', NAMES)).body);
  expect(xml).not.toContain('<script>');
  expect(xml).not.toContain('<b>');
  const back = lawXmlToDeepTree(xml);
  expect(back.ok && back.tree).toEqual(tree);
});

it('drops characters XML 1.0 forbids (a form feed from a PDF) so the file stays well-formed', async () => {
  const tree = parseOrThrow('規程\n第1条　職員は、\u000c定める。\n');
  expect(JSON.stringify(tree)).toContain('\\f');
  const xml = new TextDecoder().decode((await renderExport(tree, 'xml', NAMES)).body);
  expect(xml).not.toContain('\u000c');
  expect(validateLawXml(xml)).toEqual([]);
});

it('names the era, year and number of the header on Law, in kanji too, and 規則 as a Rule', async () => {
  const law = async (header: string) => parseXml(new TextDecoder().decode((await renderExport(parseOrThrow(`規程\n${header}\n第1条　定める。\n`), 'xml', NAMES)).body)).attrs;
  expect(await law('平成十五年十月一日訓令第八号')).toMatchObject({ Era: 'Heisei', Year: '15', Num: '8', PromulgateMonth: '10', PromulgateDay: '1', LawType: 'Misc' });
  expect(await law('令和元年5月1日規則第12号')).toMatchObject({ Era: 'Reiwa', Year: '1', Num: '12', LawType: 'Rule' });
});
