import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLines, mergePolicyTrees, mergeSupplementaryProvisions } from '@/lib/policy-text/merge';
import { serializePolicyText } from '@/lib/policy-text/serialize';
import type { TPolicyTree, TSupplementaryProvision } from '@/lib/policy-text/tree';
import { parseOrThrow } from '../../support/policy-tree';

const lines = (s: string) => (s === '' ? [] : s.split(''));

describe('mergeLines (diff3 over lines; one letter = one line)', () => {
  const cases: { name: string; base: string; ours: string; theirs: string; merged: string | null }[] = [
    { name: 'nothing changed', base: 'abc', ours: 'abc', theirs: 'abc', merged: 'abc' },
    { name: 'only ours changed', base: 'abc', ours: 'aXc', theirs: 'abc', merged: 'aXc' },
    { name: 'only theirs changed', base: 'abc', ours: 'abc', theirs: 'abY', merged: 'abY' },
    { name: 'both changed different lines far apart', base: 'abcdefg', ours: 'Xbcdefg', theirs: 'abcdefY', merged: 'XbcdefY' },
    { name: 'both changed neighbouring lines', base: 'abcd', ours: 'aXcd', theirs: 'abYd', merged: 'aXYd' },
    { name: 'both made the same change', base: 'abc', ours: 'aXc', theirs: 'aXc', merged: 'aXc' },
    { name: 'both changed the same line differently', base: 'abc', ours: 'aXc', theirs: 'aYc', merged: null },
    { name: 'ours inserted, theirs deleted elsewhere', base: 'abcdef', ours: 'abXcdef', theirs: 'abcdf', merged: 'abXcdf' },
    { name: 'both inserted different lines at the same place', base: 'ab', ours: 'aXb', theirs: 'aYb', merged: null },
    { name: 'theirs appended at the end, ours changed the start', base: 'abc', ours: 'Xbc', theirs: 'abcZ', merged: 'XbcZ' },
    { name: 'ours deleted a line theirs changed', base: 'abc', ours: 'ac', theirs: 'aYc', merged: null },
    { name: 'from an empty base', base: '', ours: 'a', theirs: '', merged: 'a' },
  ];
  it.each(cases)('$name', ({ base, ours, theirs, merged }) => {
    const result = mergeLines(lines(base), lines(ours), lines(theirs));
    if (merged === null) {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.conflicts).not.toHaveLength(0);
    } else {
      expect(result).toEqual({ ok: true, lines: lines(merged) });
    }
  });

  it('keeps to its budget on long texts changed throughout: an untouched side still merges', () => {
    const base = Array.from({ length: 6000 }, (_, i) => `b${i}`);
    const ours = Array.from({ length: 6000 }, (_, i) => `o${i}`);
    expect(mergeLines(base, ours, base)).toEqual({ ok: true, lines: ours });
    expect(mergeLines(base, ours, [...base.slice(0, 10), 'x', ...base.slice(11)]).ok).toBe(false);
  });

  it('marks a conflict with both sides and the base', () => {
    const result = mergeLines(['a', 'b', 'c'], ['a', 'X', 'c'], ['a', 'Y', 'c']);
    expect(result).toEqual({ ok: false, conflicts: [{ baseLine: 2, base: ['b'], ours: ['X'], theirs: ['Y'] }], lines: ['a', '<<<<<<<', 'X', '|||||||', 'b', '=======', 'Y', '>>>>>>>', 'c'] });
  });
});

const provision = (date: string | undefined, text: string): TSupplementaryProvision => ({ type: 'supplementary', id: 'x', heading: '附則', paragraphs: [text], ...(date ? { effectiveDate: date } : {}) });

describe('mergeSupplementaryProvisions', () => {
  it('keeps the base, adds both sides by date and renumbers, so two amendments never conflict in 附則', () => {
    const base = [provision('2022-04-01', '制定')];
    const ours = [...base, provision('2026-11-26', '急ぎの改正')];
    const theirs = [...base, provision('2026-12-06', '予定の改正')];
    const merged = mergeSupplementaryProvisions(base, ours, theirs);
    expect(merged.map((p) => [p.id, p.paragraphs[0]])).toEqual([
      ['sp1', '制定'],
      ['sp2', '急ぎの改正'],
      ['sp3', '予定の改正'],
    ]);
    expect(mergeSupplementaryProvisions(base, theirs, ours).map((p) => p.paragraphs[0])).toEqual(['制定', '急ぎの改正', '予定の改正']);
  });
});

const source = readFileSync(path.join(process.cwd(), 'prisma', 'seed-data', 'samples', 'procedure-password-v1.txt'), 'utf8');

function amend(tree: TPolicyTree, from: string, to: string, provisionText?: [string, string]): TPolicyTree {
  const text = serializePolicyText(tree);
  expect(text).toContain(from);
  const changed = parseOrThrow(text.replace(from, to));
  if (!provisionText) return changed;
  return { ...changed, supplementaryProvisions: [...changed.supplementaryProvisions, { ...provision(provisionText[0], provisionText[1]), id: `sp${changed.supplementaryProvisions.length + 1}` }] };
}

describe('mergePolicyTrees', () => {
  const base = parseOrThrow(source);

  it('re-applies a scheduled amendment on top of an urgent one: both changes and both 附則 are there', () => {
    const urgent = amend(base, '直ちにパスワードを変更し', '直ちに（遅くとも1時間以内に）パスワードを変更し', ['2026-11-26', 'この手順は、令和8年11月26日から施行する。']);
    const scheduled = amend(base, '必要な事項を定めるものとする。', '必要な事項を定める。', ['2026-12-06', 'この手順は、令和8年12月6日から施行する。']);
    const result = mergePolicyTrees({ base, ours: urgent, theirs: scheduled });
    expect(result.ok).toBe(true);
    const text = serializePolicyText((result as { tree: TPolicyTree }).tree);
    expect(text).toContain('遅くとも1時間以内に');
    expect(text).toContain('必要な事項を定める。');
    expect(text.indexOf('令和8年11月26日から施行')).toBeLessThan(text.indexOf('令和8年12月6日から施行'));
    expect(text.indexOf('令和4年4月1日から施行')).toBeLessThan(text.indexOf('令和8年11月26日から施行'));
  });

  it('refuses when both changed the same paragraph, and shows both texts', () => {
    const urgent = amend(base, '直ちにパスワードを変更し', '速やかにパスワードを変更し');
    const scheduled = amend(base, '直ちにパスワードを変更し', '直ちにパスワードを無効化し');
    const result = mergePolicyTrees({ base, ours: urgent, theirs: scheduled });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.ours.join('')).toContain('速やかに');
    expect(result.conflicts[0]!.theirs.join('')).toContain('無効化し');
    expect(result.text).toContain('<<<<<<<');
  });

  it('follows an added article: the scheduled text keeps the article the urgent one added', () => {
    const urgent = amend(base, '（パスワードの流出時の対応）', '（多要素認証）\n第5条の2　情報システム管理者は、多要素認証を導入しなければならない。\n（パスワードの流出時の対応）');
    const scheduled = amend(base, '全ての職員等に適用する。', '全ての職員等（会計年度任用職員を含む。）に適用する。');
    const result = mergePolicyTrees({ base, ours: urgent, theirs: scheduled });
    expect(result.ok).toBe(true);
    const text = serializePolicyText((result as { tree: TPolicyTree }).tree);
    expect(text).toContain('第5条の2');
    expect(text).toContain('会計年度任用職員');
  });
});
