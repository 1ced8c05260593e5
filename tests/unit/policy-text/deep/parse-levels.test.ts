import { describe, expect, it } from 'vitest';
import { deepFixture, nodeById, outline, parseOrThrow } from './helpers';

describe('label levels are inferred from the labels around them', () => {
  it('reads the issue example as (1) > ア/イ > (ア)/(イ) > a/b', () => {
    const tree = parseOrThrow(
      [
        '第2条　組織体制は、次のとおりとする。',
        '(1)　最高情報セキュリティ責任者',
        'ア　副市長をもって充てる。',
        'イ　次の事務を行う。',
        '(ア)　基準の策定',
        '(イ)　監査の指示',
        'a　内部監査',
        'b　外部監査',
      ].join('\n'),
    );
    expect(outline(nodeById(tree, 'a2-i1'))).toEqual([
      ['a2-i1', '(1)', undefined, '最高情報セキュリティ責任者'],
      ['a2-i1-s1', 'ア', 1, '副市長をもって充てる。'],
      ['a2-i1-s2', 'イ', 1, '次の事務を行う。'],
      ['a2-i1-s2-s1', '(ア)', 2, '基準の策定'],
      ['a2-i1-s2-s2', '(イ)', 2, '監査の指示'],
      ['a2-i1-s2-s2-s1', 'a', 3, '内部監査'],
      ['a2-i1-s2-s2-s2', 'b', 3, '外部監査'],
    ]);
  });

  it.each([
    {
      name: 'a style open on an ancestor closes the deeper lists',
      lines: ['(1)　一', 'ア　二', '(ア)　三', 'イ　四'],
      ids: ['a1-i1', 'a1-i1-s1', 'a1-i1-s1-s1', 'a1-i1-s2'],
    },
    {
      name: 'a style first seen at a depth stays that deep: ウ after a goes back beside it',
      lines: ['(1)　一', 'ア　二', '(ア)　三', 'a　四', '(2)　五', 'a　六', 'ウ　七'],
      ids: ['a1-i1', 'a1-i1-s1', 'a1-i1-s1-s1', 'a1-i1-s1-s1-s1', 'a1-i2', 'a1-i2-s1', 'a1-i2-s3'],
    },
    {
      name: 'two styles first seen at one depth nest: ア after ② goes under it',
      lines: ['(1)　一', 'ア　二', '(2)　三', '①　四', '②　五', 'ア　六'],
      ids: ['a1-i1', 'a1-i1-s1', 'a1-i2', 'a1-i2-s1', 'a1-i2-s2', 'a1-i2-s2-s1'],
    },
    {
      name: 'an unseen style opens a deeper level',
      lines: ['(1)　一', 'ア　二', '(ア)　三', '①　四', '②　五', '(イ)　六'],
      ids: ['a1-i1', 'a1-i1-s1', 'a1-i1-s1-s1', 'a1-i1-s1-s1-s1', 'a1-i1-s1-s1-s2', 'a1-i1-s1-s2'],
    },
    {
      name: 'i after h continues the letters; i at the start of a list is roman',
      lines: ['(1)　一', 'g　二', 'h　三', 'i　四', '(2)　五', 'ア　六', 'i　七', 'ii　八'],
      ids: ['a1-i1', 'a1-i1-s7', 'a1-i1-s8', 'a1-i1-s9', 'a1-i2', 'a1-i2-s1', 'a1-i2-s1-s1', 'a1-i2-s1-s2'],
    },
    {
      name: 'an イ-started kana list counts イロハ',
      lines: ['一　一', 'イ　二', 'ロ　三', 'ハ　四'],
      ids: ['a1-i1', 'a1-i1-s1', 'a1-i1-s2', 'a1-i1-s3'],
    },
    {
      name: 'full- and half-width spellings are one style',
      lines: ['（１）　一', '(2)　二', 'ｱ　三', 'イ　四'],
      ids: ['a1-i1', 'a1-i2', 'a1-i2-s1', 'a1-i2-s2'],
    },
  ])('$name', ({ lines, ids }) => {
    const tree = parseOrThrow(['第1条　次のとおりとする。', ...lines].join('\n'));
    const got: string[] = [];
    const walk = (node: { id: string; children: { id: string; children: never[] }[] }): void => {
      for (const child of node.children) {
        got.push(child.id);
        walk(child as never);
      }
    };
    walk(nodeById(tree, 'a1-p1') as never);
    expect(got).toEqual(ids);
  });

  it('keeps the ten levels of 細分 of 01-ten-levels.txt and climbs back level by level', () => {
    const tree = parseOrThrow(deepFixture('01-ten-levels.txt'));
    const rows = outline(nodeById(tree, 'a3-i1'));
    const deepest = 'a3-i1' + '-s1'.repeat(10);
    expect(rows.find(([id]) => id === deepest)).toEqual([deepest, '①', 10, '承認の記録を5年間保存すること。']);
    expect(rows.map(([, label, depth]) => `${label}:${depth ?? 0}`)).toEqual([
      '(1):0',
      'ア:1',
      '(ア):2',
      'a:3',
      '(a):4',
      'ⅰ:5',
      '(ⅰ):6',
      'A:7',
      '(A):8',
      'Ⅰ:9',
      '①:10',
      '②:10',
      'Ⅱ:9',
      '(B):8',
      'B:7',
      '(ⅱ):6',
      'ⅱ:5',
      '(b):4',
      'b:3',
      '(イ):2',
      'イ:1',
    ]);
    expect(nodeById(tree, `a3-i1${'-s1'.repeat(8)}-s2`).label).toBe('Ⅱ');
    expect(outline(nodeById(tree, 'a3-i2')).map(([id]) => id)).toEqual(['a3-i2', 'a3-i2-s1', 'a3-i2-s2']);
    expect(nodeById(tree, 'a3-p2').sentences).toEqual(['情報システム管理者は、前項の確認の結果を統括情報セキュリティ責任者に報告しなければならない。']);
  });

  it('reads 一 二 三 items with イ ロ ハ and (1) below them (12-kanji-iroha.txt)', () => {
    const tree = parseOrThrow(deepFixture('12-kanji-iroha.txt'));
    expect(tree.enactment).toBe('○○市情報セキュリティ監査規程を次のように定める。');
    expect(outline(nodeById(tree, 'a2-i2'))).toEqual([
      ['a2-i2', '二', undefined, '外部監査　次に掲げる者に委託して行う監査'],
      ['a2-i2-s1', 'イ', 1, '情報セキュリティ監査企業台帳に登録された事業者'],
      ['a2-i2-s2', 'ロ', 1, '次のいずれかの資格を有する者'],
      ['a2-i2-s2-s1', '(1)', 2, '公認情報セキュリティ監査人'],
      ['a2-i2-s2-s2', '(2)', 2, 'システム監査技術者'],
      ['a2-i2-s3', 'ハ', 1, 'その他統括情報セキュリティ責任者が適当と認める者'],
    ]);
    expect(nodeById(tree, 'a3-2')).toMatchObject({ label: '第三条の二', num: 3, branch: 2, caption: '監査報告' });
    expect(nodeById(tree, 'a3-p2').children.map((c) => c.id)).toEqual(['a3-p2-i1', 'a3-p2-i2', 'a3-p2-i3']);
  });

  it('reads a declaration-style list with sub-items at two depths (13-declaration-deep.txt)', () => {
    const tree = parseOrThrow(deepFixture('13-declaration-deep.txt'));
    expect(tree.preamble).toHaveLength(2);
    expect(tree.body.map((n) => [n.kind, n.id, n.label])).toEqual([
      ['item', 'i1', '1.'],
      ['item', 'i2', '2.'],
      ['item', 'i3', '3.'],
    ]);
    expect(outline(nodeById(tree, 'i1')).map(([id, label]) => `${id} ${label}`)).toEqual(['i1 1.', 'i1-s1 (1)', 'i1-s2 (2)', 'i1-s2-s1 ア', 'i1-s2-s2 イ']);
  });

  it('keeps a list of short phrases without bodies a list, not articles', () => {
    const tree = parseOrThrow(['○○市情報セキュリティ方針', '\u3000市は、次の事項に取り組みます。', '1.\u3000機密性の確保', '2.\u3000完全性の確保', '3.\u3000可用性の確保'].join('\n'));
    expect(tree.body.map((n) => [n.kind, n.id, n.sentences])).toEqual([
      ['item', 'i1', ['機密性の確保']],
      ['item', 'i2', ['完全性の確保']],
      ['item', 'i3', ['可用性の確保']],
    ]);
  });
});
