import { describe, expect, it } from 'vitest';
import { renderComparisonHtml, type TComparisonHtmlOptions } from '@/components/compare/comparison-html';
import { compareTrees as compareDeepTrees } from '@/lib/policy-text/compare';
import { deepTreeFromLegacy } from '@/lib/policy-text/deep/from-legacy';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TPolicyTree as TLegacyTree } from '@/lib/policy-text/tree';

/** These cases are written as three-level trees (the stored form before the deep tree), read as deep trees the way readDeepTree reads them. */
const compareTrees = (before: TLegacyTree, after: TLegacyTree, options?: Parameters<typeof compareDeepTrees>[2]) => compareDeepTrees(deepTreeFromLegacy(before), deepTreeFromLegacy(after), options);

import { buildChapteredTree, type TArticleSpec } from '../../fixtures/compare/build-tree';

/*
 * Ten articles in two chapters; the new revision changes 第3条 (３年間 → ５年間), inserts an article
 * after 第7条 (so 第8条～第10条 become 第9条～第11条) and leaves the rest as it was.
 */
const UNCHANGED_TEXT = (n: number) => `職員等は、規程${n}に定める事項を遵守しなければならない。`;
const articles = (changed: boolean): TArticleSpec[] =>
  Array.from({ length: 10 }, (_, i) => i + 1).flatMap((n): TArticleSpec[] => {
    const article: TArticleSpec =
      n === 3
        ? { caption: 'ログの取得', paragraphs: [`情報システム管理者は、アクセスログを${changed ? '５' : '３'}年間保存しなければならない。`] }
        : { caption: `見出し${n}`, paragraphs: [UNCHANGED_TEXT(n)] };
    return changed && n === 7 ? [article, { caption: '生成AIの利用', paragraphs: ['職員等は、許可された生成AIに限り利用することができる。'] }] : [article];
  });
const tree = (changed: boolean) =>
  buildChapteredTree([
    { title: '総則', articles: articles(changed).slice(0, 5) },
    { title: '運用', articles: articles(changed).slice(5) },
  ]);
const comparison = compareTrees(tree(false), tree(true));
const FULL = '/documents/x/compare?from=1&to=2&all=1';

const render = (options: Partial<TComparisonHtmlOptions> = {}) =>
  renderComparisonHtml({ rows: comparison.rows, order: ['after', 'before'], all: false, caption: '新旧対照表', fullHref: FULL, ...options });

/** The text a reader sees: tags dropped, the five escapes undone. */
const visible = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!);

