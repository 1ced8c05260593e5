import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { articleHistoryHtml } from '@/components/history/article-history';
import { citeAnchor, collectAnchors, parseDeepText, readDeepTree, type TDeepTree } from '@/lib/policy-text/deep';
import { escapeHtml, renderPolicyTextHtml } from '@/lib/policy-text/render-html';
import { parseOrThrow } from '../../support/policy-tree';

const seedData = path.resolve(import.meta.dirname, '../../../prisma/seed-data');
const legacyFixtures = path.resolve(import.meta.dirname, '../../fixtures/policy-texts');
const deepFixtures = path.resolve(import.meta.dirname, '../../fixtures/deep');

function deep(file: string): TDeepTree {
  const result = parseDeepText(readFileSync(path.join(deepFixtures, file), 'utf8'));
  if (!result.ok) throw new Error(file);
  return result.tree;
}

/** Trees as the reader gets them: stored three-level trees read through readDeepTree, and deep parses. */
const trees: [string, () => TDeepTree][] = [
  ...readdirSync(seedData, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .map((f): [string, () => TDeepTree] => [`stored ${path.basename(f)}`, () => readDeepTree(parseOrThrow(readFileSync(path.join(seedData, f), 'utf8')))]),
  ...readdirSync(legacyFixtures)
    .filter((f) => f.endsWith('.txt') && f !== 'essay.txt')
    .map((f): [string, () => TDeepTree] => [`stored ${f}`, () => readDeepTree(parseOrThrow(readFileSync(path.join(legacyFixtures, f), 'utf8')))]),
  ...readdirSync(deepFixtures)
    .filter((f) => f.endsWith('.txt') && !f.includes('shift-jis'))
    .map((f): [string, () => TDeepTree] => [`deep ${f}`, () => deep(f)]),
];

/** The text a reader sees: tags dropped, the five escapes undone (nothing else is ever escaped). */
function visibleText(html: string): string {
  return html
    .replace(/<span class="sr-only">.*?<\/span>|<span aria-hidden="true" class="copy-link-tip">.*?<\/span>|<caption[^>]*>.*?<\/caption>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!);
}

type TElement = { tag: string; attrs: Record<string, string>; children: TElement[]; text: string };

/** The markup as an element tree (it is well-formed: no void elements, every attribute quoted). */
function elements(html: string): TElement {
  expect(XMLValidator.validate(`<root>${html}</root>`)).toBe(true);
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, processEntities: true }).parse(`<root>${html}</root>`) as unknown[];
  const convert = (entry: Record<string, unknown>): TElement => {
    const tag = Object.keys(entry).find((k) => k !== ':@')!;
    if (tag === '#text') return { tag, attrs: {}, children: [], text: String(entry[tag]) };
    const children = (entry[tag] as Record<string, unknown>[]).map(convert);
    return { tag, attrs: (entry[':@'] as Record<string, string>) ?? {}, children, text: children.map((c) => c.text).join('') };
  };
  return convert(parsed[0] as Record<string, unknown>);
}

/** The element with this id and the chain of its ancestors, outermost first. */
function findPath(root: TElement, id: string, path: TElement[] = []): TElement[] | null {
  if (root.attrs.id === id) return [...path, root];
  for (const child of root.children) {
    const found = findPath(child, id, [...path, root]);
    if (found) return found;
  }
  return null;
}

const ownText = (element: TElement): string =>
  element.children
    .filter((c) => !(c.tag === 'button'))
    .map((c) => (c.tag === '#text' ? c.text : ownText(c)))
    .join('');

