import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDeepTrees, mergeLines, mergeSupplementaryUnits } from '@/lib/policy-text/merge';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { type TDeepTree, type TSupplementary, collectAnchors } from '@/lib/policy-text/deep/tree';
import { deepFixture, nodeById, parseOrThrow } from './deep/helpers';

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

const provision = (date: string | undefined, text: string): TSupplementary => ({
  kind: 'supplementary',
  id: 'x',
  label: '附則',
  children: [{ kind: 'paragraph', id: 'x-p1', label: '', num: 1, sentences: [text], tables: [], children: [], remarks: [] }],
  ...(date ? { effectiveDate: date } : {}),
});
const firstSentence = (unit: TSupplementary) => unit.children[0]?.sentences[0];

describe('mergeSupplementaryUnits', () => {
  it('keeps the base, adds both sides by date and renumbers, so two amendments never conflict in 附則', () => {
    const base = [provision('2022-04-01', '制定')];
    const ours = [...base, provision('2026-11-26', '急ぎの改正')];
    const theirs = [...base, provision('2026-12-06', '予定の改正')];
    const merged = mergeSupplementaryUnits(base, ours, theirs);
    expect(merged.map((p) => [p.id, p.children[0]?.id, firstSentence(p)])).toEqual([
      ['sp1', 'sp1-p1', '制定'],
      ['sp2', 'sp2-p1', '急ぎの改正'],
      ['sp3', 'sp3-p1', '予定の改正'],
    ]);
    expect(mergeSupplementaryUnits(base, theirs, ours).map(firstSentence)).toEqual(['制定', '急ぎの改正', '予定の改正']);
  });
});

const source = readFileSync(path.join(process.cwd(), 'prisma', 'seed-data', 'samples', 'procedure-password-v1.txt'), 'utf8');

/** The tree with one passage of its text replaced and, optionally, a 附則 appended (as an approval does). */
function amend(tree: TDeepTree, from: string, to: string, provisionText?: [string, string]): TDeepTree {
  const text = serializeDeepTree(tree);
  expect(text).toContain(from);
  const changed = parseOrThrow(text.replace(from, to));
  if (!provisionText) return changed;
  const count = changed.tail.filter((u) => u.kind === 'supplementary').length;
  const added = { ...provision(provisionText[0], provisionText[1]), id: `sp${count + 1}` };
  added.children = added.children.map((c) => ({ ...c, id: `sp${count + 1}-p1` }));
  return { ...changed, tail: [...changed.tail, added] };
}

const merge = (base: TDeepTree, ours: TDeepTree, theirs: TDeepTree) => mergeDeepTrees({ base, ours, theirs });
const mergedText = (result: ReturnType<typeof mergeDeepTrees>) => {
  expect(result.ok).toBe(true);
  return serializeDeepTree((result as { tree: TDeepTree }).tree);
};

describe('mergeDeepTrees', () => {
  const base = parseOrThrow(source);

  it('re-applies a scheduled amendment on top of an urgent one: both changes and both 附則 are there', () => {
    const urgent = amend(base, '直ちにパスワードを変更し', '直ちに（遅くとも1時間以内に）パスワードを変更し', ['2026-11-26', 'この手順は、令和8年11月26日から施行する。']);
    const scheduled = amend(base, '必要な事項を定めるものとする。', '必要な事項を定める。', ['2026-12-06', 'この手順は、令和8年12月6日から施行する。']);
    const text = mergedText(merge(base, urgent, scheduled));
    expect(text).toContain('遅くとも1時間以内に');
    expect(text).toContain('必要な事項を定める。');
    expect(text.indexOf('令和8年11月26日から施行')).toBeLessThan(text.indexOf('令和8年12月6日から施行'));
    expect(text.indexOf('令和4年4月1日から施行')).toBeLessThan(text.indexOf('令和8年11月26日から施行'));
  });

  it('refuses when both changed the same paragraph, and shows both texts', () => {
    const urgent = amend(base, '直ちにパスワードを変更し', '速やかにパスワードを変更し');
    const scheduled = amend(base, '直ちにパスワードを変更し', '直ちにパスワードを無効化し');
    const result = merge(base, urgent, scheduled);
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
    const text = mergedText(merge(base, urgent, scheduled));
    expect(text).toContain('第5条の2');
    expect(text).toContain('会計年度任用職員');
  });
});

describe('mergeDeepTrees at depth (tests/fixtures/deep/01-ten-levels.txt)', () => {
  const base = parseOrThrow(deepFixture('01-ten-levels.txt'));
  // a 細分 four levels below its 号, and the text of another article
  const deep = nodeById(base, 'a3-i1-s1-s1-s1-s1');
  const deepText = deep.sentences[0]!;
  const elsewhere = nodeById(base, 'a1-p1').sentences[0]!;

  it('merges a change four levels down on one side with a change elsewhere on the other', () => {
    expect(deep.depth).toBe(4);
    const ours = amend(base, deepText, `${deepText.replace(/。$/, '')}（改）。`);
    const theirs = amend(base, elsewhere, `${elsewhere.replace(/。$/, '')}（予定の改正）。`);
    const result = merge(base, ours, theirs);
    const text = mergedText(result);
    const tree = (result as { tree: TDeepTree }).tree;
    expect(nodeById(tree, 'a3-i1-s1-s1-s1-s1').sentences[0]).toContain('（改）');
    expect(nodeById(tree, 'a1-p1').sentences[0]).toContain('（予定の改正）');
    expect(text).toContain('（改）');
    // nothing of the depth is lost: every anchor of the base is still there
    expect(collectAnchors(base).filter((a) => !collectAnchors(tree).includes(a))).toEqual([]);
  });

  it('refuses when both sides changed the same line four levels down', () => {
    const ours = amend(base, deepText, `${deepText}（甲）`);
    const theirs = amend(base, deepText, `${deepText}（乙）`);
    const result = merge(base, ours, theirs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]!.ours.join('')).toContain('（甲）');
    expect(result.conflicts[0]!.theirs.join('')).toContain('（乙）');
  });

  it('keeps a 附則 after a 別表 where it stood while merging the 附則 of both sides', () => {
    const text = `${serializeDeepTree(base)}別表第1（第2条関係）\n|区分|内容|\n|---|---|\n|重要|暗号化する|\n附則（令和7年4月1日訓令第2号）\nこの基準は、令和7年4月1日から施行する。\n`;
    const withAppendix = parseOrThrow(text);
    const ours = amend(withAppendix, deepText, `${deepText}（改）`, ['2026-11-26', 'この基準は、令和8年11月26日から施行する。']);
    const theirs = amend(withAppendix, elsewhere, `${elsewhere}（予定）`, ['2026-12-06', 'この基準は、令和8年12月6日から施行する。']);
    const result = merge(withAppendix, ours, theirs);
    const merged = mergedText(result);
    const tree = (result as { tree: TDeepTree }).tree;
    expect(tree.tail.map((u) => u.kind)).toEqual(withAppendix.tail.map((u) => u.kind).concat(['supplementary', 'supplementary']));
    expect(merged.indexOf('別表第1')).toBeLessThan(merged.indexOf('令和7年4月1日から施行'));
    expect(merged.indexOf('令和8年11月26日から施行')).toBeLessThan(merged.indexOf('令和8年12月6日から施行'));
  });
});
