import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { importDocx } from '@/lib/ingest/import-docx';
import { plain, wordNumbering } from '@/tests/fixtures/ingest/word-sample';
import { nodeById, outline, unitById } from '../policy-text/deep/helpers';
import { ingestFixture, okOrThrow } from './helpers';

describe('importDocx: Word automatic numbering, indentation and tables', () => {
  const result = okOrThrow(importDocx(ingestFixture('standard.docx')));
  const { tree } = result;

  it('writes the labels Word displays and nests (1) → ア → (ア) → a four levels deep', () => {
    expect(outline(nodeById(tree, 'a2-i1'))).toEqual([
      ['a2-i1', '(1)', undefined, '最高情報セキュリティ責任者'],
      ['a2-i1-s1', 'ア', 1, '副市長をもって充てる。'],
      ['a2-i1-s2', 'イ', 1, '次の事務を行う。'],
      ['a2-i1-s2-s1', '(ア)', 2, '基準の策定'],
      ['a2-i1-s2-s2', '(イ)', 2, '監査の指示'],
      ['a2-i1-s2-s2-s1', 'a', 3, '内部監査'],
      ['a2-i1-s2-s2-s2', 'b', 3, '外部監査'],
    ]);
    expect(result.text).toContain('(1)\u3000最高情報セキュリティ責任者\nア\u3000副市長をもって充てる。');
    const line = result.text.split('\n').indexOf('(ア)\u3000基準の策定');
    expect(result.sources?.[line]).toBe('Word の第11段落');
  });

  it('goes back up a level when Word does: (2) after a deeper list, ア again under (2)', () => {
    expect(outline(nodeById(tree, 'a2-i2'))).toEqual([
      ['a2-i2', '(2)', undefined, '情報セキュリティ責任者'],
      ['a2-i2-s1', 'ア', 1, '各部長をもって充てる。'],
    ]);
    // the indented paragraph without a number stays with the sub-item above it
    expect(nodeById(tree, 'a2-i2-s1').sentences).toEqual(['各部長をもって充てる。', 'なお、情報セキュリティ責任者に事故があるときは、あらかじめ指名する者がその職務を代理する。']);
    expect(nodeById(tree, 'a2-p2').sentences).toEqual(['前項の組織の運営に関し必要な事項は、別に定める。']);
  });

  it('restarts a new list instance at (1) in the next article', () => {
    expect(nodeById(tree, 'a4').children[0]?.children.map((n) => n.label)).toEqual(['(1)', '(2)', '(3)']);
    expect(nodeById(tree, 'a4-i3').children.map((n) => [n.id, n.label])).toEqual([
      ['a4-i3-s1', 'ア'],
      ['a4-i3-s2', 'イ'],
    ]);
  });

  it('keeps chapters, captions, the title and the 附則', () => {
    expect(tree.title).toBe('○○市情報セキュリティ対策基準');
    expect(tree.header).toEqual(['令和6年3月29日訓令第5号']);
    expect(tree.body.map((n) => [n.id, n.title])).toEqual([
      ['ch1', '総則'],
      ['ch2', '情報資産の管理'],
    ]);
    expect(nodeById(tree, 'a2').caption).toBe('組織体制');
    expect(unitById(tree, 'sp1')).toMatchObject({ kind: 'supplementary', effectiveDate: '2024-04-01' });
  });

  it('reads a Word table as a table with its header row, inside the article', () => {
    expect(nodeById(tree, 'a3-p1').tables).toEqual([
      {
        rows: [
          { header: true, cells: [{ text: '分類' }, { text: '内容' }, { text: '取扱い' }] },
          { cells: [{ text: '機密性3' }, { text: '個人情報を含む情報資産' }, { text: '施錠できる場所に保管する。' }] },
          { cells: [{ text: '機密性2' }, { text: '公開していない情報資産' }, { text: '業務上必要な者に限り利用する。' }] },
          { cells: [{ text: '機密性1' }, { text: '公開している情報資産' }, { text: '制限しない。' }] },
        ],
      },
    ]);
  });

  it('keeps vertically merged cells of a 別表 as rowspan and warns at the table', () => {
    const annex = unitById(tree, 'annex1');
    expect(annex).toMatchObject({ type: 'table', relation: '第3条関係', title: '保存期間' });
    expect(annex.kind === 'appendix' && annex.tables[0]?.rows.map((r) => r.cells)).toEqual([
      [{ text: '区分' }, { text: '記録' }, { text: '保存期間' }],
      [{ text: 'ログ', rowspan: 2 }, { text: 'アクセスログ' }, { text: '1年' }],
      [{ text: '操作ログ' }, { text: '3年' }],
      [{ text: '台帳' }, { text: '情報資産管理台帳' }, { text: '常用' }],
    ]);
    expect(result.warnings).toEqual([expect.objectContaining({ where: 'Word の表2の1行目', message: expect.stringContaining('結合されたセル') })]);
  });

  it('counts levels per list instance and renders other Word formats (⑴, 十一, ①)', async () => {
    const levels = (format: string, text: string) => ({ level: 0, format, text, alignment: 'left' as const });
    const document = new Document({
      numbering: {
        config: [
          ...wordNumbering.config,
          { reference: 'paren', levels: [levels('decimalEnclosedParen', '%1')] },
          { reference: 'kanji', levels: [levels('japaneseCounting', '%1'), { ...levels('decimalEnclosedCircle', '%2'), level: 1 }] },
        ] as never,
      },
      sections: [
        {
          children: [
            plain('第1条　次のとおりとする。'),
            ...['一', '二'].map((t) => new Paragraph({ text: `項目${t}`, numbering: { reference: 'paren', level: 0, instance: 1 } })),
            plain('第2条　次のとおりとする。'),
            ...Array.from({ length: 11 }, (_, i) => new Paragraph({ text: `事項${i + 1}`, numbering: { reference: 'kanji', level: 0, instance: 1 } })),
            new Paragraph({ text: '細目', numbering: { reference: 'kanji', level: 1, instance: 1 } }),
          ],
        },
      ],
    });
    const parsed = okOrThrow(importDocx(new Uint8Array(await Packer.toBuffer(document))));
    expect(parsed.text).toContain('⑴\u3000項目一\n⑵\u3000項目二');
    expect(parsed.text).toContain('十\u3000事項10\n十一\u3000事項11\n①\u3000細目');
    expect(nodeById(parsed.tree, 'a2-i11-s1').label).toBe('①');
  });
});
