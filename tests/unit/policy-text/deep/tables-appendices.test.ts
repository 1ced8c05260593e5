import { describe, expect, it } from 'vitest';
import { deepFixture, nodeById, parseOrThrow, unitById } from './helpers';

const texts = (rows: { header?: boolean; cells: { text: string }[] }[]): string[][] => rows.map((r) => r.cells.map((c) => c.text));

describe('tables, appendices, 附則, 備考 and ただし書', () => {
  const tables = parseOrThrow(deepFixture('07-tables.txt'));

  it('reads a tab-aligned table inside an article paragraph', () => {
    const paragraph = nodeById(tables, 'a2-p1');
    expect(paragraph.sentences).toEqual(['情報資産の分類は、次の表のとおり表示する。']);
    expect(paragraph.tables).toHaveLength(1);
    expect(paragraph.tables[0]?.rows.map((r) => r.header ?? false)).toEqual([true, false, false, false]);
    expect(texts(paragraph.tables[0]?.rows ?? [])).toEqual([
      ['分類', '表示', '表示の方法'],
      ['機密性3', '秘', '文書の右上に朱書きする。'],
      ['機密性2', '取扱注意', '文書の右上に表示する。'],
      ['機密性1', '表示なし', '表示を要しない。'],
    ]);
    expect(nodeById(tables, 'a2-p2').sentences).toEqual(['電磁的記録の場合は、ファイル名の先頭に前項の表示を付すものとする。']);
  });

  it('reads a space-aligned table inside a sub-item and keeps the single-spaced item as text', () => {
    expect(texts(nodeById(tables, 'a3-i1-s1').tables[0]?.rows ?? [])).toEqual([
      ['区分', '保存期間'],
      ['マイナンバー利用事務系', '3年'],
      ['LGWAN接続系', '1年'],
      ['インターネット接続系', '6月'],
    ]);
    expect(nodeById(tables, 'a3-i1-s2').label).toBe('イ');
    expect(nodeById(tables, 'a3-i2').sentences).toEqual(['入退室記録　5年']);
  });

  it('reads 別表 with their relation, a | table with a header row and a box-drawn table, then 附則 after them', () => {
    expect(tables.tail.map((u) => [u.kind, u.id, u.label])).toEqual([
      ['appendix', 'annex1', '別表第1'],
      ['appendix', 'annex2', '別表第2'],
      ['supplementary', 'sp1', '附則'],
      ['supplementary', 'sp2', '附則'],
    ]);
    const first = unitById(tables, 'annex1');
    expect(first).toMatchObject({ type: 'table', num: 1, title: '台帳の記載事項', relation: '第4条関係' });
    const rows = first.kind === 'appendix' ? (first.tables[0]?.rows ?? []) : [];
    expect(rows.map((r) => r.header ?? false)).toEqual([true, false, false, false]);
    expect(texts(rows)[2]).toEqual(['分類', '機密性、完全性及び可用性の分類']);
    const second = unitById(tables, 'annex2');
    expect(second.kind === 'appendix' && second.tables[0]?.rows.map((r) => r.header ?? false)).toEqual([true, false, false]);
    expect(second.kind === 'appendix' && texts(second.tables[0]?.rows ?? [])).toEqual([
      ['時期', '点検の内容'],
      ['4月', '前年度の異動の反映'],
      ['10月', '分類の見直し'],
    ]);
    expect(unitById(tables, 'sp2')).toMatchObject({ note: '令和6年3月29日訓令第4号', effectiveDate: '2024-04-01' });
  });

  it('reads 別記 with items, 様式 with their form lines, 付録, 参考 and 附則 with several dates between them (08)', () => {
    const tree = parseOrThrow(deepFixture('08-appendices-forms.txt'));
    expect(tree.tail.map((u) => [u.id, u.kind === 'appendix' ? u.type : 'supplementary', u.label])).toEqual([
      ['annex1', 'note', '別記'],
      ['annex2', 'style', '様式第1号'],
      ['annex3', 'style', '様式第2号'],
      ['annex4', 'appdx', '付録'],
      ['sp1', 'supplementary', '附則'],
      ['sp2', 'supplementary', '附則'],
      ['annex5', 'reference', '参考'],
      ['sp3', 'supplementary', '附則'],
    ]);
    const note = unitById(tree, 'annex1');
    expect(note).toMatchObject({ title: '委託先の選定基準', relation: '第2条関係' });
    expect(note.children.map((c) => [c.id, c.label, c.children.map((s) => s.id)])).toEqual([
      ['annex1-i1', '1', []],
      ['annex1-i2', '2', []],
      ['annex1-i3', '3', ['annex1-i3-s1', 'annex1-i3-s2']],
    ]);
    const form = unitById(tree, 'annex2');
    expect(form.kind === 'appendix' && form.sentences).toEqual([
      '誓　約　書',
      '○○市長　様',
      '当社は、貴市から受託する業務の実施に当たり、○○市外部委託に係る情報セキュリティ実施手順を遵守することを誓約します。',
      '年　月　日',
      '所在地',
      '名称',
    ]);
    expect(unitById(tree, 'annex4')).toMatchObject({ title: '用語の解説' });
    expect(unitById(tree, 'sp2')).toMatchObject({ note: '令和5年3月30日訓令第8号', effectiveDate: '2023-04-01', dates: ['2023-04-01', '2023-10-01'] });
    expect(unitById(tree, 'sp1')).not.toHaveProperty('dates');
    expect(nodeById(tree, 'sp2-p1').sentences).toEqual(['この手順は、令和5年4月1日から施行する。ただし、第3条第2項の規定は、令和5年10月1日から施行する。']);
    expect(unitById(tree, 'sp3')).toMatchObject({ effectiveDate: '2024-04-01' });
  });

  it('keeps 備考 inside its 項 or 号, after a table in its 別表, and ただし書 and 後段 in their sentence (09)', () => {
    const tree = parseOrThrow(deepFixture('09-remarks-proviso.txt'));
    expect(nodeById(tree, 'a2-p1').sentences[0]).toMatch(/。ただし、保護責任者が特に必要と認めた場合は、この限りでない。$/);
    const second = nodeById(tree, 'a2-p2');
    expect(second.sentences).toEqual(['保護責任者は、取扱区域に関する事項を記録しなければならない。この場合において、記録は、毎年度見直すものとする。']);
    expect(second.children).toEqual([]);
    expect(second.remarks).toEqual([
      { label: '備考', sentences: ['1　取扱区域は、間仕切り等により他の区域と区分すること。', '2　取扱区域の入口には、区域の名称を表示すること。'] },
    ]);
    expect(nodeById(tree, 'a3-i2').remarks).toEqual([{ label: '備考', sentences: ['暗号化の方式は、統括情報セキュリティ責任者が別に定める。'] }]);
    expect(nodeById(tree, 'a3-p1').children.map((c) => c.id)).toEqual(['a3-i1', 'a3-i2', 'a3-i3']);
    const table = unitById(tree, 'annex1');
    expect(table).toMatchObject({ label: '別表', relation: '第4条関係', remarks: [] });
    expect(table.kind === 'appendix' && table.tables[0]?.remarks).toEqual([
      { label: '備考', sentences: ['1　廃棄を委託する場合は、廃棄の証明書を受領すること。', '2　廃棄の記録を5年間保存すること。'] },
    ]);
  });
});