describe('renderPolicyTextHtml', () => {
  it.each(trees)('%s: every anchor is an id once, the markup is well-formed and the text reads in order', (_name, load) => {
    const tree = load();
    const html = renderPolicyTextHtml(tree);
    for (const id of collectAnchors(tree)) expect(html.split(`id="${id}"`).length - 1, id).toBe(1);
    elements(html);
    const visible = visibleText(html);
    let from = 0;
    const walk = (sentences: readonly string[]) => {
      for (const sentence of sentences) {
        const at = visible.indexOf(sentence, from);
        expect(at, sentence).toBeGreaterThanOrEqual(0);
        from = at;
      }
    };
    const visit = (nodes: TDeepTree['body']) => {
      for (const node of nodes) {
        walk(node.sentences);
        visit(node.children);
      }
    };
    visit(tree.body);
    for (const unit of tree.tail) {
      if (unit.kind === 'appendix') walk(unit.sentences);
      visit(unit.children);
    }
  });

  it.each(trees)('%s: each copy-link button names what it copies as the text is cited', (_name, load) => {
    const tree = load();
    const html = renderPolicyTextHtml(tree);
    const buttons = [...html.matchAll(/data-copy-link="([^"]+)"><span class="sr-only">([^<]+)のリンクをコピー<\/span>/g)];
    expect(buttons.length).toBeGreaterThan(0);
    for (const [, id, name] of buttons) {
      const cited = escapeHtml(citeAnchor(tree, id!)!);
      // a 附則's buttons add which 附則 it is: its instrument or its date
      if (id!.startsWith('sp')) {
        expect(name!.replace(/^(附則|付則)（[^）]+）/, '$1'), id).toBe(/-p1$/.test(id!) && !cited.endsWith('項') ? `${cited}第1項` : cited);
        continue;
      }
      // a sole paragraph is cited as its article; its button adds 第1項 so the two do not read the same
      expect(name, id).toBe(/-p1$/.test(id!) && !cited.endsWith('項') ? `${cited}第${/[０-９]/.test(cited) ? '１' : '1'}項` : cited);
    }
    expect(new Set(buttons.map(([, , name]) => name)).size, 'every button names a different place').toBe(buttons.length);
  });

  it('keeps the basic policy’s anchors and button names as they were', () => {
    const tree = readDeepTree(parseOrThrow(readFileSync(path.join(seedData, 'fuchu-information-security-basic-policy.txt'), 'utf8')));
    const html = renderPolicyTextHtml(tree);
    expect(html).toContain('<button type="button" class="copy-link" data-copy-link="a7"><span class="sr-only">第７のリンクをコピー</span>');
    expect(html).toContain('data-copy-link="a7-i3-s2"');
    expect(html).toContain('<span class="sr-only">第７第３号イのリンクをコピー</span>');
    expect(html).toContain('<span class="sr-only">第７第１項のリンクをコピー</span>');
    const root = elements(html);
    expect(ownText(findPath(root, 'a7-i3-s2')!.at(-1)!)).toContain('ＬＧＷＡＮ接続系においては');
  });

  it('nests ten levels of 号の細分, each hanging its label beside its text', () => {
    const root = elements(renderPolicyTextHtml(deep('01-ten-levels.txt')));
    const deepest = 'a3-i1-s1-s1-s1-s1-s1-s1-s1-s1-s1-s2';
    const chain = findPath(root, deepest)!;
    const entries = chain.filter((e) => e.tag === 'li');
    // 号 (1), then ア (ア) a (a) ⅰ (ⅰ) A (A) Ⅰ ②: eleven list entries, each inside the one above
    expect(entries.map((e) => e.children[0]!.text)).toEqual(['(1)', 'ア', '(ア)', 'a', '(a)', 'ⅰ', '(ⅰ)', 'A', '(A)', 'Ⅰ', '②']);
    expect(entries.map((e) => e.attrs.class)).toEqual(['policy-anchor pt-n pt-i', ...Array(10).fill('policy-anchor pt-n pt-s')]);
    expect(chain.filter((e) => e.tag === 'ol')).toHaveLength(11);
    // the label is the first column, the text the second
    const last = entries.at(-1)!;
    expect(last.children.map((c) => c.attrs.class)).toEqual(['pt-l', 'pt-b']);
    expect(ownText(last.children[1]!)).toBe('記録は、電磁的記録によることができる。');
    // and the article and its paragraph 2 are where they were
    expect(findPath(root, 'a3-p2')!.map((e) => e.attrs.id).filter(Boolean)).toEqual(['a3', 'a3-p2']);
  });

  it('draws tables as tables: header rows as th, body rows as td, a caption naming the table', () => {
    const html = renderPolicyTextHtml(deep('07-tables.txt'));
    const root = elements(html);
    const tables: TElement[] = [];
    const collect = (e: TElement) => (e.tag === 'table' ? tables.push(e) : e.children.forEach(collect));
    collect(root);
    expect(tables).toHaveLength(4);
    const [inArticle, inSubitem, annex1] = tables;
    expect(inArticle!.children.map((c) => c.tag)).toEqual(['caption', 'thead', 'tbody']);
    expect(inArticle!.children[0]!.text).toBe('第2条第1項の表');
    expect(inArticle!.children[1]!.children[0]!.children.map((c) => [c.tag, c.text])).toEqual([
      ['th', '分類'],
      ['th', '表示'],
      ['th', '表示の方法'],
    ]);
    expect(inArticle!.children[2]!.children.map((r) => r.children.map((c) => c.text))).toEqual([
      ['機密性3', '秘', '文書の右上に朱書きする。'],
      ['機密性2', '取扱注意', '文書の右上に表示する。'],
      ['機密性1', '表示なし', '表示を要しない。'],
    ]);
    // a table inside a 細分 sits in that 細分's text column
    expect(findPath(root, 'a3-i1-s1')!.at(-1)!.children[1]!.children.some((c) => c.attrs.class === 'pt-tw')).toBe(true);
    expect(inSubitem!.children[0]!.text).toBe('第3条第1号アの表');
    expect(annex1!.children[0]!.text).toBe('別表第1の表');
    // the scroll region is named by the caption and reachable by keyboard
    expect(html).toContain('<div class="pt-tw" role="region" tabindex="0" aria-labelledby="a2-p1-t1"><table class="pt-t"><caption id="a2-p1-t1" class="sr-only">');
  });

  it('writes colspan and rowspan as the table has them', () => {
    const tree: TDeepTree = {
      version: 2,
      title: '',
      header: [],
      toc: [],
      preamble: [],
      body: [],
      tail: [
        {
          kind: 'appendix',
          id: 'annex1',
          type: 'table',
          label: '別表',
          sentences: [],
          children: [],
          remarks: [],
          tables: [
            {
              rows: [
                { header: true, cells: [{ text: '区分', rowspan: 2 }, { text: '保存期間', colspan: 2 }] },
                { header: true, cells: [{ text: '原本' }, { text: '写し' }] },
                { cells: [{ text: 'ログ' }, { text: '1年' }, { text: '6月' }] },
              ],
              remarks: [{ label: '備考', sentences: ['1　期間は翌年度の初日から起算する。'] }],
            },
          ],
        },
      ],
    };
    const html = renderPolicyTextHtml(tree);
    expect(html).toContain('<thead><tr><th scope="col" rowspan="2">区分</th><th scope="colgroup" colspan="2">保存期間</th></tr><tr><th scope="col">原本</th><th scope="col">写し</th></tr></thead>');
    expect(html).toContain('<tbody><tr><td>ログ</td><td>1年</td><td>6月</td></tr></tbody>');
    expect(html).toContain('<div class="pt-rm policy-node"><p class="pt-rml">備考</p><p class="pt-rms">1　期間は翌年度の初日から起算する。</p></div>');
  });

  it('shows appendices with their label, relation and title, and every 附則 where the text has it', () => {
    const html = renderPolicyTextHtml(deep('08-appendices-forms.txt'));
    const root = elements(html);
    const headings = collectAnchors(deep('08-appendices-forms.txt'))
      .filter((id) => /^(annex|sp)\d+$/.test(id))
      .map((id) => ownText(findPath(root, `${id}-heading`)!.at(-1)!));
    expect(headings).toEqual(['別記（第2条関係）委託先の選定基準', '様式第1号（第3条関係）', '様式第2号（第3条関係）', '付録用語の解説', '附則 令和4年1月1日施行', '附則（令和5年3月30日訓令第8号）', '参考委託契約書に記載する特記事項の例', '附則（令和6年2月28日訓令第3号）']);
    // (the first 附則 has no instrument: its date, for screen readers, tells it apart)
    // 別記's numbered criteria are a list with their own anchors; 様式 are drawn as a form
    expect(findPath(root, 'annex1-i3-s2')!.filter((e) => e.tag === 'li').map((e) => e.attrs.id)).toEqual(['annex1-i3', 'annex1-i3-s2']);
    expect(findPath(root, 'annex2')!.at(-1)!.attrs.class).toBe('policy-anchor pt-ax pt-ax-style');
    expect(html).toContain('<span class="sr-only">附則（令和4年1月1日施行）のリンクをコピー</span>');
    expect(html).toContain('<span class="sr-only">附則（令和5年3月30日訓令第8号）第1項のリンクをコピー</span>');
  });

  it('gives groups from 編 to 目 headings one level below their group', () => {
    const root = elements(renderPolicyTextHtml(deep('03-chapters-sections-subsections.txt')));
    const level = (id: string) => findPath(root, `${id}-heading`)!.at(-1)!.tag;
    expect(['ch3', 'ch3-sec2', 'ch3-sec2-sub1', 'a7-2'].map(level)).toEqual(['h2', 'h3', 'h4', 'h5']);
    expect(ownText(findPath(root, 'a7-2-heading')!.at(-1)!)).toBe('第7条の2（複製）');
  });

  it('escapes markup in every place the text reaches the page', () => {
    const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>&amp;'`;
    const source = [`第1条（目的${hostile}）`, `この方針は${hostile}を定める。`, `(1)　項目${hostile}`, `ア　細目${hostile}`, '２　第二項', `別表（第1条関係）　表${hostile}`, `区分　　内容`, `A${hostile}　　B`, `C　　D`, '附則', `この方針は${hostile}から施行する。`].join('\n');
    const parsed = parseDeepText(source);
    if (!parsed.ok) throw new Error('parse');
    const html = renderPolicyTextHtml(parsed.tree);
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&#39;');
    expect(visibleText(html)).toContain(`この方針は${hostile}を定める。`);
  });

  it('escapes ids and labels of a tree that did not come from the parser', () => {
    const tree = deep('08-appendices-forms.txt');
    const article = tree.body[0]!;
    article.id = 'a1" onmouseover="alert(1)';
    article.label = '第１<b>';
    const html = renderPolicyTextHtml(tree);
    expect(html).toContain('id="a1&quot; onmouseover=&quot;alert(1)"');
    expect(html).not.toMatch(/<b>|" onmouseover="/);
  });

  it('puts each article footer inside its article, after the text', () => {
    const tree = readDeepTree(parseOrThrow('第１（目的）\n目的を定める。\n第２（定義）\n定義を定める。'));
    const html = renderPolicyTextHtml(tree, { articleFooter: (article) => (article.id === 'a2' ? '<div data-footer="a2"></div>' : '') });
    expect(html).toMatch(/定義を定める。<button[^]*?<\/button><\/p><\/div><\/div><\/div><div data-footer="a2"><\/div><\/section><\/div>$/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can end a text or an attribute, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&copy;</a> 第１　ＵＳＢ`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;copy;&lt;/a&gt; 第１　ＵＳＢ');
  });
});

describe('articleHistoryHtml', () => {
  it('links every revision of the article and marks the one shown', () => {
    const html = articleHistoryHtml({
      slug: 'sample-standard',
      article: '第２',
      currentNumber: 2,
      entries: [
        { revisionNumber: 1, date: '2021-04-01', label: '制定' },
        { revisionNumber: 2, date: '2024-04-01', label: '一部改正' },
      ],
    });
    expect(html).toContain('aria-label="第２の沿革"');
    expect(html).toContain('<a href="/documents/sample-standard/revisions/1" class="dads-link aria-[current=page]:font-bold">令和3年4月1日 制定</a>');
    expect(html).toContain('<a href="/documents/sample-standard/revisions/2" aria-current="page" class="dads-link aria-[current=page]:font-bold">令和6年4月1日 一部改正</a>');
    expect(articleHistoryHtml({ slug: 's', article: '第１', currentNumber: 1, entries: [] })).toBe('');
  });
});
