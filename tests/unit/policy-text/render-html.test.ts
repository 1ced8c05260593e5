import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleHistoryHtml } from '@/components/history/article-history';
import { escapeHtml, renderPolicyTextHtml } from '@/lib/policy-text/render-html';
import { collectIds, parseOrThrow } from '../../support/policy-tree';

const seedData = path.resolve(import.meta.dirname, '../../../prisma/seed-data');
const fixtures = path.resolve(import.meta.dirname, '../../fixtures/policy-texts');
const texts = [
  ...readdirSync(seedData, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedData, f)),
  ...readdirSync(fixtures).filter((f) => f.endsWith('.txt') && f !== 'essay.txt').map((f) => path.join(fixtures, f)),
];

/** The text a reader sees: tags dropped, the five escapes undone (nothing else is ever escaped). */
function visibleText(html: string): string {
  return html
    .replace(/<span class="sr-only">.*?<\/span>|<span aria-hidden="true" class="copy-link-tip">.*?<\/span>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!);
}

describe('renderPolicyTextHtml', () => {
  it.each(texts.map((file) => [path.basename(file), file]))('%s: every node has its anchor once, and the text reads in order', (_name, file) => {
    const tree = parseOrThrow(readFileSync(file, 'utf8'));
    const html = renderPolicyTextHtml(tree);
    for (const id of collectIds(tree)) {
      expect(html.split(`id="${id}"`).length - 1, id).toBe(1);
    }
    // the tags balance
    for (const tag of ['section', 'div', 'ol', 'li', 'p', 'button']) {
      expect(html.split(`<${tag}`).length, tag).toBe(html.split(`</${tag}>`).length);
    }
    const visible = visibleText(html);
    let from = 0;
    for (const article of [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])]) {
      for (const paragraph of article.paragraphs) {
        if (!paragraph.text) continue;
        const at = visible.indexOf(paragraph.text, tree.chapters.length > 0 ? 0 : from);
        expect(at, paragraph.id).toBeGreaterThanOrEqual(0);
        from = at;
      }
    }
  });

  it('gives every article, paragraph, item and sub-item one copy-link button naming what it copies', () => {
    const tree = parseOrThrow(readFileSync(path.join(seedData, 'fuchu-information-security-basic-policy.txt'), 'utf8'));
    const html = renderPolicyTextHtml(tree);
    expect(html).toContain('<button type="button" class="copy-link" data-copy-link="a7"><span class="sr-only">第７のリンクをコピー</span>');
    expect(html).toContain('data-copy-link="a7-i3-s2"');
    const nodes = tree.articles.flatMap((a) => [a, ...a.paragraphs.filter((p) => p.text), ...a.paragraphs.flatMap((p) => p.items.flatMap((i) => [i, ...i.subItems]))]);
    expect(html.split('class="copy-link"').length - 1).toBe(nodes.length);
  });

  it('escapes markup in every place the text reaches the page', () => {
    const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>&amp;'`;
    const source = [
      `第１（目的${hostile}）`,
      `この方針は${hostile}を定める。`,
      `(1) 項目${hostile}`,
      `ア 細目${hostile}`,
      '２ 第二項',
      '付 則',
      `この方針は${hostile}から施行する。`,
    ].join('\n');
    const html = renderPolicyTextHtml(parseOrThrow(source));
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&#39;');
    expect(visibleText(html)).toContain(`この方針は${hostile}を定める。`);
  });

  it('escapes ids and labels of a tree that did not come from the parser', () => {
    const tree = parseOrThrow('第１（目的）\nこの方針は定める。\n(1) 項目');
    const article = tree.articles[0]!;
    article.id = 'a1" onmouseover="alert(1)';
    article.number = '第１<b>';
    article.paragraphs[0]!.items[0]!.label = '(1)<i>';
    const html = renderPolicyTextHtml(tree);
    expect(html).toContain('id="a1&quot; onmouseover=&quot;alert(1)"');
    expect(html).not.toMatch(/<b>|<i>|" onmouseover="/);
  });

  it('puts each article footer inside its article, after the text', () => {
    const tree = parseOrThrow('第１（目的）\n目的を定める。\n第２（定義）\n定義を定める。');
    const html = renderPolicyTextHtml(tree, { articleFooter: (article) => (article.id === 'a2' ? '<div data-footer="a2"></div>' : '') });
    expect(html).toMatch(/定義を定める。<button[^]*?<\/button><\/p><\/div><\/div><\/div><div data-footer="a2"><\/div><\/section>$/);
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
