import { describe, expect, it } from 'vitest';
import {
  type TDiffOp,
  type TSpan,
  diffSpans,
  diffText,
  gapWidth,
  opsToSpans,
  replacedSpans,
  spansText,
  splitCharacters,
} from '@/lib/policy-text/char-diff';
import { mulberry32 } from '../../fixtures/compare/generate-revisions';

const sideOf = (ops: readonly TDiffOp[], side: 'before' | 'after'): string =>
  ops
    .filter((o) => o.op === 0 || o.op === (side === 'before' ? -1 : 1))
    .map((o) => o.text)
    .join('');

const changed = (spans: readonly TSpan[]): string[] => spans.filter((s) => s.changed && !s.gap).map((s) => s.text);
const gaps = (spans: readonly TSpan[]): string[] => spans.filter((s) => s.gap).map((s) => s.text);
const kept = (spans: readonly TSpan[]): string => spans.filter((s) => !s.changed).map((s) => s.text).join('');

function spansOf(before: string, after: string): { before: TSpan[]; after: TSpan[] } {
  const spans = diffSpans(before, after);
  if (!spans) throw new Error('diff gave up without a budget');
  return spans;
}

describe('splitCharacters', () => {
  it.each([
    ['plain Japanese', '情報資産', ['情', '報', '資', '産']],
    ['a surrogate pair (𠮷)', '𠮷野家', ['𠮷', '野', '家']],
    ['a combining voiced mark (か + ゙)', 'か\u3099き', ['か\u3099', 'き']],
    ['half-width katakana with its voiced mark', 'ｶﾞｲﾄﾞ', ['ｶﾞ', 'ｲ', 'ﾄﾞ']],
    ['an ideographic variation sequence (葛 + IVS)', '葛\u{E0100}城', ['葛\u{E0100}', '城']],
    ['a Latin letter with a combining accent', 'cafe\u0301', ['c', 'a', 'f', 'e\u0301']],
    ['an emoji ZWJ sequence', 'a👨‍👩‍👧b', ['a', '👨‍👩‍👧', 'b']],
    ['regional indicator pairs', '🇯🇵🇯🇵', ['🇯🇵', '🇯🇵']],
  ])('%s', (_, text, expected) => {
    expect(splitCharacters(text)).toEqual(expected);
  });
});

describe('gapWidth (full-width cells: CJK 1, half-width ½ rounded up, marks 0)', () => {
  it.each([
    ['情報', 2],
    ['ABC', 2],
    ['AB', 1],
    ['A', 1],
    ['年１回', 3],
    ['（再委託先を含む。）', 10],
    ['aあ', 2],
    ['が', 1],
    ['𠮷', 1],
    ['ｶﾞ', 1],
    ['\u200b', 1],
  ])('%s → %i', (text, width) => {
    expect(gapWidth(text)).toBe(width);
  });
});

