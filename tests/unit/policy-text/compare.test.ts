import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spansText } from '@/lib/policy-text/char-diff';
import { type TCell, type TComparison, type TLine, type TRow, type TSpan, compareTrees as compareDeepTrees } from '@/lib/policy-text/compare';
import { deepTreeFromLegacy } from '@/lib/policy-text/deep/from-legacy';
import type { TPolicyTree as TLegacyTree } from '@/lib/policy-text/tree';

/** These cases are written as three-level trees (the stored form before the deep tree), read as deep trees the way readDeepTree reads them. */
const compareTrees = (before: TLegacyTree, after: TLegacyTree, options?: Parameters<typeof compareDeepTrees>[2]) => compareDeepTrees(deepTreeFromLegacy(before), deepTreeFromLegacy(after), options);

import { parsePolicyText } from '@/lib/policy-text/parse';
import type { TPolicyTree } from '@/lib/policy-text/tree';
import { type TArticleSpec, articleSpecs, buildChapteredTree, buildTree } from '../../fixtures/compare/build-tree';
import { buildArticles, chapters, generateRevisionPair, mulberry32 } from '../../fixtures/compare/generate-revisions';

const samples = path.resolve(import.meta.dirname, '../../../prisma/seed-data/samples');
const fixtures = path.resolve(import.meta.dirname, '../../fixtures/policy-texts');

function parse(text: string): TPolicyTree {
  const result = parsePolicyText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.tree;
}

