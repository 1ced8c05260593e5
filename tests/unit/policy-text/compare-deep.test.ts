import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spansText } from '@/lib/policy-text/char-diff';
import { type TCell, type TComparison, type TLine, type TRow, type TSpan, compareTrees, mapArticleAnchors } from '@/lib/policy-text/compare';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { generateDeepRevisionPair } from '../../fixtures/deep-compare/generate';

/*
 * The 新旧対照表 on the deep tree: changes at any depth of 号の細分, table rows aligned with the
 * changed cell marked in itself, renumbering at every level, groups, 附則 and appendices.
 */

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/deep');
const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

function parse(text: string): TDeepTree {
  const result = parseDeepText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.tree;
}

/** The fixture and a copy with `from` replaced by `to` (which must occur exactly once). */
function amended(name: string, from: string, to: string): [TDeepTree, TDeepTree] {
  const text = fixture(name);
  expect(text.split(from)).toHaveLength(2);
  return [parse(text), parse(text.replace(from, to))];
}

function row(c: TComparison, after: string | null, before: string | null): TRow {
  const found = c.rows.find((r) => (r.after?.anchor ?? null) === after && (r.before?.anchor ?? null) === before);
  if (!found) throw new Error(`no row ${after ?? '-'}|${before ?? '-'}; rows: ${c.rows.map((r) => `${r.key}:${r.kind}`).join(' ')}`);
  return found;
}

const cell = (c: TCell): NonNullable<TCell> => {
  if (!c) throw new Error('empty cell');
  return c;
};

function line(c: TCell, key: string): TLine {
  const found = cell(c).lines.find((l) => l.key === key);
  if (!found) throw new Error(`no line ${key} in ${cell(c).anchor}: ${cell(c).lines.map((l) => l.key).join(' ')}`);
  return found;
}

const changed = (spans: readonly TSpan[]): string[] => spans.filter((s) => s.changed && !s.gap).map((s) => s.text);
const changedRows = (c: TComparison): TRow[] => c.rows.filter((r) => r.kind !== 'unchanged' && !(r.kind === 'heading' && r.remarks.length === 0));

/** Line i of one cell faces line i of the other, and a blank line faces what only one side has. */
function expectPaired(r: TRow): void {
  const after = cell(r.after).lines;
  const before = cell(r.before).lines;
  expect(after.length).toBe(before.length);
  after.forEach((a, i) => {
    const b = before[i] as TLine;
    expect(a.blank && b.blank).toBeFalsy();
    if (!a.blank && !b.blank) expect(a.tier).toBe(b.tier);
  });
}

