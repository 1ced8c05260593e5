import { describe, expect, it } from 'vitest';
import { collectAnchors } from '@/lib/policy-text/deep/tree';
import { deepFixture, nodeById, parseOrThrow } from './helpers';

describe('anchors come from the numbering only', () => {
  it('follow today’s scheme and extend it to every depth', () => {
    const tree = parseOrThrow(
      [
        '第1章　総則',
        '第1節　通則',
        '第1款　目的',
        '第1目　趣旨',
        '第7条　本文',
        '(1)　一',
        '(2)　二',
        '(3)　三',
        'ア　さん',
        'イ　よん',
        'ウ　ご',
        '(ア)　ろく',
        '２　第二項',
        '(1)　い',
        '第7条の2　枝番',
        '附則',
        'この規程は、令和5年4月1日から施行する。',
        '別表（第7条関係）',
        '1　項目',
      ].join('\n'),
    );
    expect(collectAnchors(tree)).toEqual([
      'ch1',
      'ch1-sec1',
      'ch1-sec1-sub1',
      'ch1-sec1-sub1-div1',
      'a7',
      'a7-p1',
      'a7-i1',
      'a7-i2',
      'a7-i3',
      'a7-i3-s1',
      'a7-i3-s2',
      'a7-i3-s3',
      'a7-i3-s3-s1',
      'a7-p2',
      'a7-p2-i1',
      'a7-2',
      'a7-2-p1',
      'sp1-p1',
      'annex1-i1',
      'sp1',
      'annex1',
    ]);
  });

  it('are the same on re-import, and unaffected by edits elsewhere in the text', () => {
    const text = deepFixture('02-dai1-style.txt');
    expect(collectAnchors(parseOrThrow(text))).toEqual(collectAnchors(parseOrThrow(text)));
    const edited = text
      .replace('この対策基準は、○○市情報セキュリティ基本方針に基づき、', '　この対策基準は、○○市情報セキュリティ基本方針及び関係法令に基づき、')
      .replace('(2)　統括情報セキュリティ責任者', '(2)　統括情報セキュリティ責任者（CSIRTの長を兼ねる。）');
    const before = parseOrThrow(text);
    const after = parseOrThrow(edited);
    expect(collectAnchors(after)).toEqual(collectAnchors(before));
    expect(nodeById(after, 'a3-i2')).toEqual(nodeById(before, 'a3-i2'));
  });

  it('never repeat: malformed numbering gets a suffix', () => {
    const tree = parseOrThrow(['第1条　次のとおり。', '(1)　一', '(1)　重複', '(2)　二'].join('\n'));
    expect(collectAnchors(tree)).toEqual(['a1', 'a1-p1', 'a1-i1', 'a1-i1-x2', 'a1-i2']);
  });
});
