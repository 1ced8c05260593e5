import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml, childElements, firstChild, textOf } from '@/lib/policy-text/deep/xml-element';
import { deepTreeToLawXml, lawXmlToDeepTree, splitSentences } from '@/lib/policy-text/deep/xml';
import { DEEP_FIXTURES, deepFixture, parseOrThrow } from './helpers';
import { validateLawXml } from './law-xml-structure';

const names = readdirSync(DEEP_FIXTURES).filter((f) => f.endsWith('.txt'));

describe('法令標準XML', () => {
  it.each(names)('%s: the XML follows the schema’s structure for the elements used', (name) => {
    expect(validateLawXml(deepTreeToLawXml(parseOrThrow(deepFixture(name))))).toEqual([]);
  });

  it('the validator rejects children out of order, unknown elements and missing Num', () => {
    const bad = `<Law Era="Reiwa" Year="3" Num="5" LawType="Misc" Lang="ja"><LawNum/><LawBody><LawTitle>t</LawTitle><MainProvision>
      <Article><Paragraph Num="1"><ParagraphSentence><Sentence>x</Sentence></ParagraphSentence><ParagraphNum/></Paragraph><ArticleTitle>第1条</ArticleTitle></Article>
      <Articel Num="2"/></MainProvision></LawBody></Law>`;
    const errors = validateLawXml(bad);
    expect(errors.some((e) => e.endsWith('/Article: Num is required'))).toBe(true);
    expect(errors.some((e) => e.includes('/Article: children Paragraph,ArticleTitle,'))).toBe(true);
    expect(errors.some((e) => e.includes('/Paragraph: children ParagraphSentence,ParagraphNum,'))).toBe(true);
    expect(errors.some((e) => e.includes('/Articel: unknown element'))).toBe(true);
  });

  it('the validator follows the schema for 附則 and appendices: provisions before 附則’s appendices, Num a positive integer', () => {
    const law = (body: string) => `<Law Era="Reiwa" Year="3" Num="5" LawType="Misc" Lang="ja"><LawNum/><LawBody><LawTitle>t</LawTitle><MainProvision><Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence/></ParagraphSentence></Paragraph></MainProvision>${body}</LawBody></Law>`;
    const paragraph = '<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>施行する。</Sentence></ParagraphSentence></Paragraph>';
    const appendix = '<SupplProvisionAppdxTable><SupplProvisionAppdxTableTitle>別表</SupplProvisionAppdxTableTitle></SupplProvisionAppdxTable>';
    expect(validateLawXml(law(`<SupplProvision><SupplProvisionLabel>附則</SupplProvisionLabel>${appendix}${paragraph}</SupplProvision>`)).join('\n')).toContain('/SupplProvision: children');
    expect(validateLawXml(law('<AppdxTable Num="0"><AppdxTableTitle>別表</AppdxTableTitle></AppdxTable>'))).toEqual(['/Law/LawBody/AppdxTable: Num="0" is not allowed']);
    expect(validateLawXml(law('<SupplProvision Extract="yes"><SupplProvisionLabel>附則</SupplProvisionLabel>' + paragraph + '</SupplProvision>'))).toEqual(['/Law/LawBody/SupplProvision: Extract="yes" is not allowed']);
  });

  it('writes the ten levels of 細分 as Item > Subitem1 … Subitem10 with their titles', () => {
    const law = parseXml(deepTreeToLawXml(parseOrThrow(deepFixture('01-ten-levels.txt'))));
    let node = childElements(firstChild(firstChild(law, 'LawBody')!, 'MainProvision')!, 'Article')[2]!;
    node = firstChild(firstChild(node, 'Paragraph')!, 'Item')!;
    expect(node.attrs.Num).toBe('1');
    for (let depth = 1; depth <= 10; depth++) {
      node = firstChild(node, `Subitem${depth}`)!;
      expect(node, `Subitem${depth}`).toBeDefined();
    }
    expect(textOf(firstChild(node, 'Subitem10Title'))).toBe('①');
    expect(textOf(firstChild(node, 'Subitem10Sentence'))).toBe('承認の記録を5年間保存すること。');
  });

  it('writes 第1条 with ArticleCaption, 第7条の2 as Num 7_2, chapters, sections and 款 (03)', () => {
    const xml = deepTreeToLawXml(parseOrThrow(deepFixture('03-chapters-sections-subsections.txt')));
    expect(xml).toContain('<Chapter Num="3"><ChapterTitle>第3章　情報資産の管理</ChapterTitle><Section Num="1"><SectionTitle>第1節　分類</SectionTitle>');
    expect(xml).toContain('<Subsection Num="1"><SubsectionTitle>第1款　庁内における取扱い</SubsectionTitle>');
    expect(xml).toContain('<Article Num="7_2"><ArticleCaption>（複製）</ArticleCaption><ArticleTitle>第7条の2</ArticleTitle>');
    expect(xml).toContain('<TOC><TOCLabel>目次</TOCLabel><TOCChapter Num="1"><ChapterTitle>第1章　総則（第1条・第2条）</ChapterTitle></TOCChapter>');
    expect(xml).toContain('<Law Era="Reiwa" Year="3" Num="5" PromulgateMonth="3" PromulgateDay="25" LawType="Misc" Lang="ja">');
  });

  it('writes ただし書 as a proviso Sentence, tables as TableStruct and 別表 as AppdxTable with RelatedArticleNum (07, 09)', () => {
    const remarks = deepTreeToLawXml(parseOrThrow(deepFixture('09-remarks-proviso.txt')));
    expect(remarks).toContain(
      '<Sentence Num="1" Function="main">特定個人情報等を取り扱う事務は、保護責任者が指定する取扱区域で行わなければならない。</Sentence><Sentence Num="2" Function="proviso">ただし、保護責任者が特に必要と認めた場合は、この限りでない。</Sentence>',
    );
    expect(remarks).toContain('<AppdxTable><AppdxTableTitle>別表</AppdxTableTitle><RelatedArticleNum>（第4条関係）</RelatedArticleNum><TableStruct><Table><TableHeaderRow><TableHeaderColumn>媒体</TableHeaderColumn>');
    expect(remarks).toContain('<Remarks><RemarksLabel>備考</RemarksLabel><Sentence Num="1">1　廃棄を委託する場合は、廃棄の証明書を受領すること。</Sentence>');
    const tables = deepTreeToLawXml(parseOrThrow(deepFixture('07-tables.txt')));
    expect(tables).toContain('<TableHeaderRow><TableHeaderColumn>項目</TableHeaderColumn><TableHeaderColumn>記載の内容</TableHeaderColumn></TableHeaderRow>');
    expect(tables).toContain('<SupplProvision AmendLawNum="令和6年3月29日訓令第4号"><SupplProvisionLabel>附則</SupplProvisionLabel>');
  });

  it('splits sentences at 。 outside brackets and keeps every character', () => {
    const text = '市（以下「市」という。）は、定める。ただし、この限りでない。';
    expect(splitSentences(text)).toEqual(['市（以下「市」という。）は、定める。', 'ただし、この限りでない。']);
    expect(splitSentences(text).join('')).toBe(text);
  });

  it('reads e-Gov style XML written by others: pretty-printed, kanji titles, Column items', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Law Era="Reiwa" Year="2" Num="8" LawType="Misc" Lang="ja">
  <LawNum>令和二年訓令第八号</LawNum>
  <LawBody>
    <LawTitle>テスト規程</LawTitle>
    <MainProvision>
      <Article Num="2">
        <ArticleCaption>（定義）</ArticleCaption>
        <ArticleTitle>第二条</ArticleTitle>
        <Paragraph Num="1">
          <ParagraphNum/>
          <ParagraphSentence><Sentence Num="1">用語の意義は、次のとおりとする。</Sentence></ParagraphSentence>
          <Item Num="1">
            <ItemTitle>一</ItemTitle>
            <ItemSentence><Column Num="1"><Sentence>情報資産</Sentence></Column></ItemSentence>
            <Subitem1 Num="1"><Subitem1Title>イ</Subitem1Title><Subitem1Sentence><Sentence>文書</Sentence></Subitem1Sentence></Subitem1>
          </Item>
        </Paragraph>
      </Article>
    </MainProvision>
  </LawBody>
</Law>`;
    const read = lawXmlToDeepTree(xml);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const article = read.tree.body[0]!;
    expect(article).toMatchObject({ kind: 'article', id: 'a2', label: '第二条', caption: '定義' });
    expect(article.children[0]?.children[0]).toMatchObject({ id: 'a2-i1', label: '一', sentences: ['情報資産'] });
    expect(article.children[0]?.children[0]?.children[0]).toMatchObject({ id: 'a2-i1-s1', label: 'イ', depth: 1, sentences: ['文書'] });
  });

  it('refuses what is not 法令標準XML with a message', () => {
    expect(lawXmlToDeepTree('<html><body/></html>')).toEqual({ ok: false, message: '法令標準XMLではありません（Law 要素と LawBody 要素が必要です）。' });
    expect(lawXmlToDeepTree('<Law><LawBody>').ok).toBe(false);
  });
});
