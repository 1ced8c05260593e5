import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type TParseError, parsePolicyText } from '@/lib/policy-text/parse';

function errorsOf(text: string): TParseError[] {
  const result = parsePolicyText(text);
  if (result.ok) throw new Error('expected the text to be rejected');
  return result.errors;
}

describe('texts the parser cannot structure', () => {
  it.each(['', '\n\n', ' \u3000\n\t\n', '- 1 -\n\n3'])('rejects the empty text %j', (text) => {
    expect(errorsOf(text)).toEqual([{ line: 1, message: '1行目: 本文が空です。', expected: '例規の本文' }]);
  });

  it('rejects a plain essay, naming line 1', () => {
    const essay = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/policy-texts/essay.txt'), 'utf8');
    const [error, ...rest] = errorsOf(essay);
    expect(rest).toEqual([]);
    expect(error?.line).toBe(1);
    expect(error?.message).toMatch(/^1行目: 条・号が見つかりません。/);
    expect(error?.expected).toContain('第1条');
  });

  it('rejects an item label before the first article, naming its line', () => {
    const [error] = errorsOf('文書規程\n\n(1) 総則\n第1条 この規程は、文書の取扱いを定める。');
    expect(error).toEqual({
      line: 3,
      message: '3行目: 「(1)」（号又は項の番号）が条より前にあります。',
      expected: '第１ 又は 第1条 で始まる条',
    });
  });

  it('rejects a paragraph number before the first article', () => {
    const [error] = errorsOf('文書規程\n２　前項の規定にかかわらず、\n第1条 この規程は、文書の取扱いを定める。');
    expect(error?.line).toBe(2);
    expect(error?.message).toMatch(/^2行目: 「２」/);
  });

  it('rejects an article number that goes back, naming the line', () => {
    const errors = errorsOf('基本方針\n第１ 一。\n第５ 五。\n第３ 三。\n第６ 六。');
    expect(errors).toEqual([
      {
        line: 4,
        message: '4行目: 第３が第５の後にあります。条番号が重複しているか、順序が誤っています。',
        expected: '第５より後の条番号',
      },
    ]);
  });

  it('rejects a duplicate article number', () => {
    const [error] = errorsOf('規程\n第1条 一。\n第2条 二。\n\n第2条 二の重複。');
    expect(error?.line).toBe(5);
    expect(error?.message).toContain('第2条が第2条の後にあります');
  });

  it('rejects chapters out of order and a section outside any chapter', () => {
    expect(errorsOf('条例\n第2章 組織\n第1条 一。\n第1章 総則\n第2条 二。')[0]?.line).toBe(4);
    expect(errorsOf('条例\n第1節 通則\n第1条 一。')[0]?.message).toBe('2行目: 第1節が章の外にあります。');
  });

  it('counts lines of the input, including blank lines and form feeds', () => {
    expect(errorsOf('規程\r\n\r\n\f\r\n(1) 号\r\n第1条 一。')[0]?.line).toBe(4);
  });
});

describe('robustness', () => {
  const odd = [
    '\u0000\u0001\u0002',
    '第',
    '第1条',
    '（',
    '(1)',
    'ア',
    '付則',
    '【参考】',
    '目次',
    '第1章',
    '第1節',
    '１\n２\n３',
    '\ud800',
    '第99999条 大きすぎる番号',
    '（'.repeat(10_000),
    `第1条 ${'。（あ'.repeat(50_000)}`,
    `${' '.repeat(1_000_000)}x`,
    `付則\n${'令和4年5月26日'.repeat(20_000)}から施行する。`,
  ];

  it.each(odd.map((text) => [text.slice(0, 20), text]))('never throws for %j', (_, text) => {
    expect(() => parsePolicyText(text)).not.toThrow();
  });

  it('never throws for input that is not a string', () => {
    expect(parsePolicyText(undefined as unknown as string).ok).toBe(false);
    expect(parsePolicyText(42 as unknown as string).ok).toBe(false);
  });

  it('parses 100,000 lines', () => {
    const lines = ['長い規程'];
    for (let n = 1; n <= 20_000; n++) lines.push(`（見出し${n}）`, `第${n}条 本文が次の行に`, '続く。', '(1) 号', 'ア 細分');
    const result = parsePolicyText(lines.join('\n'));
    expect(result.ok && result.tree.articles.length).toBe(9_999);
  }, 60_000);

  it('parses one very long line and a paragraph of 100,000 wrapped lines', () => {
    const long = parsePolicyText(`第1条 ${'あ'.repeat(1_000_000)}`);
    expect(long.ok && long.tree.articles[0]?.paragraphs[0]?.text.length).toBe(1_000_000);
    const wrapped = parsePolicyText(`第1条 始め\n${Array.from({ length: 100_000 }, () => 'かきくけこ').join('\n')}`);
    expect(wrapped.ok && wrapped.tree.articles[0]?.paragraphs[0]?.text.length).toBe(500_002);
  }, 60_000);
});
