import { describe, expect, it } from 'vitest';
import { citeAnchor } from '@/lib/policy-text/deep/citation';
import { deepFixture, parseOrThrow } from './helpers';

describe('citations at any depth', () => {
  const example = parseOrThrow(
    ['第2条　組織体制は、次のとおりとする。', '(1)　最高情報セキュリティ責任者', 'ア　副市長をもって充てる。', 'イ　次の事務を行う。', '(ア)　基準の策定', '(イ)　監査の指示', 'a　内部監査', 'b　外部監査', '２　前項の規定は、別に定める。', '(1)　一'].join('\n'),
  );

  it.each([
    ['a2-i1-s2-s2-s2', '第2条第1項第1号イ(イ)b'],
    ['a2-i1-s2-s2', '第2条第1項第1号イ(イ)'],
    ['a2-i1', '第2条第1項第1号'],
    ['a2-p2', '第2条第2項'],
    ['a2-p2-i1', '第2条第2項第1号'],
    ['a2', '第2条'],
  ])('%s → %s', (anchor, citation) => {
    expect(citeAnchor(example, anchor)).toBe(citation);
  });

  it('leaves out 第1項 when the article has one paragraph, and cites the issue example 「第2条第1号ア(イ)b」', () => {
    const tree = parseOrThrow(['第2条　次のとおりとする。', '(1)　一', 'ア　二', '(ア)　三', '(イ)　四', 'a　五', 'b　六'].join('\n'));
    expect(citeAnchor(tree, 'a2-i1-s1-s2-s2')).toBe('第2条第1号ア(イ)b');
  });

  it('cites 第１ style articles in full width, 一 items, 別表 and 附則, and refuses unknown anchors', () => {
    const dai1 = parseOrThrow(deepFixture('02-dai1-style.txt'));
    expect(citeAnchor(dai1, 'a3-p2')).toBe('第３第２項');
    expect(citeAnchor(dai1, 'a2-i1-s2-s2-s1')).toBe('第２第１号イ(イ)a');
    const kanji = parseOrThrow(deepFixture('12-kanji-iroha.txt'));
    expect(citeAnchor(kanji, 'a2-i2-s2-s1')).toBe('第二条第2号ロ(1)');
    const appendices = parseOrThrow(deepFixture('08-appendices-forms.txt'));
    expect(citeAnchor(appendices, 'annex1-i3-s2')).toBe('別記第3号(2)');
    expect(citeAnchor(appendices, 'annex2')).toBe('様式第1号');
    expect(citeAnchor(appendices, 'a9')).toBeNull();
  });
});
