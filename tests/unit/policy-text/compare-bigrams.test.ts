import { describe, expect, it } from 'vitest';
import { bigrams, dice } from '@/lib/policy-text/compare/similarity';

/** The bigram set as first written: every bigram (width folded), sorted, duplicates dropped. */
function reference(text: string): number[] {
  const fold = (code: number) => (code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : code);
  const all: number[] = [];
  let previous = 0xffff;
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    all.push((previous << 16) | c);
    previous = c;
  }
  all.push((previous << 16) | 0xffff);
  return [...new Set(all)].sort((a, b) => a - b);
}

describe('bigrams of long texts (a whole article)', () => {
  const provision = '情報システム管理者は、アクセスログを１年以上保存し、月１回点検しなければならない。';
  const texts = [
    provision.slice(0, 47),
    provision.slice(0, 48),
    provision.repeat(2),
    Array.from({ length: 200 }, (_, k) => `${provision}（第${k}条）`).join('\n'),
    'ア'.repeat(5000),
    '𠮷野家　ＡＢＣ abc'.repeat(300),
  ];

  it('gives the same sorted set as the short path', () => {
    for (const text of texts) expect([...bigrams(text)]).toEqual(reference(text));
  });

  it('does not carry anything over from one text to the next', () => {
    const first = bigrams(texts[3] ?? '');
    const again = bigrams(texts[5] ?? '');
    expect([...bigrams(texts[3] ?? '')]).toEqual([...first]);
    expect([...again]).toEqual(reference(texts[5] ?? ''));
    expect(dice(first, bigrams(texts[3] ?? ''))).toBe(1);
  });
});
