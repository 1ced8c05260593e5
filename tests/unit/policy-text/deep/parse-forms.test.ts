import { describe, expect, it } from 'vitest';
import { citeAnchor } from '@/lib/policy-text/deep/citation';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { deepFixture, nodeById, outline, parseOrThrow, unitById } from './helpers';

describe('top-level units in any numbering', () => {
  it('reads 第１ articles with captions on their line, 枝番 第４の２ and ただし書 kept in the paragraph (02)', () => {
    const tree = parseOrThrow(deepFixture('02-dai1-style.txt'));
    expect(tree.body.map((n) => [n.kind, n.id, n.label, n.caption])).toEqual([
      ['article', 'a1', '第１', '目的'],
      ['article', 'a2', '第２', '組織体制'],
      ['article', 'a3', '第３', '情報資産の分類'],
      ['article', 'a4', '第４', '研修'],
      ['article', 'a4-2', '第４の２', '訓練'],
    ]);
    expect(nodeById(tree, 'a4-p1').sentences).toEqual([
      '統括情報セキュリティ責任者は、職員等に対し、毎年度1回以上、情報セキュリティに関する研修を実施しなければならない。ただし、新たに採用された職員等については、採用後3月以内に実施するものとする。',
    ]);
    expect(outline(nodeById(tree, 'a2-i1')).map(([id, label, depth]) => [id, label, depth])).toEqual([
      ['a2-i1', '(1)', undefined],
      ['a2-i1-s1', 'ア', 1],
      ['a2-i1-s2', 'イ', 1],
      ['a2-i1-s2-s1', '(ア)', 2],
      ['a2-i1-s2-s2', '(イ)', 2],
      ['a2-i1-s2-s2-s1', 'a', 3],
      ['a2-i1-s2-s2-s2', 'b', 3],
      ['a2-i1-s3', 'ウ', 1],
    ]);
    expect(nodeById(tree, 'a2-i3').sentences).toEqual(['情報セキュリティ責任者', '各部の長をもって充てる。']);
    expect(nodeById(tree, 'a3-p2').label).toBe('２');
  });

  it('reads 第1条 articles in 章, 節 and 款 with a 目次 (03)', () => {
    const tree = parseOrThrow(deepFixture('03-chapters-sections-subsections.txt'));
    expect(tree.toc).toHaveLength(9);
    expect(tree.toc[5]).toBe('第1款\u3000庁内における取扱い（第7条・第7条の2）');
    expect(tree.body.map((n) => [n.id, n.title])).toEqual([
      ['ch1', '総則'],
      ['ch2', '組織体制'],
      ['ch3', '情報資産の管理'],
      ['ch4', '雑則'],
    ]);
    const chapter3 = nodeById(tree, 'ch3');
    expect(chapter3.children.map((n) => [n.kind, n.id])).toEqual([
      ['section', 'ch3-sec1'],
      ['section', 'ch3-sec2'],
    ]);
    expect(nodeById(tree, 'ch3-sec2').children.map((n) => [n.kind, n.id, n.title, n.children.map((a) => a.id)])).toEqual([
      ['subsection', 'ch3-sec2-sub1', '庁内における取扱い', ['a7', 'a7-2']],
      ['subsection', 'ch3-sec2-sub2', '庁外への持ち出し', ['a8']],
    ]);
    expect(nodeById(tree, 'a8').children.map((p) => p.children.map((i) => i.id))).toEqual([[], ['a8-p2-i1', 'a8-p2-i2']]);
    expect(nodeById(tree, 'a2-i1').sentences).toEqual(['情報資産', '情報システム、情報システムで取り扱う情報及びこれらを印刷した文書をいう。']);
  });

  it.each([
    ['04-numbered-space-toc.txt', '1', ['1\u3000目的', '2\u3000適用範囲', '3\u3000利用する端末', '4\u3000遵守事項', '5\u3000事故発生時の対応']],
    ['05-numbered-dot-toc-body.txt', '1.', ['1.\u3000目的', '2.\u3000電子メールの送信', '3.\u3000電子メールの受信', '4.\u3000アカウントの管理']],
  ])('reads %s: the 目次 is kept, the numbered units are articles', (name, firstLabel, toc) => {
    const tree = parseOrThrow(deepFixture(name));
    expect(tree.toc).toEqual(toc);
    expect(tree.body.map((n) => n.kind)).toEqual(toc.map(() => 'article'));
    expect(tree.body.map((n) => n.id)).toEqual(toc.map((_, i) => `a${i + 1}`));
    expect(tree.body[0]).toMatchObject({ label: firstLabel, caption: '目的' });
  });

  it('reads deep items under `1 目的`-style articles (04)', () => {
    const tree = parseOrThrow(deepFixture('04-numbered-space-toc.txt'));
    expect(nodeById(tree, 'a3').caption).toBe('利用する端末');
    expect(nodeById(tree, 'a3-p1').sentences).toEqual([]);
    expect(outline(nodeById(tree, 'a4-i2')).map(([id, label]) => `${id} ${label}`)).toEqual([
      'a4-i2 (2)',
      'a4-i2-s1 ア',
      'a4-i2-s2 イ',
      'a4-i2-s2-s1 (ア)',
      'a4-i2-s2-s2 (イ)',
    ]);
  });

  it('reads `1.` articles with ① under (1), a 目次 closed by 本文 and two 附則 (05)', () => {
    const tree = parseOrThrow(deepFixture('05-numbered-dot-toc-body.txt'));
    expect(tree.header).toEqual(['令和2年9月1日制定']);
    expect(outline(nodeById(tree, 'a2-i2')).map(([id, label]) => `${id} ${label}`)).toEqual(['a2-i2 (2)', 'a2-i2-s1 ①', 'a2-i2-s2 ②']);
    expect(tree.tail.map((u) => [u.id, u.kind === 'supplementary' ? u.effectiveDate : ''])).toEqual([
      ['sp1', '2020-10-01'],
      ['sp2', '2023-04-01'],
    ]);
    expect(unitById(tree, 'sp2')).toMatchObject({ note: '令和5年3月31日改正' });
  });

  it('reads `(1) 目的` units as articles, with ア items (06)', () => {
    const tree = parseOrThrow(deepFixture('06-paren-fw-numbered.txt'));
    expect(tree.body.map((n) => [n.id, n.label, n.caption])).toEqual([
      ['a1', '(1)', '目的'],
      ['a2', '(2)', '運用責任者'],
      ['a3', '(3)', 'アカウントの管理'],
      ['a4', '(4)', '発信する情報'],
      ['a5', '(5)', 'なりすまし対策'],
    ]);
    expect(outline(nodeById(tree, 'a4-i1')).map(([id, label]) => `${id} ${label}`)).toEqual(['a4-i1 ア', 'a4-i1-s1 (ア)', 'a4-i1-s2 (イ)', 'a4-i1-s3 (ウ)']);
  });

  it('joins lines wrapped by the PDF width, across page breaks, dropping page numbers and running headers (11)', () => {
    const result = parseDeepText(deepFixture('11-pdf-wrapped.txt'));
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      '22行目: 繰り返し現れる行「○○市情報システム運用管理実施手順」をページの見出し又は脚注とみなし、読み飛ばしました。',
    ]);
    const tree = parseOrThrow(deepFixture('11-pdf-wrapped.txt'));
    expect(tree.title).toBe('○○市情報システム運用管理実施手順');
    expect(tree.header).toEqual(['令和元年10月1日訓令第18号']);
    expect(nodeById(tree, 'a1-p1').sentences).toEqual([
      'この手順は、○○市情報セキュリティ対策基準に基づき、情報システムの運用管理に関し、情報システム管理者及び職員等が遵守すべき事項を定めることにより、情報システムの安定的かつ安全な運用を確保することを目的とする。',
    ]);
    expect(nodeById(tree, 'a2-i1-s2-s2').sentences).toEqual(['緊急性の高い修正プログラムについては、提供元の公開から原則として１４日以内に適用すること。']);
    expect(outline(nodeById(tree, 'a2-i1-s2-s2')).map(([id, label]) => `${id} ${label}`)).toEqual(['a2-i1-s2-s2 (イ)', 'a2-i1-s2-s2-s1 a', 'a2-i1-s2-s2-s2 b']);
    expect(nodeById(tree, 'a2-p2')).toMatchObject({
      label: '２',
      sentences: ['情報システム管理者は、前項の運用管理の状況を、毎年度、統括情報セキュリティ責任者に報告しなければならない。'],
    });
    expect(nodeById(tree, 'a2-i1-s2-s2-s2').sentences).toEqual(['適用の結果を構成管理台帳に記録すること。']);
    expect(unitById(tree, 'sp1')).toMatchObject({ label: '付則', effectiveDate: '2019-10-01' });
  });

  it('reads the Shift_JIS file after decoding it (10)', () => {
    const tree = parseOrThrow(deepFixture('10-shift-jis.txt'));
    expect(tree.title).toBe('○○市情報セキュリティインシデント対応実施手順');
    expect(outline(nodeById(tree, 'a2-p2-i2')).map(([id, label, , text]) => `${id} ${label} ${text}`)).toEqual([
      'a2-p2-i2 (2) 被害の状況',
      'a2-p2-i2-s1 ア 漏えいした情報の種類及び件数',
      'a2-p2-i2-s2 イ 停止した情報システムの名称',
    ]);
    expect(tree.tail.map((u) => [u.id, u.kind === 'supplementary' ? u.effectiveDate : ''])).toEqual([
      ['sp1', '2019-04-01'],
      ['sp2', '2019-05-07'],
    ]);
  });

  it('reads 総務省-guideline numbering: １．articles in 章, 2.1 decimal items, （１）, ① and ア． below (14)', () => {
    const tree = parseOrThrow(deepFixture('14-guideline-decimal.txt'));
    expect(tree.toc).toEqual(['第1章\u3000総則', '第2章\u3000組織体制', '附則']);
    expect(tree.body.map((c) => [c.id, c.children.map((a) => `${a.id} ${a.label} ${a.caption}`)])).toEqual([
      ['ch1', ['a1 １． 目的', 'a2 ２． 対象範囲']],
      ['ch2', ['a3 ３． 最高情報セキュリティ責任者（CISO）', 'a4 ４． 統括情報セキュリティ責任者']],
    ]);
    expect(outline(nodeById(tree, 'a3-p1')).map(([id, label]) => `${id} ${label}`)).toEqual([
      'a3-p1 ',
      'a3-i1 3.1',
      'a3-i2 3.2',
      'a3-i2-s1 ①',
      'a3-i2-s2 ②',
      'a3-i2-s2-s1 ア．',
      'a3-i2-s2-s2 イ．',
      'a3-i2-s3 ③',
    ]);
    expect(nodeById(tree, 'a2-i1').sentences).toEqual(['対象とする機関', '市長部局、教育委員会、選挙管理委員会、監査委員、農業委員会及び議会事務局とする。']);
  });

  it('reads 例規集-style text: half-width brackets and spaces, ② and 2 as 項, 削除, 附則 with 項見出し (15)', () => {
    const tree = parseOrThrow(deepFixture('15-reiki-halfwidth.txt'));
    expect(tree.header).toEqual(['平成28年3月31日', '規則第12号']);
    expect(nodeById(tree, 'a2').children.map((p) => [p.id, p.label, p.children.length])).toEqual([
      ['a2-p1', '', 2],
      ['a2-p2', '②', 0],
    ]);
    expect(nodeById(tree, 'a3-p2-i1').children.map((c) => c.id)).toEqual(['a3-p2-i1-s1', 'a3-p2-i1-s2']);
    expect(nodeById(tree, 'a3-2').label).toBe('第3条の2');
    expect(nodeById(tree, 'a3-2').caption).toBeUndefined();
    expect(nodeById(tree, 'a3-2-p1').sentences).toEqual(['削除']);
    expect(unitById(tree, 'sp1').children.map((p) => [p.id, p.label, p.caption])).toEqual([
      ['sp1-p1', '1', '施行期日'],
      ['sp1-p2', '2', '経過措置'],
    ]);
    expect(unitById(tree, 'sp2')).toMatchObject({ note: '令和2年3月31日規則第5号', effectiveDate: '2020-04-01' });
  });

  it('reads `1.` units numbered from 1 again in each 章, with anchors under their chapter (16)', () => {
    const tree = parseOrThrow(deepFixture('16-restart-per-chapter.txt'));
    expect(tree.body.map((c) => [c.id, c.children.map((a) => `${a.id} ${a.label} ${a.caption}`)])).toEqual([
      ['ch1', ['ch1-a1 1. 目的', 'ch1-a2 2. 対象範囲']],
      ['ch2', ['ch2-a1 1. 最高情報セキュリティ責任者', 'ch2-a2 2. 統括情報セキュリティ責任者']],
      ['ch3', ['ch3-a1 1. 監査']],
    ]);
    expect(outline(nodeById(tree, 'ch2-a2-p1')).map(([id, label]) => `${id} ${label}`)).toEqual([
      'ch2-a2-p1 ',
      'ch2-a2-i1 （1）',
      'ch2-a2-i2 （2）',
      'ch2-a2-i2-s1 ①',
      'ch2-a2-i2-s2 ②',
    ]);
    expect(citeAnchor(tree, 'ch2-a2-i2-s1')).toBe('第2章第2第2号①');
  });
});
