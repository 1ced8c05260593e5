import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compareTrees } from '@/lib/policy-text/compare';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { comparisonDocx } from '@/lib/policy-text-export/comparison-docx';

/*
 * The 新旧対照表 .docx of deep texts: a change five levels down and a changed table cell are
 * underlined where they are, inside a nested Word table for the table row.
 */

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/deep', name), 'utf8');
const parse = (text: string) => {
  const result = parseDeepText(text);
  if (!result.ok) throw new Error('does not parse');
  return result.tree;
};
const labels = { after: '改正後', before: '改正前', omitted: '（略）', preamble: '前文' };

async function documentXml(before: string, after: string): Promise<string> {
  const rows = compareTrees(parse(before), parse(after)).rows;
  const bytes = await comparisonDocx({ title: '実施手順　新旧対照表', beforeLabel: '改正前：第1版', afterLabel: '改正後：第2版', note: '（傍線部分は改正部分）', labels, rows });
  return strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
}

/** The underlined runs' texts, in order. */
const underlined = (xml: string): string[] => [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:u [^>]*\/>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);

describe('comparisonDocx', () => {
  it('underlines a change five levels below an item and the renumbered sub-items', async () => {
    const text = fixture('01-ten-levels.txt');
    const after = text
      .replace('(ⅰ)　範囲は、情報システム管理者が定める。', '(ⅰ)　範囲は、統括情報セキュリティ責任者が定める。')
      .replace('(2)　ログの取得及び保存\nア　認証、', '(2)　ログの取得及び保存\nア　ログの取得の範囲を定めること。\nイ　認証、')
      .replace('イ　ログを1年以上保存すること。', 'ウ　ログを1年以上保存すること。');
    const xml = await documentXml(text, after);
    const marks = underlined(xml);
    expect(marks).toEqual(expect.arrayContaining(['統括情報セキュリティ責任', '情報システム管理', 'ログの取得の範囲を定めること。', 'イ', 'ウ']));
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('第1条～第2条');
  });

  it('underlines a changed table cell inside its own cell', async () => {
    const text = fixture('07-tables.txt');
    const xml = await documentXml(text, text.replace('機密性2	取扱注意	文書の右上に表示する。', '機密性2	取扱注意	文書の右上に朱書き以外で表示する。'));
    expect(underlined(xml)).toContain('朱書き以外で');
    // the row's cells are cells of a nested table: 機密性2 | 取扱注意 | 文書の右上に…
    const nested = xml.split('<w:tbl>').filter((t) => t.includes('取扱注意'));
    expect(nested.length).toBeGreaterThanOrEqual(2);
  });
});