describe('compareTrees on the deep tree', () => {
  it('marks a change five levels below an item, in its own line, and nothing else', () => {
    const [before, after] = amended('01-ten-levels.txt', '(ⅰ)　範囲は、情報システム管理者が定める。', '(ⅰ)　範囲は、統括情報セキュリティ責任者が定める。');
    const c = compareTrees(before, after);
    expect(c.level).toBe('character');
    expect(changedRows(c).map((r) => r.key)).toEqual(['a3|a3']);
    const r = row(c, 'a3', 'a3');
    expect(r.kind).toBe('modified');
    expect(r.remarks).toEqual(['字句の改正']);
    expectPaired(r);
    const key = 'a3-i1-s1-s1-s1-s1-s1-s1';
    const deep = line(r.after, key);
    expect([deep.label, deep.tier, deep.depth]).toEqual(['(ⅰ)', 'subitem', 7]);
    expect(changed(deep.spans)).toEqual(['統括情報セキュリティ責任']);
    expect(changed(line(r.before, key).spans)).toEqual(['情報システム管理']);
    // every other line of the article is shown, not underlined
    const others = cell(r.after).lines.filter((l) => l.key !== key);
    expect(others.length).toBeGreaterThan(20);
    expect(others.every((l) => changed(l.spans).length === 0 && !l.labelChanged)).toBe(true);
  });

  it('shows every one of ten levels of 号の細分 with its own depth', () => {
    const [before, after] = amended('01-ten-levels.txt', '①　承認の記録を5年間保存すること。', '①　承認の記録を10年間保存すること。');
    const r = row(compareTrees(before, after), 'a3', 'a3');
    const deepest = cell(r.after).lines.find((l) => l.label === '①');
    expect(deepest?.depth).toBe(11);
    expect(changed(deepest?.spans ?? [])).toEqual(['10']);
  });

  it('reports a sub-item inserted before its siblings as 追加 and their renumbering as 繰下げ, not as rewritten text', () => {
    const [before, after] = amended('01-ten-levels.txt', '(2)　ログの取得及び保存\nア　認証、', '(2)　ログの取得及び保存\nア　ログの取得の範囲を定めること。\nイ　認証、');
    const text = fixture('01-ten-levels.txt').replace('(2)　ログの取得及び保存\nア　認証、', '(2)　ログの取得及び保存\nア　ログの取得の範囲を定めること。\nイ　認証、').replace('イ　ログを1年以上保存すること。', 'ウ　ログを1年以上保存すること。');
    const c = compareTrees(before, parse(text));
    void after;
    const r = row(c, 'a3', 'a3');
    expectPaired(r);
    expect(r.remarks).toEqual(expect.arrayContaining(['号の細分の追加', '号の細分の繰下げ']));
    expect(r.remarks).not.toContain('字句の改正');
    // the new ア faces a blank line
    const index = cell(r.after).lines.findIndex((l) => l.key === 'a3-i2-s1');
    expect(cell(r.after).lines[index]?.spans.every((s) => s.changed)).toBe(true);
    expect(cell(r.before).lines[index]?.blank).toBe(true);
    // the old ア is the new イ: its label underlined, its text not
    const moved = line(r.after, 'a3-i2-s2');
    expect([moved.label, moved.labelChanged]).toEqual(['イ', true]);
    expect(changed(moved.spans)).toEqual([]);
    const old = cell(r.before).lines[cell(r.after).lines.indexOf(moved)];
    expect([old?.key, old?.label]).toEqual(['a3-i2-s1', 'ア']);
    const last = line(r.after, 'a3-i2-s3');
    expect([last.label, last.labelChanged, changed(last.spans)]).toEqual(['ウ', true, []]);
  });

  it('aligns the rows of a table and marks a changed cell in that cell', () => {
    const [before, after] = amended('07-tables.txt', '機密性2	取扱注意	文書の右上に表示する。', '機密性2	取扱注意	文書の右上に朱書き以外で表示する。');
    const c = compareTrees(before, after);
    const r = row(c, 'a2', 'a2');
    expect(r.remarks).toEqual(['表の改正']);
    expectPaired(r);
    const rows = cell(r.after).lines.filter((l) => l.tier === 'row');
    expect(rows).toHaveLength(4);
    const target = rows.find((l) => l.cells?.[0] && spansText(l.cells[0]) === '機密性2');
    expect(target?.cells?.map((cellSpans) => changed(cellSpans))).toEqual([[], [], ['朱書き以外で']]);
    expect(rows.filter((l) => l !== target).every((l) => l.cells?.every((s) => changed(s).length === 0))).toBe(true);
    expect(rows[0]?.header ?? rows[0]?.cells?.map((s) => spansText(s))).toBeTruthy();
  });

  it('compares 附則 and appendices (別表, 様式) as rows of their own', () => {
    const text = fixture('07-tables.txt');
    const c = compareTrees(parse(text), parse(text.replace('| 管理者 | 情報資産を管理する課等の名称 |', '| 管理者 | 情報資産を管理する所属の名称 |')));
    const annex = c.rows.find((r) => r.kind === 'modified' && r.after?.kind === 'annex');
    expect(annex?.after?.label).toBe('別表第1');
    expect(spansText(annex?.after?.heading ?? [])).toContain('（第4条関係）');
    const rows = cell(annex?.after ?? null).lines.filter((l) => l.tier === 'row');
    expect(rows.flatMap((l) => (l.cells ?? []).flatMap(changed))).toEqual(['所属']);

    const forms = fixture('08-appendices-forms.txt');
    const d = compareTrees(parse(forms), parse(forms.replace('附則（令和6年2月28日訓令第3号）', '附則（令和6年2月29日訓令第3号）')));
    const provision = changedRows(d);
    expect(provision).toHaveLength(1);
    expect(provision[0]?.after?.kind).toBe('supplementary');
    expect(changed(provision[0]?.after?.heading ?? [])).toEqual(['9']);
  });

  it('compares groups at every level: a 款 renamed is a heading row with 款名の改正', () => {
    const [before, after] = amended('03-chapters-sections-subsections.txt', '第2款　庁外への持ち出し\n', '第2款　庁外への持出し\n');
    const c = compareTrees(before, after);
    const heading = changedRows(c);
    expect(heading.map((r) => [r.kind, r.after?.kind, r.remarks])).toEqual([['heading', 'subsection', ['款名の改正']]]);
    expect(changed(cell(heading[0]!.before).heading)).toEqual(['ち']);
  });

  it('follows articles through renumbering inside chapters and sections (excerpts use this)', () => {
    const text = fixture('03-chapters-sections-subsections.txt');
    const after = text.replace('第3条　市に最高情報セキュリティ責任者', '（基本理念）\n第3条　市は、情報資産の保護を最優先とする。\n（最高情報セキュリティ責任者）\n第4条　市に最高情報セキュリティ責任者');
    const map = mapArticleAnchors(parse(text), parse(after.replace(/第(\d)条　最高情報/g, '第$1条　最高情報')));
    expect(map.get('a1')).toMatchObject({ after: 'a1', change: 'unchanged' });
    expect(map.get('a3')).toMatchObject({ after: 'a4', change: 'unchanged' });
  });

  it('compares two generated 500-article deep revisions at character level, every change found', { timeout: 60_000 }, () => {
    const pair = generateDeepRevisionPair({ count: 500, seed: 7 });
    const c = compareTrees(parse(pair.before), parse(pair.after), { limits: { budgetMs: 60_000, hardCapMs: 60_000 } });
    expect(c.level).toBe('character');
    expect(c.stats.added).toBe(pair.changes.insertedArticles);
    expect(c.stats.deleted).toBe(pair.changes.deletedArticles);
    const remarks = c.rows.flatMap((r) => r.remarks);
    expect(remarks.filter((x) => x === '表の改正').length).toBeGreaterThanOrEqual(pair.changes.tableCells);
    expect(remarks.filter((x) => x === '号の細分の追加').length).toBe(pair.changes.insertedSubItems);
    for (const r of c.rows) if (r.after && r.before) expectPaired(r);
  });
});