const sample = (name: string): TPolicyTree => parse(readFileSync(path.join(samples, name), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Reading a comparison

type TFilled = NonNullable<TCell>;

function row(c: TComparison, after: string | null, before: string | null): TRow {
  const found = c.rows.find((r) => (r.after?.anchor ?? null) === after && (r.before?.anchor ?? null) === before);
  if (!found) throw new Error(`no row ${after ?? '-'}|${before ?? '-'}; rows: ${c.rows.map((r) => r.key).join(' ')}`);
  return found;
}

function cell(c: TCell): TFilled {
  if (!c) throw new Error('empty cell');
  return c;
}

function line(c: TCell, key: string): TLine {
  const found = cell(c).lines.find((l) => l.key === key);
  if (!found) throw new Error(`no line ${key} in ${cell(c).anchor}`);
  return found;
}

/** The line facing the given one in the other cell of the row. */
function opposite(r: TRow, side: 'after' | 'before', key: string): TLine {
  const own = cell(r[side]);
  const index = own.lines.findIndex((l) => l.key === key);
  const other = cell(r[side === 'after' ? 'before' : 'after']).lines[index];
  if (!other) throw new Error(`nothing faces ${key}`);
  return other;
}

const changed = (spans: readonly TSpan[]): string[] => spans.filter((s) => s.changed && !s.gap).map((s) => s.text);
const gapsOf = (spans: readonly TSpan[]): string[] => spans.filter((s) => s.gap).map((s) => s.text);
const kept = (spans: readonly TSpan[]): string => spans.filter((s) => !s.changed).map((s) => s.text).join('');
const allSpans = (c: TComparison): TSpan[] => c.rows.flatMap((r) => [r.after, r.before].flatMap((x) => (x ? [...x.heading, ...x.lines.flatMap((l) => l.spans)] : [])));
const isUnderlined = (l: TLine): boolean => l.spans.length > 0 && l.spans.every((s) => s.changed);

// ---------------------------------------------------------------------------------------------
// What every comparison must satisfy

/** Anchors of a tree's units in document order, the way the table lists them. */
function unitAnchors(tree: TPolicyTree, withTitle: boolean): string[] {
  return [
    ...(withTitle ? ['title'] : []),
    ...(tree.enactment || tree.preamble.length > 0 ? ['preamble'] : []),
    ...tree.articles.map((a) => a.id),
    ...tree.chapters.flatMap((ch) => [ch.id, ...ch.articles.map((a) => a.id), ...ch.sections.flatMap((s) => [s.id, ...s.articles.map((a) => a.id)])]),
    ...tree.items.map((i) => i.id),
    ...tree.supplementaryProvisions.map((s) => s.id),
    ...tree.annexes.map((a) => a.id),
  ];
}

/** Every line's text by its key, straight from the tree. */
function lineTexts(tree: TPolicyTree): Map<string, string> {
  const texts = new Map<string, string>();
  const items = (list: TPolicyTree['items']): void => {
    for (const item of list) {
      texts.set(item.id, item.text);
      item.body.forEach((b, k) => texts.set(`${item.id}-b${k + 1}`, b));
      for (const s of item.subItems) texts.set(s.id, s.text);
    }
  };
  const articles = [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];
  for (const a of articles) {
    for (const p of a.paragraphs) {
      texts.set(p.id, p.text);
      items(p.items);
    }
  }
  items(tree.items);
  [...(tree.enactment ? [tree.enactment] : []), ...tree.preamble].forEach((p, k) => texts.set(`preamble-p${k + 1}`, p));
  for (const s of tree.supplementaryProvisions) s.paragraphs.forEach((p, k) => texts.set(`${s.id}-p${k + 1}`, p));
  for (const a of tree.annexes) a.lines.forEach((p, k) => texts.set(`${a.id}-p${k + 1}`, p));
  return texts;
}

/**
 * The properties every comparison has, whatever its input and level. Collected as messages and
 * asserted once: the adversarial cases have tens of thousands of lines.
 */
function expectWellFormed(c: TComparison, before: TPolicyTree, after: TPolicyTree): void {
  const problems: string[] = [];
  const check = (ok: boolean, message: () => string): void => {
    if (!ok && problems.length < 20) problems.push(message());
  };
  const withTitle = before.title !== after.title;
  // every unit of each revision appears exactly once, in document order
  expect(c.rows.flatMap((r) => (r.before ? [r.before.anchor] : []))).toEqual(unitAnchors(before, withTitle));
  expect(c.rows.flatMap((r) => (r.after ? [r.after.anchor] : []))).toEqual(unitAnchors(after, withTitle));
  check(new Set(c.rows.map((r) => r.key)).size === c.rows.length, () => 'row keys are not unique');
  const texts = { before: lineTexts(before), after: lineTexts(after) };
  for (const r of c.rows) {
    check(r.after !== null || r.before !== null, () => `${r.key}: both cells empty`);
    for (const side of ['after', 'before'] as const) {
      for (const l of r[side]?.lines ?? []) {
        // the spans reproduce the document's text exactly; blanks are empty
        if (l.blank) check(l.spans.length === 0, () => `${r.key} ${l.key}: blank line with text`);
        else check(spansText(l.spans) === texts[side].get(l.key), () => `${r.key} ${l.key}: ${spansText(l.spans)} ≠ ${texts[side].get(l.key)}`);
        for (const s of l.spans) if (s.gap) check(s.changed && /^\u3000+$/.test(s.text), () => `${r.key} ${l.key}: bad gap ${JSON.stringify(s)}`);
      }
    }
    if (r.after && r.before) {
      const other = r.before.lines;
      check(r.after.lines.length === other.length, () => `${r.key}: ${r.after?.lines.length} lines against ${other.length}`);
      r.after.lines.forEach((l, k) => {
        const o = other[k];
        check(!(l.blank && o?.blank), () => `${r.key}: two blank lines face each other`);
        // at character level what is not underlined is a common subsequence of both sides
        if (c.level === 'character' && o && !l.blank && !o.blank) check(kept(l.spans) === kept(o.spans), () => `${r.key} ${l.key}: kept text differs`);
      });
      if (c.level === 'character') check(kept(r.after.heading) === kept(r.before.heading), () => `${r.key}: kept heading differs`);
    }
    if (r.kind === 'unchanged') {
      check(r.remarks.length === 0, () => `${r.key}: unchanged with remarks`);
      for (const x of [r.after, r.before]) {
        const marked = x?.labelChanged || x?.heading.some((s) => s.changed) || x?.lines.some((l) => l.labelChanged || l.blank || l.spans.some((s) => s.changed));
        check(!marked, () => `${r.key}: unchanged row with underlines`);
      }
    }
    if (r.kind === 'added') check(r.before === null, () => `${r.key}: added with a before cell`);
    if (r.kind === 'deleted') check(r.after === null, () => `${r.key}: deleted with an after cell`);
    if (r.kind !== 'unchanged' && r.kind !== 'heading') check(r.remarks.length > 0, () => `${r.key}: ${r.kind} without remarks`);
  }
  expect(problems).toEqual([]);
  if (c.level !== 'character') expect(c.degraded).toBe(true);
  const count = (...kinds: string[]): number => c.rows.filter((r) => kinds.includes(r.kind)).length;
  expect(c.stats).toEqual({
    added: count('added'),
    deleted: count('deleted'),
    modified: count('modified', 'moved-modified'),
    moved: count('moved', 'moved-modified'),
    unchanged: count('unchanged'),
  });
  // plain JSON: nothing lost in a round trip
  expect(JSON.stringify(JSON.parse(JSON.stringify(c)))).toBe(JSON.stringify(c));
}

function compare(before: TPolicyTree, after: TPolicyTree, options?: Parameters<typeof compareTrees>[2]): TComparison {
  const c = compareTrees(before, after, options);
  expectWellFormed(c, before, after);
  return c;
}

// ---------------------------------------------------------------------------------------------

// The adversarial cases build tens of thousands of articles and read them as deep trees before
// comparing; on a shared machine that alone can pass the default 5 s. Their engine time is
// measured by `npm run bench:compare`, never asserted here.
describe('compareTrees: the sample standard, v1 → v2 (see samples/CHANGES.md)', () => {
  const v1 = sample('standard-v1.txt');
  const v2 = sample('standard-v2.txt');
  const c = compare(v1, v2);

  it('compares at character level within the budget', () => {
    expect(c.level).toBe('character');
    expect(c.degraded).toBe(false);
  });

  it('counts 2 additions (第19条, 附則), 5 amended and 8 renumbered articles', () => {
    expect(c.stats).toEqual({ added: 2, deleted: 0, modified: 5, moved: 8, unchanged: 17 });
  });

  it('shows the inserted 第19条（生成AI等の利用） as added, against an empty cell', () => {
    const r = row(c, 'a19', null);
    expect(r.kind).toBe('added');
    expect(r.remarks).toEqual(['条の追加']);
    expect(spansText(cell(r.after).heading)).toBe('生成AI等の利用');
    expect(cell(r.after).lines).toHaveLength(3);
    expect(cell(r.after).lines.every(isUnderlined)).toBe(true);
  });

  it('matches the old 第19条（ログの取得） to the new 第20条 and underlines exactly 「３」→「５」', () => {
    const r = row(c, 'a20', 'a19');
    expect(r.kind).toBe('moved-modified');
    expect(r.remarks).toEqual(['条の繰下げ', '字句の改正']);
    const after = line(r.after, 'a20-p1');
    const before = line(r.before, 'a19-p1');
    expect([after.label, before.label]).toEqual(['第20条', '第19条']);
    expect(after.labelChanged && before.labelChanged).toBe(true);
    expect(changed(after.spans)).toEqual(['５']);
    expect(changed(before.spans)).toEqual(['３']);
    expect(after.spans.map((s) => s.text).join('')).toContain('５年間保存');
    expect(cell(r.after).lines.slice(1).some((l) => l.labelChanged || l.spans.some((s) => s.changed))).toBe(false);
  });

  it('moves every later article down by one without marking its text', () => {
    for (const n of [22, 24, 25, 26, 27]) {
      const r = row(c, `a${n}`, `a${n - 1}`);
      expect(r.kind).toBe('moved');
      expect(r.remarks).toEqual(['条の繰下げ']);
      expect(allSpans({ ...c, rows: [r] }).some((s) => s.changed)).toBe(false);
    }
  });

  it('underlines 「１回」→「２回以上」 in 第14条', () => {
    const r = row(c, 'a14', 'a14');
    expect(r.kind).toBe('modified');
    expect(r.remarks).toEqual(['字句の改正']);
    expect(changed(line(r.after, 'a14-p1').spans)).toEqual(['２回以上']);
    expect(changed(line(r.before, 'a14-p1').spans)).toEqual(['１回']);
  });

  it('shows the item added to 第13条 against a blank line (号の追加)', () => {
    const r = row(c, 'a13', 'a13');
    expect(r.kind).toBe('modified');
    expect(r.remarks).toEqual(['号の追加']);
    const added = line(r.after, 'a13-p2-i6');
    expect(added.label).toBe('(6)');
    expect(isUnderlined(added)).toBe(true);
    expect(opposite(r, 'after', 'a13-p2-i6').blank).toBe(true);
  });

  it('shows the item deleted from 情報システムの監視 as deleted, and the next item moved up to its number', () => {
    const r = row(c, 'a21', 'a20');
    expect(r.kind).toBe('moved-modified');
    expect(r.remarks).toEqual(['条の繰下げ', '号の削除', '号の繰上げ']);
    const deleted = line(r.before, 'a20-p2-i3');
    expect(spansText(deleted.spans)).toContain('帳票を紙で出力');
    expect(isUnderlined(deleted)).toBe(true);
    expect(opposite(r, 'before', 'a20-p2-i3').blank).toBe(true);
    const moved = opposite(r, 'before', 'a20-p2-i4');
    expect(moved.key).toBe('a21-p2-i3');
    expect([moved.label, moved.labelChanged]).toEqual(['(3)', true]);
    expect(changed(moved.spans)).toEqual([]);
  });

  it('underlines the phrase inserted into 第23条 and leaves a 22-character gap opposite it', () => {
    const r = row(c, 'a23', 'a22');
    expect(r.kind).toBe('moved-modified');
    const after = line(r.after, 'a23-p1');
    const before = line(r.before, 'a22-p1');
    expect(changed(after.spans)).toEqual(['（再委託先を含む。以下この条において同じ。）']);
    expect(changed(before.spans)).toEqual([]);
    expect(gapsOf(before.spans)).toEqual(['\u3000'.repeat(22)]);
    expect(before.spans.map((s) => s.text).join('')).toMatch(/^.*委託先\u3000{22}における/);
  });

  it('keeps chapter headings as context rows and unchanged articles as unchanged rows', () => {
    const headings = c.rows.filter((r) => r.kind === 'heading');
    expect(headings.map((r) => r.key)).toEqual(Array.from({ length: 9 }, (_, k) => `ch${k + 1}|ch${k + 1}`));
    expect(headings.every((r) => r.remarks.length === 0)).toBe(true);
    expect(row(c, 'a1', 'a1').kind).toBe('unchanged');
  });

  it('shows the second 附則 as added', () => {
    const r = row(c, 'sp2', null);
    expect(r.kind).toBe('added');
    expect(r.remarks).toEqual(['附則の追加']);
    expect(row(c, 'sp1', 'sp1').kind).toBe('unchanged');
  });

  it('compared with itself, is all unchanged', () => {
    const same = compare(v2, v2);
    expect(same.rows.every((r) => r.kind === 'unchanged' || r.kind === 'heading')).toBe(true);
    expect(allSpans(same).some((s) => s.changed)).toBe(false);
    expect(same.stats).toEqual({ added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 29 });
  });

  it('compared backwards, shows the inverse amendment', () => {
    const back = compare(v2, v1);
    expect(row(back, null, 'a19').kind).toBe('deleted');
    expect(row(back, null, 'a19').remarks).toEqual(['条の削除']);
    expect(row(back, 'a19', 'a20').remarks).toEqual(['条の繰上げ', '字句の改正']);
    expect(row(back, 'a20', 'a21').remarks).toEqual(['条の繰上げ', '号の追加', '号の繰下げ']);
  });
});

describe('compareTrees: the sample procedure, v1 → v2', () => {
  const c = compare(sample('procedure-media-v1.txt'), sample('procedure-media-v2.txt'));

  it.each([
    ['a3-p2', '及びウイルス検知機能'],
    ['a4-p2', '及び人事異動の時期'],
    ['a7-p2', 'るとともに、必要に応じて職員等を立ち会わせ'],
  ])('underlines the inserted phrase of %s', (key, phrase) => {
    const anchor = key.split('-')[0] ?? '';
    const r = row(c, anchor, anchor);
    expect(r.kind).toBe('modified');
    expect(changed(line(r.after, key).spans)).toEqual([phrase]);
    expect(gapsOf(line(r.before, key).spans)).toHaveLength(1);
  });

  it('shows the added item (5) of 第５ and keeps 第１ as unchanged', () => {
    expect(row(c, 'a5', 'a5').remarks).toEqual(['号の追加']);
    expect(spansText(line(row(c, 'a5', 'a5').after, 'a5-p2-i5').spans)).toBe('持出し中の保管方法');
    expect(row(c, 'a1', 'a1').kind).toBe('unchanged');
    expect(c.stats).toEqual({ added: 1, deleted: 0, modified: 4, moved: 0, unchanged: 5 });
  });
});

// ---------------------------------------------------------------------------------------------

const A: TArticleSpec = { caption: '目的', paragraphs: ['この規程は、情報資産の適正な管理に関し必要な事項を定めるものとする。'] };
const B: TArticleSpec = { caption: '定義', paragraphs: ['この規程において使用する用語の意義は、基本方針の例による。'] };
const C: TArticleSpec = { caption: '適用範囲', paragraphs: ['この規程は、市の全ての機関に適用する。', '委託先にも、この規程と同等の措置を講じさせるものとする。'] };
const D: TArticleSpec = { caption: '研修', paragraphs: ['統括情報セキュリティ責任者は、職員等に対し、研修を年1回実施しなければならない。'] };
const LIST: TArticleSpec = {
  caption: '遵守事項',
  paragraphs: [
    {
      text: '職員等は、次に掲げる事項を守らなければならない。',
      items: ['業務以外の目的で情報資産を利用しないこと。', '離席する際は、端末をロックすること。', 'パスワードを他者に知らせないこと。', '私物の媒体を業務に使用しないこと。'],
    },
  ],
};
const listWith = (items: string[]): TArticleSpec => ({ caption: '遵守事項', paragraphs: [{ text: '職員等は、次に掲げる事項を守らなければならない。', items }] });
const ITEMS = (LIST.paragraphs[0] as { items: string[] }).items;
const [I1, I2, I3, I4] = ITEMS as [string, string, string, string];

describe('compareTrees: articles', () => {
  it.each<{ name: string; before: TArticleSpec[]; after: TArticleSpec[]; rows: Array<[string | null, string | null, string, string[]]> }>([
    {
      name: 'an article inserted at the start renumbers the rest (条の繰下げ)',
      before: [A, B, C],
      after: [D, A, B, C],
      rows: [
        ['a1', null, 'added', ['条の追加']],
        ['a2', 'a1', 'moved', ['条の繰下げ']],
        ['a3', 'a2', 'moved', ['条の繰下げ']],
        ['a4', 'a3', 'moved', ['条の繰下げ']],
      ],
    },
    {
      name: 'an article deleted in the middle moves the rest up (条の繰上げ)',
      before: [A, B, C, D],
      after: [A, C, D],
      rows: [
        ['a1', 'a1', 'unchanged', []],
        [null, 'a2', 'deleted', ['条の削除']],
        ['a2', 'a3', 'moved', ['条の繰上げ']],
        ['a3', 'a4', 'moved', ['条の繰上げ']],
      ],
    },
    {
      name: 'an article moved elsewhere is deleted and added with 条の移動',
      before: [A, B, C, D],
      after: [B, C, D, A],
      rows: [
        [null, 'a1', 'deleted', ['条の移動']],
        ['a1', 'a2', 'moved', ['条の繰上げ']],
        ['a4', null, 'added', ['条の移動']],
      ],
    },
    {
      name: 'a paragraph added is 項の追加',
      before: [A, { ...B }],
      after: [A, { ...B, paragraphs: [...B.paragraphs, '前項の規定にかかわらず、CISOが別に定める用語は、その定めによる。'] }],
      rows: [['a2', 'a2', 'modified', ['項の追加']]],
    },
    {
      name: 'a new opening paragraph pushes the others down (項の追加, 項の繰下げ)',
      before: [A, C],
      after: [A, { ...C, paragraphs: ['この規程は、CISOが指定する外部の者にも適用する。', ...C.paragraphs] }],
      rows: [['a2', 'a2', 'modified', ['項の追加', '項の繰下げ']]],
    },
    {
      name: 'an article rewritten in place under a new caption is 条の全部改正',
      before: [A, B],
      after: [A, { caption: '委任', paragraphs: ['この規程に定めるもののほか、必要な事項は、CISOが別に定める。'] }],
      rows: [['a2', 'a2', 'modified', ['条の全部改正', '見出しの改正', '字句の改正']]],
    },
  ])('$name', ({ before, after, rows }) => {
    const c = compare(buildTree(before), buildTree(after));
    for (const [a, b, kind, remarks] of rows) {
      const r = row(c, a, b);
      expect([r.kind, r.remarks]).toEqual([kind, remarks]);
    }
    expect(c.level).toBe('character');
  });

  it('treats a caption-only change as 見出しの改正 and underlines only the changed characters', () => {
    const c = compare(buildTree([A, B]), buildTree([A, { ...B, caption: '用語の定義' }]));
    const r = row(c, 'a2', 'a2');
    expect(r.kind).toBe('modified');
    expect(r.remarks).toEqual(['見出しの改正']);
    expect(changed(cell(r.after).heading)).toEqual(['用語の']);
    expect(gapsOf(cell(r.before).heading)).toEqual(['\u3000'.repeat(3)]);
    expect(cell(r.after).lines.some((l) => l.spans.some((s) => s.changed))).toBe(false);
  });

  it('treats an added caption as 見出しの改正', () => {
    const bare = { paragraphs: B.paragraphs };
    const r = row(compare(buildTree([A, bare]), buildTree([A, B])), 'a2', 'a2');
    expect(r.remarks).toEqual(['見出しの改正']);
    expect(cell(r.before).heading).toEqual([{ text: '\u3000\u3000', changed: true, gap: true }]);
  });

  it.each([
    ['half-width to full-width digit', '年1回', '年１回', '1', '１'],
    ['full-width to half-width digit', '年１回', '年1回', '１', '1'],
    ['one kanji', '年1回実施', '年1回実行', '施', '行'],
  ])('counts a %s as a change of exactly one character', (_, from, to, was, is) => {
    const before = { ...D, paragraphs: [(D.paragraphs[0] as string).replace('年1回', from)] };
    const after = { ...D, paragraphs: [(D.paragraphs[0] as string).replace('年1回', to)] };
    const r = row(compare(buildTree([before]), buildTree([after])), 'a1', 'a1');
    expect([r.kind, r.remarks]).toEqual(['modified', ['字句の改正']]);
    expect(changed(line(r.after, 'a1-p1').spans)).toEqual([is]);
    expect(changed(line(r.before, 'a1-p1').spans)).toEqual([was]);
  });

  it('underlines a surrogate pair (𠮷) and a combining mark as whole characters', () => {
    const before = buildTree([{ paragraphs: ['吉田市長は、かきの木を植える。'] }]);
    const after = buildTree([{ paragraphs: ['𠮷田市長は、か\u3099きの木を植える。'] }]);
    const r = row(compare(before, after), 'a1', 'a1');
    expect(changed(line(r.after, 'a1-p1').spans)).toEqual(['𠮷', 'か\u3099']);
    expect(changed(line(r.before, 'a1-p1').spans)).toEqual(['吉', 'か']);
  });

  it('fills a deletion with a gap of its width: CJK 1, half-width ½ rounded up', () => {
    const before = buildTree([{ paragraphs: ['職員等は、速やかに、USBメモリを返却しなければならない。'] }]);
    const after = buildTree([{ paragraphs: ['職員等は、メモリを返却しなければならない。'] }]);
    const r = row(compare(before, after), 'a1', 'a1');
    expect(changed(line(r.before, 'a1-p1').spans)).toEqual(['速やかに、USB']);
    expect(gapsOf(line(r.after, 'a1-p1').spans)).toEqual(['\u3000'.repeat(7)]);
  });
});

describe('compareTrees: items', () => {
  it('matches items that only shifted after an inserted item (号の追加, 号の繰下げ)', () => {
    const c = compare(buildTree([LIST]), buildTree([listWith([I1, '機密性2以上の情報を机上に放置しないこと。', I2, I3, I4])]));
    const r = row(c, 'a1', 'a1');
    expect(r.remarks).toEqual(['号の追加', '号の繰下げ']);
    expect(opposite(r, 'after', 'a1-i2').blank).toBe(true);
    for (const n of [2, 3, 4]) {
      const shifted = opposite(r, 'before', `a1-i${n}`);
      expect([shifted.key, shifted.labelChanged, changed(shifted.spans)]).toEqual([`a1-i${n + 1}`, true, []]);
    }
  });

  it('shows a re-ordered list as one item moved (号の移動) and the others renumbered, no text underlined', () => {
    const c = compare(buildTree([LIST]), buildTree([listWith([I4, I1, I2, I3])]));
    const r = row(c, 'a1', 'a1');
    expect(r.remarks).toEqual(['号の移動', '号の繰下げ']);
    expect(isUnderlined(line(r.after, 'a1-i1'))).toBe(true);
    expect(isUnderlined(line(r.before, 'a1-i4'))).toBe(true);
    for (const n of [1, 2, 3]) {
      const o = opposite(r, 'before', `a1-i${n}`);
      expect([o.key, o.labelChanged, changed(o.spans)]).toEqual([`a1-i${n + 1}`, true, []]);
    }
  });

  it('pairs an item rewritten in place with its old self rather than deleting and adding it', () => {
    const c = compare(buildTree([LIST]), buildTree([listWith([I1, '電子メールの添付ファイルは、検査の後に開くこと。', I3, I4])]));
    const r = row(c, 'a1', 'a1');
    expect(r.remarks).toEqual(['字句の改正']);
    expect(opposite(r, 'after', 'a1-i2').key).toBe('a1-i2');
  });

  it('reports sub-items added (号の細分の追加) and an item body changed (字句の改正)', () => {
    const before = buildTree([{ paragraphs: [{ text: '次のとおり分類する。', items: [{ text: '機密性', body: ['漏えいした場合の影響の大きさをいう。'], subItems: ['機密性3', '機密性2'] }] }] }]);
    const after = buildTree([{ paragraphs: [{ text: '次のとおり分類する。', items: [{ text: '機密性', body: ['漏えいした場合の影響の程度をいう。'], subItems: ['機密性3', '機密性2', '機密性1'] }] }] }]);
    const r = row(compare(before, after), 'a1', 'a1');
    expect(r.remarks).toEqual(['字句の改正', '号の細分の追加']);
    expect(line(r.after, 'a1-i1-s3').label).toBe('ウ');
    expect(changed(line(r.after, 'a1-i1-b1').spans)).toEqual(['程度']);
  });
});

describe('compareTrees: whole documents', () => {
  it('gives no rows for two revisions without any article', () => {
    const empty = buildTree([]);
    const c = compare(empty, empty);
    expect(c).toEqual({ rows: [], level: 'character', degraded: false, stats: { added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 0 } });
  });

  it('shows everything as added against an empty revision, and everything as deleted the other way', () => {
    const v1 = sample('standard-v1.txt');
    const empty = { ...buildTree([]), title: v1.title };
    const added = compare(empty, v1);
    expect(added.rows.every((r) => r.before === null)).toBe(true);
    expect(added.stats.added).toBe(27);
    const deleted = compare(v1, empty);
    expect(deleted.rows.every((r) => r.after === null)).toBe(true);
    expect(deleted.stats.deleted).toBe(27);
    expect(allSpans(deleted).every((s) => s.changed)).toBe(true);
  });

  it('pairs the articles of a wholly rewritten document by number, each 条の全部改正', () => {
    const procedure = articleSpecs(sample('procedure-password-v1.txt'));
    const captions = new Set(procedure.map((a) => a.caption));
    const standard = articleSpecs(sample('standard-v1.txt')).filter((a) => !captions.has(a.caption));
    const count = Math.min(standard.length, procedure.length);
    const c = compare(buildTree(standard.slice(0, count)), buildTree(procedure.slice(0, count)));
    expect(c.rows).toHaveLength(count);
    for (const r of c.rows) {
      expect(r.kind).toBe('modified');
      expect(r.remarks.slice(0, 2)).toEqual(['条の全部改正', '見出しの改正']);
      expect(r.after?.anchor).toBe(r.before?.anchor);
    }
  });

  it('keeps an article matched by its caption when the rest of the document is rewritten', () => {
    const standard = articleSpecs(sample('standard-v1.txt')).slice(0, 8);
    const procedure = articleSpecs(sample('procedure-password-v1.txt')).slice(0, 8);
    const c = compare(buildTree(standard), buildTree(procedure));
    expect(row(c, 'a1', 'a1').remarks).toEqual(['字句の改正']);
    expect(c.rows.every((r) => r.kind !== 'unchanged')).toBe(true);
  });

  it('reports a renamed chapter (章名の改正) and an inserted chapter (章の追加, 章の繰下げ)', () => {
    const before = buildChapteredTree([
      { title: '総則', articles: [A, B] },
      { title: '組織体制', articles: [C] },
    ]);
    const after = buildChapteredTree([
      { title: '総則', articles: [A, B] },
      { title: '情報資産の分類', articles: [D] },
      { title: '組織及び体制', articles: [C] },
    ]);
    const c = compare(before, after);
    expect(row(c, 'ch1', 'ch1').remarks).toEqual([]);
    expect(row(c, 'ch2', null)).toMatchObject({ kind: 'heading', remarks: ['章の追加'] });
    const renamed = row(c, 'ch3', 'ch2');
    expect(renamed).toMatchObject({ kind: 'heading', remarks: ['章の繰下げ', '章名の改正'] });
    expect(changed(cell(renamed.after).heading)).toEqual(['及び']);
    expect(row(c, 'a4', 'a3').kind).toBe('moved');
  });

  it('shows a changed title as a first heading row (題名の改正)', () => {
    const c = compare(buildTree([A], { title: '情報セキュリティ規程' }), buildTree([A], { title: '情報セキュリティ対策規程' }));
    expect(c.rows[0]).toMatchObject({ kind: 'heading', key: 'title|title', remarks: ['題名の改正'] });
    expect(changed(cell(c.rows[0]?.after ?? null).heading)).toEqual(['対策']);
  });

  it('compares a declaration-style text item by item', () => {
    const text = readFileSync(path.join(fixtures, 'declaration.txt'), 'utf8');
    const before = parse(text);
    const after = parse(text.replace('継続的に実施します', '年２回以上実施します'));
    const c = compare(before, after);
    const r = row(c, 'i2', 'i2');
    expect([r.kind, r.remarks]).toEqual(['modified', ['字句の改正']]);
    expect(changed(line(r.after, 'i2').spans)).toEqual(['年２回以上']);
    expect(row(c, 'preamble', 'preamble').kind).toBe('unchanged');
  });
});

// ---------------------------------------------------------------------------------------------

describe('compareTrees: budget and fallbacks', () => {
  const v1 = sample('standard-v1.txt');
  const v2 = sample('standard-v2.txt');
  /**
   * The default work budgets decide the level, deterministically; the wall-clock deadlines are
   * a safety net that a loaded CI machine could trip, so these tests move them out of the way.
   */
  const noClock = { limits: { budgetMs: 60_000, hardCapMs: 60_000 } };

  it('falls back to whole lines when the character budget is spent (budgetMs: 0)', () => {
    const c = compare(v1, v2, { budgetMs: 0 });
    expect([c.level, c.degraded]).toEqual(['line', true]);
    const r = row(c, 'a14', 'a14');
    expect(line(r.after, 'a14-p1').spans).toEqual([{ text: spansText(line(r.after, 'a14-p1').spans), changed: true }]);
    expect(line(r.after, 'a14-p2').spans.every((s) => !s.changed)).toBe(true);
    // the rows, their kinds and remarks do not depend on the level
    const full = compareTrees(v1, v2);
    expect(c.rows.map((x) => [x.key, x.kind, x.remarks])).toEqual(full.rows.map((x) => [x.key, x.kind, x.remarks]));
    // a plain insertion needs no search, so it keeps its precise underline
    expect(changed(line(row(c, 'a23', 'a22').after, 'a23-p1').spans)).toEqual(['（再委託先を含む。以下この条において同じ。）']);
  });

  it('falls back to whole articles when aligning lines is too costly (innerWork: 0)', () => {
    const c = compare(v1, v2, { limits: { innerWork: 0 } });
    expect([c.level, c.degraded]).toEqual(['article', true]);
    const r = row(c, 'a20', 'a19');
    expect(r.kind).toBe('moved-modified');
    expect(r.remarks).toEqual(['条の繰下げ', '字句の改正']);
    for (const x of [r.after, r.before]) expect(cell(x).lines.every((l) => l.blank || (isUnderlined(l) && l.labelChanged))).toBe(true);
    expect(allSpans({ ...c, rows: [row(c, 'a22', 'a21')] }).some((s) => s.changed)).toBe(false);
    expect(row(c, 'a1', 'a1').kind).toBe('unchanged');
  });

  it('compares two realistic 500-article revisions at character level', () => {
    const pair = generateRevisionPair(articleSpecs(v1), { count: 500, seed: 7, newArticles: articleSpecs(sample('safety-management-standard-v1.txt')) });
    const c = compare(pair.before, pair.after, noClock);
    expect([c.level, c.degraded]).toEqual(['character', false]);
    expect(c.stats.added).toBe(pair.edits.inserted);
    expect(c.stats.deleted).toBe(pair.edits.deleted);
    expect(c.stats.modified).toBeGreaterThanOrEqual(20);
  });

  it('with the real clock, large inputs still give a well-formed table, whatever level the machine allows', () => {
    const before = buildTree(Array.from({ length: 3000 }, (_, k) => ({ paragraphs: [`第${k}号の事務は、削除する。`] })));
    const after = buildTree(Array.from({ length: 3000 }, (_, k) => ({ paragraphs: [`第${k}号の事務は、廃止する。`] })));
    const c = compare(before, after);
    expect(c.rows).toHaveLength(3000);
    expect(c.rows.every((r) => r.kind === 'modified')).toBe(true);
  });

  it('adversarial: two unrelated 500-article documents', { timeout: 30_000 }, () => {
    const before = buildChapteredTree(chapters(buildArticles(articleSpecs(v1), 500)));
    const others = [...articleSpecs(sample('safety-management-standard-v1.txt')), ...articleSpecs(sample('procedure-password-v1.txt'))];
    const after = buildChapteredTree(chapters(buildArticles(others, 500, 'project')));
    const c = compare(before, after, noClock);
    expect(c.rows.filter((r) => r.kind !== 'heading')).toHaveLength(500);
    expect(c.rows.some((r) => r.kind === 'unchanged' || r.kind === 'moved')).toBe(false);
  });

  it('adversarial: a 200 KB paragraph against a copy with its sentences shuffled falls back to whole lines', { timeout: 30_000 }, () => {
    const sentences = articleSpecs(v1).flatMap((a) => a.paragraphs.map((p) => (typeof p === 'string' ? p : p.text)));
    let text = '';
    for (let k = 0; text.length < 70_000; k++) text += sentences[k % sentences.length];
    const random = mulberry32(11);
    const parts = text.split('。').map((s) => `${s}。`);
    for (let i = parts.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [parts[i], parts[j]] = [parts[j] as string, parts[i] as string];
    }
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(200_000);
    const before = buildTree([{ paragraphs: [text] }]);
    const after = buildTree([{ paragraphs: [parts.join('')] }]);
    const c = compare(before, after, noClock);
    expect([c.level, c.degraded]).toEqual(['line', true]);
    const r = row(c, 'a1', 'a1');
    expect(r.kind).toBe('modified');
    expect(isUnderlined(line(r.after, 'a1-p1'))).toBe(true);
    expect(isUnderlined(line(r.before, 'a1-p1'))).toBe(true);
  });

  it('adversarial: 10,000 identical short articles with one inserted at the head', { timeout: 30_000 }, () => {
    const same = Array.from({ length: 10_000 }, (): TArticleSpec => ({ paragraphs: ['削除'] }));
    const before = buildTree(same);
    const after = buildTree([{ caption: '新設', paragraphs: ['この規程は、新たに設ける。'] }, ...same]);
    const c = compare(before, after, noClock);
    expect([c.level, c.degraded]).toEqual(['character', false]);
    expect(c.rows).toHaveLength(10_001);
    expect(c.rows[0]?.kind).toBe('added');
    expect(c.stats).toEqual({ added: 1, deleted: 0, modified: 0, moved: 10_000, unchanged: 0 });
  });

  it('adversarial: 10,000 identical articles against 10,000 other identical articles are paired by number, degraded', { timeout: 30_000 }, () => {
    const before = buildTree(Array.from({ length: 10_000 }, () => ({ paragraphs: ['この条の規定は、削除する。'] })));
    const after = buildTree(Array.from({ length: 10_000 }, () => ({ paragraphs: ['この条の規定は、廃止する。'] })));
    const c = compare(before, after, noClock);
    expect([c.level, c.degraded]).toEqual(['character', true]);
    expect(c.rows).toHaveLength(10_000);
    expect(c.rows.every((r) => r.kind === 'modified' && r.after?.anchor === r.before?.anchor)).toBe(true);
  });
});
