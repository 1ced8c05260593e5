import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { importDocx } from '@/lib/ingest/import-docx';
import { nodeById } from '../policy-text/deep/helpers';
import { okOrThrow } from './helpers';

/*
 * Hand-written WordprocessingML for what the docx package does not write: numbering that comes
 * from a paragraph style (第%1条 as Word's 「条」 style), a restart by w:lvlOverride/w:startOverride,
 * tracked deletions, hidden text, a soft line break and a horizontally merged cell.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const encode = (text: string) => new TextEncoder().encode(text);

function docx(body: string, numbering: string, styles: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': encode(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'word/numbering.xml': encode(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`),
    'word/styles.xml': encode(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles}</w:styles>`),
  });
}

const p = (text: string, pPr = '') => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

const NUMBERING = [
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '第%1条', '<w:pStyle w:val="Article"/>')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimalFullWidth', '(%1)')}${lvl(1, 'aiueoFullWidth', '%2')}</w:abstractNum>`,
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
  '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
].join('');
const STYLES = [
  '<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="条"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="ArticleBody"><w:name w:val="条本文"/><w:basedOn w:val="Article"/></w:style>',
].join('');

describe('importDocx on hand-written WordprocessingML', () => {
  const body = [
    p('○○市テレワーク実施手順'),
    p('（目的）'),
    p('この手順は、テレワークの実施に関し必要な事項を定める。', '<w:pStyle w:val="Article"/>'),
    p('（実施の要件）'),
    p('テレワークは、次の要件を満たす場合に実施する。', '<w:pStyle w:val="ArticleBody"/>'),
    p('端末', num(2, 0)),
    p('貸与端末を用いること。', num(2, 1)),
    // a deletion tracked by Word, hidden text and a soft line break inside one paragraph
    `<w:p><w:pPr>${num(2, 1)}</w:pPr><w:r><w:t>VPN</w:t></w:r><w:del><w:r><w:delText>又は専用線</w:delText></w:r></w:del><w:r><w:t>を経由すること。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（非表示）</w:t></w:r></w:p>`,
    p('通信', num(2, 0)),
    p('（記録）'),
    p('実施の記録は、次による。', '<w:pStyle w:val="Article"/>'),
    p('申請', num(3, 0)),
    `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p('記録の区分')}</w:tc></w:tr><w:tr><w:tc>${p('申請書')}</w:tc><w:tc>${p('1年')}</w:tc></w:tr></w:tbl>`,
    `<w:p><w:r><w:t>附則</w:t></w:r></w:p>`,
    `<w:p><w:r><w:t>この手順は、令和7年4月1日から施行する。</w:t><w:br/><w:t>ただし、第2条の規定は、同年10月1日から施行する。</w:t></w:r></w:p>`,
  ].join('');
  const result = okOrThrow(importDocx(docx(body, NUMBERING, STYLES)));
  const { tree } = result;

  it('numbers articles from the paragraph style (through w:basedOn) as 第1条, 第2条, 第3条', () => {
    expect(tree.body.map((a) => [a.id, a.label, a.caption, a.children[0]?.sentences[0]])).toEqual([
      ['a1', '第1条', '目的', 'この手順は、テレワークの実施に関し必要な事項を定める。'],
      ['a2', '第2条', '実施の要件', 'テレワークは、次の要件を満たす場合に実施する。'],
      ['a3', '第3条', '記録', '実施の記録は、次による。'],
    ]);
  });

  it('renders full-width decimal （１） and a second list instance restarting at （１）', () => {
    expect(nodeById(tree, 'a2').children[0]?.children.map((n) => [n.label, n.sentences[0]])).toEqual([
      ['(１)', '端末'],
      ['(２)', '通信'],
    ]);
    expect(nodeById(tree, 'a3-i1').label).toBe('(１)');
  });

  it('leaves out tracked deletions and hidden text, and keeps a soft break as a line of its own', () => {
    expect(nodeById(tree, 'a2-i1-s2').sentences).toEqual(['VPNを経由すること。']);
    const supplementary = tree.tail[0];
    expect(supplementary?.children[0]?.sentences).toEqual(['この手順は、令和7年4月1日から施行する。', 'ただし、第2条の規定は、同年10月1日から施行する。']);
  });

  it('keeps a horizontally merged header cell as colspan', () => {
    expect(nodeById(tree, 'a3-i1').tables).toEqual([
      { rows: [{ header: true, cells: [{ text: '記録の区分', colspan: 2 }] }, { cells: [{ text: '申請書' }, { text: '1年' }] }] },
    ]);
  });

  it('refuses a zip without word/document.xml and a broken zip', () => {
    expect(importDocx(zipSync({ 'a.txt': encode('x') }))).toMatchObject({ ok: false, code: 'NOT_DOCX' });
    expect(importDocx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ ok: false, code: 'BROKEN_DOCX' });
  });

  it('refuses a zip that claims a document.xml larger than 200 MB before inflating it', () => {
    const bytes = docx(p('第1条　本文'), NUMBERING, STYLES);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // the uncompressed size of every entry, in the local headers and the central directory
    for (let at = 0; at + 4 <= bytes.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) view.setUint32(at + 22, 0xfffffff0, true);
      if (signature === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    }
    expect(importDocx(bytes)).toMatchObject({ ok: false, code: 'UNPACKED_TOO_LARGE', message: expect.stringContaining('大きすぎる') });
  });
});
