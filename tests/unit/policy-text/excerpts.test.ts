import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapArticleAnchors } from '@/lib/policy-text/compare';
import { carryChangesExcerpts, carryExcerpts } from '@/lib/policy-text/excerpts';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';

const samples = path.resolve(import.meta.dirname, '../../../prisma/seed-data/samples');

function parse(text: string): TDeepTree {
  const result = parseDeepText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.tree;
}

const sample = (name: string): TDeepTree => parse(readFileSync(path.join(samples, name), 'utf8'));
const v1 = sample('standard-v1.txt');
const v2 = sample('standard-v2.txt');

const text = (articles: string[]) => ['規程', '', ...articles.flatMap((a) => [a, ''])].join('\n');

describe('mapArticleAnchors', () => {
  it('follows an article through renumbering when one is inserted before it', () => {
    const map = mapArticleAnchors(v1, v2);
    // 第23条（外部サービスの利用） of 第1版 is 第24条 of 第2版, its text unchanged
    expect(map.get('a23')).toEqual({ before: 'a23', after: 'a24', afterLabel: '第24条', change: 'unchanged' });
    // 第22条（外部委託） became 第23条 with a phrase added
    expect(map.get('a22')).toMatchObject({ after: 'a23', change: 'modified' });
    expect(map.get('a18')).toMatchObject({ after: 'a18', change: 'unchanged' });
    expect(map.get('a1')).toMatchObject({ after: 'a1', change: 'unchanged' });
    // no article of 第1版 becomes the inserted 第19条（生成AI等の利用）
    expect([...map.values()].some((c) => c.after === 'a19' && c.before !== 'a19')).toBe(false);
    expect(map.get('a19')).toMatchObject({ after: 'a20', change: 'modified' });
  });

  it('leaves a deleted article out', () => {
    const map = mapArticleAnchors(v2, v1);
    expect(map.has('a19')).toBe(false);
    expect(map.get('a24')).toMatchObject({ after: 'a23', change: 'unchanged' });
    expect(map.size).toBe(26);
  });

  it('calls an article rewritten in place a rewrite, not the same text', () => {
    const before = parse(text(['第1条　この規程は、情報資産の管理について定める。', '第2条　職員は、端末を施錠できる場所に保管しなければならない。']));
    const after = parse(text(['第1条　この規程は、情報資産の管理について定める。', '第2条　委託先との契約には守秘義務の条項を必ず含めるものとする。']));
    expect(mapArticleAnchors(before, after).get('a2')).toMatchObject({ after: 'a2', change: 'rewritten' });
  });

  it('follows an article moved unchanged to another place', () => {
    const a = '第1条　この規程は、情報資産の管理について定める。';
    const b = '第2条　職員は、端末を施錠できる場所に保管しなければならない。';
    const c = '第3条　情報システム管理者は、ログを五年間保存しなければならない。';
    const before = parse(text([a, b, c]));
    const after = parse(text([a, c.replace('第3条', '第2条'), b.replace('第2条', '第3条')]));
    const map = mapArticleAnchors(before, after);
    expect(map.get('a2')).toMatchObject({ after: 'a3', change: 'unchanged' });
    expect(map.get('a3')).toMatchObject({ after: 'a2', change: 'unchanged' });
  });
});

describe('carryExcerpts', () => {
  it('carries excerpts to the renumbered articles and says which changed', () => {
    const carry = carryExcerpts(v1, v2, ['a1', 'a22', 'a23']);
    expect(carry.anchors).toEqual(['a1', 'a23', 'a24']);
    expect(carry.carried.map((c) => [c.before, c.after, c.change])).toEqual([
      ['a1', 'a1', 'unchanged'],
      ['a22', 'a23', 'modified'],
      ['a23', 'a24', 'unchanged'],
    ]);
    expect(carry.carried[2]).toMatchObject({ beforeLabel: '第23条（外部サービスの利用）', afterLabel: '第24条（外部サービスの利用）' });
    expect(carry.dropped).toEqual([]);
    expect(carryChangesExcerpts(carry)).toBe(true);
  });

  it('drops an excerpt whose article was deleted', () => {
    const carry = carryExcerpts(v2, v1, ['a1', 'a19']);
    expect(carry.anchors).toEqual(['a1']);
    expect(carry.dropped).toEqual([{ before: 'a19', beforeLabel: '第19条（生成AI等の利用）' }]);
    expect(carryChangesExcerpts(carry)).toBe(true);
  });

  it('needs no confirmation when every excerpt keeps its number, amended or not', () => {
    const carry = carryExcerpts(v1, v2, ['a1', 'a5', 'a14']);
    expect(carry.anchors).toEqual(['a1', 'a5', 'a14']);
    expect(carry.carried.map((c) => c.change)).toEqual(['unchanged', 'unchanged', 'modified']);
    expect(carryChangesExcerpts(carry)).toBe(false);
  });

  it('needs a confirmation when an article is rewritten in place', () => {
    const before = parse(text(['第1条　この規程は、情報資産の管理について定める。', '第2条　職員は、端末を施錠できる場所に保管しなければならない。']));
    const after = parse(text(['第1条　この規程は、情報資産の管理について定める。', '第2条　委託先との契約には守秘義務の条項を必ず含めるものとする。']));
    expect(carryChangesExcerpts(carryExcerpts(before, after, ['a2']))).toBe(true);
  });

  it('ignores anchors the earlier revision does not have', () => {
    expect(carryExcerpts(v1, v2, ['a99', 'ch1'])).toEqual({ anchors: [], carried: [], dropped: [] });
  });
});
