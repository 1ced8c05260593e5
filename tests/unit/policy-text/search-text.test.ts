import { describe, expect, it } from 'vitest';
import { buildSnippet, findMatches, indexKeys, normalizeForSearch, normalizedText, parseSearchQuery, termKeys } from '@/lib/policy-text/search-text';

const marked = (text: string, terms: string[]) =>
  buildSnippet(text, terms)
    .parts.map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('normalizeForSearch', () => {
  it.each([
    ['ＵＳＢメモリ', 'usbメモリ'],
    ['USBﾒﾓﾘ', 'usbメモリ'],
    ['ｶﾞｲﾄﾞﾗｲﾝ', 'ガイドライン'],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['第１２条', '第12条'],
    ['①から⑩まで', '1から10まで'],
    ['㈱情報', '(株)情報'],
    ['か\u3099', 'が'],
    ['LGWAN\u3000接続系', 'lgwan 接続系'],
    ['改行\n\n  と　空白', '改行 と 空白'],
    ['ゼロ\u200b幅\ufeff文字', 'ゼロ幅文字'],
    ['葛\udb40\udd00飾', '葛飾'],
    ['右から\u202e左', '右から左'],
  ])('%j → %j', (input, expected) => {
    expect(normalizedText(input)).toBe(expected);
  });

  it('maps every normalised unit back to where it came from', () => {
    const original = 'aｶﾞb㈱c';
    const n = normalizeForSearch(original);
    expect(n.text).toBe('aガb(株)c');
    const source = (i: number) => original.slice(n.starts[i], n.ends[i]);
    expect([...n.text].map((_, i) => source(i))).toEqual(['a', 'ｶﾞ', 'b', '㈱', '㈱', '㈱', 'c']);
  });
});

describe('index keys', () => {
  it('hold every unit and adjacent pair, none across a space, and tell units from pairs', () => {
    const keys = indexKeys('ab c');
    expect(keys.sort()).toEqual([97, 98, 99, (97 << 16) | 98].sort());
    for (const pair of termKeys('監査')) expect(pair > 0xffff || pair < 0).toBe(true);
    expect(termKeys('監')).toEqual(['監'.charCodeAt(0)]);
    // a term's keys are all in the keys of a text that contains it
    const text = normalizedText('情報セキュリティ監査の実施');
    for (const key of termKeys('セキュリティ監査')) expect(indexKeys(text)).toContain(key);
  });

  it('keep at most 16 pair keys for a long phrase, spread over the phrase', () => {
    const long = normalizedText('職員等は、情報セキュリティポリシー及び実施手順を遵守しなければならない');
    const keys = termKeys(long);
    expect(keys.length).toBeLessThanOrEqual(16);
    expect(keys[0]).toBe((long.charCodeAt(0) << 16) | long.charCodeAt(1));
  });
});

describe('parseSearchQuery', () => {
  it.each([
    ['USBメモリ', ['usbメモリ']],
    ['  ＵＳＢ　メモリ ', ['usb', 'メモリ']],
    ['暗号 暗号化 暗号', ['暗号化']],
    ['%_\\', ['%_\\']],
    ["'; DROP TABLE x; --", ["';", 'drop', 'table', 'x;', '--']],
  ])('%j → %j', (raw, terms) => {
    expect(parseSearchQuery(raw)).toEqual({ ok: true, terms });
  });

  it.each([
    ['', 'EMPTY'],
    ['\u3000', 'EMPTY'],
    ['\u200b', 'EMPTY'],
    ['あ'.repeat(201), 'TOO_LONG'],
    ['a\u0000', 'CONTROL_CHARACTER'],
    ['a\u001b[31m', 'CONTROL_CHARACTER'],
    ['一 二 三 四 五 六 七 八 九 十 百', 'TOO_MANY_TERMS'],
  ])('%j is refused (%s)', (raw, error) => {
    expect(parseSearchQuery(raw)).toEqual({ ok: false, error });
  });

  it('counts characters, not UTF-16 units: 200 characters outside the BMP are accepted', () => {
    expect(parseSearchQuery('𠮷'.repeat(200)).ok).toBe(true);
  });
});

describe('highlighting', () => {
  it('marks matches in the text as written, across characters NFKC changes', () => {
    expect(marked('ＵＳＢメモリを使う', ['usbメモリ'])).toBe('[ＵＳＢメモリ]を使う');
    expect(marked('ｶﾞｲﾄﾞﾗｲﾝに従う', ['ガイドライン'])).toBe('[ｶﾞｲﾄﾞﾗｲﾝ]に従う');
    expect(marked('㈱の表記', ['株'])).toBe('[㈱]の表記');
    expect(marked('暗号と暗号化', ['暗号'])).toBe('[暗号]と[暗号]化');
    expect(marked('監査監査', ['査監'])).toBe('監[査監]査');
  });

  it('merges overlapping matches of several terms', () => {
    expect(findMatches('情報セキュリティ監査', ['セキュリティ', 'ティ監'])).toEqual([{ start: 2, end: 9 }]);
  });

  it('shows a window around the first match with ellipses at cut ends, line breaks as spaces', () => {
    const text = `${'前置き。'.repeat(30)}ここにUSBメモリ\nの規定${'後書き。'.repeat(40)}`;
    const snippet = marked(text, ['usbメモリ']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('[USBメモリ]　の規定');
    expect([...snippet].length).toBeLessThan(130);
  });

  it('never cuts a match at the window end', () => {
    const text = `${'あ'.repeat(118)}暗号化の規定`;
    expect(marked(text, ['暗号化'])).toContain('[暗号化]');
  });
});

describe('snippets of articles', () => {
  it('leave out the heading line unless the match is in it', () => {
    const body = '第１（目的）\nこの手順は、USBメモリの扱いを定める。';
    expect(marked2(body, ['usb'])).toBe('この手順は、[USB]メモリの扱いを定める。');
    expect(marked2(body, ['目的'])).toBe('第１（[目的]）　この手順は、USBメモリの扱いを定める。');
  });
});

function marked2(text: string, terms: string[]) {
  return buildSnippet(text, terms, { skip: text.indexOf('\n') + 1 })
    .parts.map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');
}
