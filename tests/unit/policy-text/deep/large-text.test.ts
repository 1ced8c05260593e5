import { describe, expect, it } from 'vitest';
import { citeAnchor } from '@/lib/policy-text/deep/citation';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { collectAnchors } from '@/lib/policy-text/deep/tree';
import { generateDeepText } from '../../../support/deep-text';

// Speed is measured by `npm run bench:parse`; this test only checks that a long text completes
// and comes out right.
describe('a 100,000-line text', () => {
  it('parses completely and correctly', () => {
    const generated = generateDeepText(100_000);
    expect(generated.lines).toBeGreaterThanOrEqual(100_000);
    const result = parseDeepText(generated.text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { tree } = result;
    expect(result.warnings).toEqual([]);
    expect(tree.body).toHaveLength(generated.chapters);
    const articles = tree.body.flatMap((chapter) => chapter.children);
    expect(articles).toHaveLength(generated.articles);
    const last = articles.at(-1);
    const n = generated.articles;
    expect(last).toMatchObject({ id: `a${n}`, caption: `第${n}条の見出し` });
    expect(last?.children.map((p) => p.id)).toEqual([`a${n}-p1`, `a${n}-p2`]);
    expect(last?.children[0]?.children[1]?.tables[0]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['区分', '保存期間'],
      ['ログ', '1年'],
    ]);
    expect(citeAnchor(tree, `a${n}-i1-s2-s1-s2`)).toBe(`第${n}条第1項第1号イ(ア)b`);
    const anchors = collectAnchors(tree);
    expect(new Set(anchors).size).toBe(anchors.length);
    // per article: a, p1, i1, ア, イ, (ア), a, b, (イ), i2, p2; then sp1 and its paragraph
    expect(anchors).toHaveLength(generated.chapters + generated.articles * 11 + 2);
  }, 120_000);
});