describe('renderComparisonHtml', () => {
  it('changes only: carries the changed articles and no text of an unchanged one', () => {
    const html = render();
    const text = visible(html);
    expect(text).toContain('アクセスログを５年間');
    expect(text).toContain('生成AIに限り');
    for (const n of [1, 2, 4, 5, 6, 7, 8, 9, 10]) expect(text, `第${n}条`).not.toContain(UNCHANGED_TEXT(n));
    expect(text).toContain('第1条～第2条　（略）');
    expect(html).not.toContain('<details');
  });

  it('changes only: every folded run links to its first row in the full view, and the full view has that row', () => {
    const html = render();
    const targets = [...html.matchAll(/<a class="fl" href="([^"]*)">/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(targets.length).toBeGreaterThan(0);
    const full = render({ all: true });
    for (const target of targets) {
      const [href, id] = target.split('#');
      expect(href).toBe(FULL);
      expect(full, target).toContain(`<tbody id="${id}"`);
    }
    expect(targets).toContain(`${FULL}#n-a1`);
  });

  it('the full view shows every article, unchanged ones included', () => {
    const text = visible(render({ all: true }));
    for (const n of [1, 2, 4, 5, 6, 7, 8, 9, 10]) expect(text, `第${n}条`).toContain(UNCHANGED_TEXT(n));
    expect(text).not.toContain('（略）');
  });

  it('underlines exactly the changed characters: <ins> on 改正後, <del> on 改正前, in the columns’ order', () => {
    const html = render();
    expect(html).toContain('<ins>５</ins>');
    expect(html).toContain('<del>３</del>');
    const row = html.slice(html.indexOf('<ins>５</ins>') - 200, html.indexOf('<del>３</del>') + 20);
    expect(row.indexOf('<ins>')).toBeLessThan(row.indexOf('<del>'));
    const swapped = render({ order: ['before', 'after'] });
    expect(swapped.indexOf('<del>３</del>')).toBeLessThan(swapped.indexOf('<ins>５</ins>'));
    expect(swapped.indexOf('<th scope="col">改正前</th>')).toBeLessThan(swapped.indexOf('<th scope="col">改正後</th>'));
  });

  it('a renumbered, otherwise unchanged article folds alone with its new number underlined and 条の繰下げ in 備考', () => {
    const html = render();
    expect(html).toMatch(/<ins>第9条<\/ins>　（略）/);
    expect(html).toMatch(/<del>第8条<\/del>　（略）/);
    expect(html).toContain('<li>条の繰下げ</li>');
  });

  it('without a full view, folded rows stay in the page behind a <details>', () => {
    const html = render({ fullHref: undefined });
    expect(html).toContain('<details><summary>');
    expect(html).toContain('<tbody class="fb">');
    expect(visible(html)).toContain(UNCHANGED_TEXT(1));
    expect(html).not.toContain('class="fl"');
  });

  it('the tags balance in every view', () => {
    for (const html of [render(), render({ all: true }), render({ fullHref: undefined })]) {
      for (const tag of ['table', 'tbody', 'tr', 'td', 'p', 'ul', 'li', 'ins', 'del', 'a', 'details', 'div']) {
        expect(html.split(`<${tag}>`).length + html.split(`<${tag} `).length - 1, tag).toBe(html.split(`</${tag}>`).length);
      }
    }
  });

  it('escapes hostile text, captions and addresses', () => {
    const hostile = `<img src=x onerror="alert('x')">&`;
    const rows = compareTrees(
      buildChapteredTree([{ title: hostile, articles: [{ caption: hostile, paragraphs: [`${hostile}一`] }, { paragraphs: ['同じ'] }] }]),
      buildChapteredTree([{ title: hostile, articles: [{ caption: hostile, paragraphs: [`${hostile}二`] }, { paragraphs: ['同じ'] }] }]),
    ).rows;
    const html = renderComparisonHtml({ rows, order: ['after', 'before'], all: false, caption: hostile, fullHref: `/x?a=1&b="><script>` });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
    expect(html).toContain('href="/x?a=1&amp;b=&quot;&gt;&lt;script&gt;#');
  });
});

describe('renderComparisonHtml on deep texts', () => {
  const deep = (text: string) => {
    const result = parseDeepText(text);
    if (!result.ok) throw new Error('does not parse');
    return result.tree;
  };
  const text = ['規程', '第1条　次の表のとおりとする。', '|区分|期間|', '|---|---|', '|ログ|1年|', '|記録|5年|', '(1)　事項', 'ア　細目', '(ア)　細目の細目', 'a　さらに細かい事項', ''].join('\n');

  it('draws a table row as cells side by side, the changed cell underlined in itself', () => {
    const rows = compareDeepTrees(deep(text), deep(text.replace('|記録|5年|', '|記録|3年|'))).rows;
    const html = renderComparisonHtml({ rows, order: ['after', 'before'], all: true, caption: '新旧対照表' });
    expect(html).toContain('<div class="tr" style="--d:0"><span>記録</span><span><ins>3</ins>年</span></div>');
    expect(html).toContain('<span>記録</span><span><del>5</del>年</span>');
    expect(html).toContain('<div class="tr th"');
  });

  it('indents a change four levels down by its depth', () => {
    const rows = compareDeepTrees(deep(text), deep(text.replace('a　さらに細かい事項', 'a　さらに細かい事柄'))).rows;
    const html = renderComparisonHtml({ rows, order: ['after', 'before'], all: false, caption: '新旧対照表', fullHref: '/x' });
    const after = /<p class="n(\d)">a　さらに細かい事<ins>柄<\/ins><\/p>/.exec(html);
    const before = /<p class="n(\d)">a　さらに細かい事<del>項<\/del><\/p>/.exec(html);
    // (1) 1, ア 2, (ア) 3, a 4: one character further in at each level
    expect([after?.[1], before?.[1]]).toEqual(['4', '4']);
  });
});
