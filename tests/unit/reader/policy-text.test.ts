import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PolicyText } from '@/components/reader/policy-text';
import { PolicyToc } from '@/components/reader/policy-toc';
import { parseDeepText, type TDeepTree } from '@/lib/policy-text/deep';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/deep');

function deep(file: string): TDeepTree {
  const result = parseDeepText(readFileSync(path.join(fixtures, file), 'utf8'));
  if (!result.ok) throw new Error(file);
  return result.tree;
}

/** The entries of the rendered 目次: link target and text, nested entries indented by two spaces. */
function tocEntries(html: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  for (const token of html.matchAll(/<ol[^>]*>|<\/ol>|<a href="#([^"]+)"[^>]*>(.*?)<\/a>/g)) {
    if (token[0].startsWith('<ol')) depth += 1;
    else if (token[0] === '</ol>') depth -= 1;
    else entries.push(`${'  '.repeat(depth - 1)}${token[1]} ${token[2]!.replace(/<[^>]*>/g, '').trim()}`);
  }
  return entries;
}

describe('PolicyText', () => {
  it('renders the deep text once, with the one live region for its copy-link buttons', () => {
    const html = renderToStaticMarkup(createElement(PolicyText, { tree: deep('01-ten-levels.txt') }));
    expect(html.split('id="a3-i1-s1-s1-s1-s1-s1-s1-s1-s1-s1-s2"')).toHaveLength(2);
    expect(html.split('role="status"')).toHaveLength(2);
    expect(html).toMatch(/^<div class="pt /);
  });
});

describe('PolicyToc', () => {
  it('lists 章, 節 and 款 with their articles nested, then 附則', () => {
    const html = renderToStaticMarkup(createElement(PolicyToc, { tree: deep('03-chapters-sections-subsections.txt'), hasHistory: true }));
    expect(tocEntries(html)).toEqual([
      'ch1 第1章 総則',
      '  a1 第1条（目的）',
      '  a2 第2条（定義）',
      'ch2 第2章 組織体制',
      '  a3 第3条（最高情報セキュリティ責任者）',
      '  a4 第4条（統括情報セキュリティ責任者）',
      '  a5 第5条（情報セキュリティ委員会）',
      'ch3 第3章 情報資産の管理',
      '  ch3-sec1 第1節 分類',
      '    a6 第6条（分類の基準）',
      '  ch3-sec2 第2節 取扱い',
      '    ch3-sec2-sub1 第1款 庁内における取扱い',
      '      a7 第7条（利用）',
      '      a7-2 第7条の2（複製）',
      '    ch3-sec2-sub2 第2款 庁外への持ち出し',
      '      a8 第8条（持ち出し）',
      'ch4 第4章 雑則',
      '  a9 第9条（委任）',
      'sp1 附則',
      'history 沿革',
    ]);
  });

  it('lists every appendix and each run of 附則 once, in the order of the text', () => {
    const html = renderToStaticMarkup(createElement(PolicyToc, { tree: deep('08-appendices-forms.txt'), hasHistory: false }));
    expect(tocEntries(html).filter((e) => /^(annex|sp)/.test(e))).toEqual([
      'annex1 別記　委託先の選定基準',
      'annex2 様式第1号',
      'annex3 様式第2号',
      'annex4 付録　用語の解説',
      'sp1 附則',
      'annex5 参考　委託契約書に記載する特記事項の例',
      'sp3 附則',
    ]);
  });
});
