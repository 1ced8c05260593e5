import { describe, expect, it } from 'vitest';
import {
  circledNumber,
  cleanLines,
  displayWidth,
  endsSentence,
  isPageNumberLine,
  joinWrapped,
  kanaPosition,
  kanjiToNumber,
  parseNumeral,
  toFullWidthDigits,
  toHalfWidthAscii,
  toHalfWidthDigits,
} from '@/lib/policy-text/normalize';

describe('digits', () => {
  it('converts between full-width and half-width digits', () => {
    expect(toHalfWidthDigits('第１０条の２')).toBe('第10条の2');
    expect(toFullWidthDigits(10)).toBe('１０');
    expect(toHalfWidthAscii('Ｒ４．５．２６　（１）')).toBe('R4.5.26 (1)');
  });

  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十六', 26],
    ['九十九', 99],
    ['百', 100],
    ['百二', 102],
    ['二〇', 20],
  ])('kanji %s → %d', (kanji, value) => {
    expect(kanjiToNumber(kanji)).toBe(value);
  });

  it.each(['', 'あ', '十十', '一十一二', '〇'])('kanji %j is not a number', (text) => {
    expect(kanjiToNumber(text)).toBeNull();
  });

  it('reads any numeral', () => {
    expect(parseNumeral('１２')).toBe(12);
    expect(parseNumeral('12')).toBe(12);
    expect(parseNumeral('十二')).toBe(12);
    expect(parseNumeral('12a')).toBeNull();
  });
});

describe('label orders', () => {
  it('numbers katakana in aiueo order up to ワ', () => {
    expect(kanaPosition('ア', 'aiueo')).toBe(1);
    expect(kanaPosition('ウ', 'aiueo')).toBe(3);
    expect(kanaPosition('カ', 'aiueo')).toBe(6);
    expect(kanaPosition('ワ', 'aiueo')).toBe(44);
    expect(kanaPosition('ｱ', 'aiueo')).toBe(1);
    expect(kanaPosition('ロ', 'aiueo')).toBe(43);
    expect(kanaPosition('ヲ', 'aiueo')).toBeNull();
  });

  it('numbers katakana in iroha order', () => {
    expect(kanaPosition('イ', 'iroha')).toBe(1);
    expect(kanaPosition('ロ', 'iroha')).toBe(2);
    expect(kanaPosition('ハ', 'iroha')).toBe(3);
  });

  it('reads circled numbers', () => {
    expect(circledNumber('⑴')).toBe(1);
    expect(circledNumber('⒇')).toBe(20);
    expect(circledNumber('③')).toBe(3);
    expect(circledNumber('3')).toBeNull();
  });
});

describe('lines', () => {
  it.each(['3', '３', '- 3 -', '－３－', '- 12 -', '3/10', '３／１０', 'p. 4'])('%j is a page number', (line) => {
    expect(isPageNumberLine(line)).toBe(true);
  });

  it.each(['(1)', '２ この基本方針', '1.', '第１', '2022年'])('%j is not a page number', (line) => {
    expect(isPageNumberLine(line)).toBe(false);
  });

  it('drops blank lines, form feeds and page numbers but keeps line numbers', () => {
    const lines = cleanLines(' タイトル \r\n\r\n　本文\n- 2 -\n\f（目的）\t\n   続き');
    expect(lines.map((l) => [l.no, l.text])).toEqual([
      [1, 'タイトル'],
      [3, '本文'],
      [5, '（目的）'],
      [6, '続き'],
    ]);
    expect(lines[1]?.fwIndent).toBe(true);
    expect(lines[3]?.fwIndent).toBe(false);
    expect(lines[3]?.indent).toBe(3);
  });

  it('measures full-width characters as two columns', () => {
    expect(displayWidth('第１ この')).toBe(9);
    expect(displayWidth('(1) ab')).toBe(6);
  });

  it('joins wrapped Japanese without a space and wrapped English with one', () => {
    expect(joinWrapped('記録を保存して', 'おく媒体')).toBe('記録を保存しておく媒体');
    expect(joinWrapped('Windows', 'Server')).toBe('Windows Server');
    expect(joinWrapped('ＵＳＢ', 'メモリ')).toBe('ＵＳＢメモリ');
  });

  it('recognises a sentence end', () => {
    expect(endsSentence('講ずる。')).toBe(true);
    expect(endsSentence('（通称は「マイナンバー」）')).toBe(false);
    expect(endsSentence('')).toBe(false);
  });
});