describe('diffText', () => {
  it.each([
    ['one changed character', '３年間保存', '５年間保存', ['３'], ['５']],
    ['a replaced phrase', '研修を年１回実施', '研修を年２回以上実施', ['１回'], ['２回以上']],
    ['an insertion', '委託先における', '委託先（再委託先を含む。）における', [], ['（再委託先を含む。）']],
    ['a deletion', '速やかに、報告する', '報告する', ['速やかに、'], []],
    ['a half-width digit made full-width', '年1回', '年１回', ['1'], ['１']],
    ['a full-width letter made half-width', 'ＵＳＢメモリ', 'USBメモリ', ['ＵＳＢ'], ['USB']],
    ['a surrogate pair against its look-alike', '吉田', '𠮷田', ['吉'], ['𠮷']],
    ['a combining voiced mark added', 'かき', 'か\u3099き', ['か'], ['か\u3099']],
    ['everything added', '', '新設', [], ['新設']],
    ['everything deleted', '削除', '', ['削除'], []],
  ])('%s', (_, before, after, deleted, inserted) => {
    const ops = diffText(before, after);
    expect(ops).not.toBeNull();
    expect(sideOf(ops ?? [], 'before')).toBe(before);
    expect(sideOf(ops ?? [], 'after')).toBe(after);
    expect((ops ?? []).filter((o) => o.op === -1).map((o) => o.text)).toEqual(deleted);
    expect((ops ?? []).filter((o) => o.op === 1).map((o) => o.text)).toEqual(inserted);
  });

  it('gives one equality for equal texts and nothing for two empty ones', () => {
    expect(diffText('同じ', '同じ')).toEqual([{ op: 0, text: '同じ' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('puts an ambiguous insertion where it reads as a phrase (after 機能, not after 暗号化)', () => {
    const spans = spansOf('暗号化機能付きのUSBメモリ', '暗号化機能及びウイルス検知機能付きのUSBメモリ');
    expect(changed(spans.after)).toEqual(['及びウイルス検知機能']);
  });

  it('shows a rewritten sentence as one replaced phrase, not confetti of shared particles', () => {
    const spans = spansOf('職員等は、情報資産を適切に管理しなければならない。', '委託先は、契約に定めるところにより業務を行うものとする。');
    expect(changed(spans.before)).toHaveLength(1);
    expect(changed(spans.after)).toHaveLength(1);
  });

  it('never splits a surrogate pair or a combining sequence, whatever the edit', () => {
    const alphabet = ['あ', 'い', '𠮷', '𩸽', 'か\u3099', 'e\u0301', 'A', '１', '葛\u{E0100}'];
    const random = mulberry32(42);
    const word = (): string => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let n = 0; n < 300; n++) {
      const before = word();
      const after = word();
      const ops = diffText(before, after);
      expect(ops).not.toBeNull();
      expect(sideOf(ops ?? [], 'before')).toBe(before);
      expect(sideOf(ops ?? [], 'after')).toBe(after);
      for (const op of ops ?? []) {
        expect(splitCharacters(op.text).join('')).toBe(op.text);
        expect(alphabet.some((ch) => op.text.startsWith(ch))).toBe(true);
      }
    }
  });

  it('keeps a common subsequence: the unchanged text reads the same on both sides (random edits)', () => {
    const random = mulberry32(7);
    const base = '情報セキュリティ管理者は、所管する情報システムについて、アクセスログを取得し、３年間保存しなければならない。';
    for (let n = 0; n < 200; n++) {
      let after = base;
      for (let e = 0; e < 1 + Math.floor(random() * 4); e++) {
        const at = Math.floor(random() * after.length);
        const cut = Math.floor(random() * 4);
        after = after.slice(0, at) + '追加'.slice(0, Math.floor(random() * 3)) + after.slice(at + cut);
      }
      const spans = spansOf(base, after);
      expect(spansText(spans.before)).toBe(base);
      expect(spansText(spans.after)).toBe(after);
      expect(kept(spans.before)).toBe(kept(spans.after));
    }
  });

  it('gives up (null) when the work budget runs out, but not for a plain insertion, which needs no search', () => {
    expect(diffText('研修を年１回実施', '研修を年２回実施', { work: 0, deadline: Infinity })).toBeNull();
    expect(diffText('委託先における', '委託先（再委託先を含む。）における', { work: 0, deadline: Infinity })).not.toBeNull();
  });

  it('gives up on a large text against a shuffled copy of its sentences with the default budget', () => {
    const sentences = Array.from({ length: 2000 }, (_, k) => `第${k}号の事務について、情報システム管理者は記録を${k % 7}年間保存する。`);
    const random = mulberry32(3);
    const shuffled = [...sentences].sort(() => random() - 0.5);
    expect(diffText(sentences.join(''), shuffled.join(''), { work: 250 * 40_000, deadline: Infinity })).toBeNull();
  });
});

describe('opsToSpans: gap placeholders', () => {
  it('puts a gap as wide as a deletion on the after side', () => {
    const spans = spansOf('速やかに、報告する', '報告する');
    expect(gaps(spans.after)).toEqual(['\u3000'.repeat(5)]);
    expect(gaps(spans.before)).toEqual([]);
    expect(spans.after.find((s) => s.gap)?.changed).toBe(true);
  });

  it('puts a gap as wide as an insertion on the before side, counting half-width characters as half', () => {
    const spans = spansOf('媒体に限る', 'USB媒体に限る');
    expect(gaps(spans.before)).toEqual(['\u3000'.repeat(2)]);
    expect(spansText(spans.before)).toBe('媒体に限る');
  });

  it('puts no gap where text was replaced', () => {
    const spans = spansOf('年１回', '年２回以上');
    expect(gaps(spans.before)).toEqual([]);
    expect(gaps(spans.after)).toEqual([]);
  });

  it('merges neighbouring spans of the same kind', () => {
    const spans = opsToSpans([
      { op: 0, text: 'あ' },
      { op: 0, text: 'い' },
      { op: -1, text: 'う' },
      { op: -1, text: 'え' },
      { op: 1, text: 'お' },
    ]);
    expect(spans.before).toEqual([
      { text: 'あい', changed: false },
      { text: 'うえ', changed: true },
    ]);
    expect(spans.after).toEqual([
      { text: 'あい', changed: false },
      { text: 'お', changed: true },
    ]);
  });

  it('replacedSpans marks whole lines and leaves equal lines plain', () => {
    expect(replacedSpans('年１回', '年２回')).toEqual({ before: [{ text: '年１回', changed: true }], after: [{ text: '年２回', changed: true }] });
    expect(replacedSpans('同じ', '同じ')).toEqual({ before: [{ text: '同じ', changed: false }], after: [{ text: '同じ', changed: false }] });
    expect(replacedSpans('', '新設').before).toEqual([{ text: '\u3000\u3000', changed: true, gap: true }]);
  });
});
