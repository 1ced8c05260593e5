import { describe, expect, it } from 'vitest';
import { assemblePdfLines, importPdf } from '@/lib/ingest/import-pdf';
import { isPageNumber, removePageFurniture } from '@/lib/ingest/pdf/page-furniture';
import type { TPdfLine, TPdfPage } from '@/lib/ingest/pdf/read-pdf';
import { deepFixture, nodeById, outline, parseOrThrow, unitById } from '../policy-text/deep/helpers';
import { ingestFixture, okOrThrow } from './helpers';

describe('importPdf: a three-page 実施手順 printed with a running head and foot', async () => {
  const result = okOrThrow(await importPdf(ingestFixture('procedure.pdf')));
  const { tree, text } = result;

  it('drops the running head 「○○市情報セキュリティ関係規程集 n / 3」 and the page numbers 「- n -」', () => {
    expect(text).not.toContain('規程集');
    expect(text).not.toMatch(/- [0-9] -/);
    expect(text).not.toMatch(/[0-9] \/ 3/);
    expect(result.sources?.filter((s, i, all) => all.indexOf(s) === i)).toEqual(['PDF の1ページ', 'PDF の2ページ', 'PDF の3ページ']);
    expect(result.sources?.length).toBe(text.split('\n').length - 1);
    expect(result.warnings.slice(0, 2).map((w) => w.message)).toEqual(['各ページに繰り返されるヘッダー・フッター等 3 行を取り除きました。', 'ページ番号 3 行を取り除きました。']);
  });

  it('joins lines broken at the right margin, within a page and in an item', () => {
    expect(nodeById(tree, 'a1-p1').sentences).toEqual([
      'この手順は、○○市情報セキュリティ対策基準第10条の規定に基づき、本市が保有する情報システムの運用管理に関し、システム管理者及び職員等が遵守すべき事項を定めるものとする。',
    ]);
    expect(nodeById(tree, 'a2-i1').sentences).toEqual(['情報システム\u3000ハードウェア、ソフトウェア、ネットワーク及び記録媒体で構成され、これら一式で業務処理を行う仕組みをいう。']);
    expect(nodeById(tree, 'a3-p2').sentences).toEqual(['システム管理者は、前項のログを定期的に点検し、不正なアクセスの兆候を認めたときは、直ちに情報セキュリティ管理者に報告しなければならない。']);
  });

  it('reads the title, captions and articles across pages, with the full-width space after each label back', () => {
    expect(tree.title).toBe('○○市情報システム運用管理実施手順');
    expect(tree.header).toEqual(['令和6年3月29日訓令第6号']);
    expect(tree.body.map((a) => [a.label, a.caption])).toEqual([
      ['第1条', '目的'],
      ['第2条', '定義'],
      ['第3条', 'ログの取得'],
      ['第4条', '障害対応'],
    ]);
    expect(outline(nodeById(tree, 'a4-i1'))).toEqual([
      ['a4-i1', '(1)', undefined, '障害の影響の範囲を確認すること。'],
      ['a4-i1-s1', 'ア', 1, '利用者への影響'],
      ['a4-i1-s2', 'イ', 1, '他の情報システムへの影響'],
    ]);
    expect(unitById(tree, 'sp1')).toMatchObject({ effectiveDate: '2024-04-01' });
  });

  it('keeps the table from the x positions of its columns', () => {
    expect(nodeById(tree, 'a3-p1').tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual([
      [
        ['種類', '内容', '保存期間'],
        ['アクセスログ', '利用者の認証の記録', '1年'],
        ['操作ログ', '管理者の操作の記録', '3年'],
        ['通信ログ', '外部との通信の記録', '6月'],
      ],
    ]);
  });

  it('gives Kangxi radicals of the font back as ideographs (⼿ → 手, ⻑ → 長)', () => {
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(text).toContain('課の長をいう。');
  });
});

describe('importPdf refusals', () => {
  it.each([
    ['encrypted.pdf', 'ENCRYPTED_PDF', 'パスワード'],
    ['scanned.pdf', 'NO_TEXT_LAYER', 'スキャン'],
    ['broken.pdf', 'BROKEN_PDF', '壊れて'],
  ])('%s → %s with a Japanese message', async (name, code, words) => {
    const result = await importPdf(ingestFixture(name));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toContain(words);
  });
});

describe('page furniture', () => {
  const line = (page: number, y: number, ...texts: string[]): TPdfLine => ({ page, y, size: 10, segments: texts.map((text, i) => ({ text, x: i * 200, end: i * 200 + 50 })) });
  const page = (n: number, lines: TPdfLine[]): TPdfPage => ({ page: n, height: 842, lines });

  it.each(['- 3 -', '－３－', '3 / 10', '３／１０', '3', 'P.3', '3ページ', '(3)'])('%s is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });
  it.each(['第3条', '3年', '(1)　目的', '令和6年'])('%s is no page number', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });

  it('drops a line repeated at the same height on most pages, not one that only repeats its words elsewhere', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [line(n, 800, '内部限り'), line(n, 700, `第${n}条　本文`), line(n, 600, ['本文の続き', '内部限り', '附則'][n - 1] ?? ''), line(n, 40, `- ${n} -`)]),
    );
    const cleaned = removePageFurniture(pages);
    expect(cleaned.pages.map((p) => p.lines.map((l) => l.segments[0]?.text))).toEqual([
      ['第1条　本文', '本文の続き'],
      ['第2条　本文', '内部限り'],
      ['第3条　本文', '附則'],
    ]);
    expect([cleaned.repeated, cleaned.pageNumbers]).toEqual([3, 3]);
  });

  it('keeps the first lines of a single page (no repetition to judge by) but drops its page number', () => {
    const cleaned = removePageFurniture([page(1, [line(1, 800, '○○市規程'), line(1, 700, '第1条　本文'), line(1, 40, '1 / 1')])]);
    expect(cleaned.pages[0]?.lines.map((l) => l.segments[0]?.text)).toEqual(['○○市規程', '第1条　本文']);
  });
});

describe('assemblePdfLines', () => {
  const size = 10;
  const line = (page: number, y: number, x: number, end: number, ...texts: string[]): TPdfLine => ({
    page,
    y,
    size,
    segments: texts.map((text, i) => ({ text, x: x + i * 150, end: i === texts.length - 1 ? end : x + i * 150 + 60 })),
  });

  it('joins a sentence wrapped across a page break, and keeps a page’s last short line as its own', () => {
    const pages: TPdfPage[] = [
      { page: 1, height: 842, lines: [line(1, 700, 70, 420, '第1条　職員は、情報資産を適切に管理しなければならない。'), line(1, 680, 70, 300, '（定義）'), line(1, 660, 70, 520, '第2条　この手順において、次の各号に掲げる用語の意義は、当該')] },
      { page: 2, height: 842, lines: [line(2, 780, 70, 400, '各号に定めるところによる。'), line(2, 760, 70, 520, '(1)　端末　貸与されたパソコン、タブレット端末その他の機器をい'), line(2, 740, 90, 120, 'う。')] },
    ];
    expect(assemblePdfLines(pages).lines).toEqual([
      '第1条　職員は、情報資産を適切に管理しなければならない。',
      '（定義）',
      '第2条　この手順において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。',
      '(1)　端末　貸与されたパソコン、タブレット端末その他の機器をいう。',
    ]);
  });

  it('never joins a table row, and starts unlabelled text with a full-width space so it stays a paragraph', () => {
    const pages: TPdfPage[] = [
      {
        page: 1,
        height: 842,
        lines: [line(1, 700, 70, 520, '第1条　次の表のとおりとする。この表は、毎年度見直すものとし、見直しの'), line(1, 680, 90, 400, '区分', '期間'), line(1, 660, 90, 400, 'ログ', '1年'), line(1, 640, 70, 200, '表の内容は公表する。')],
      },
    ];
    expect(assemblePdfLines(pages).lines).toEqual(['第1条　次の表のとおりとする。この表は、毎年度見直すものとし、見直しの', '区分\t期間', 'ログ\t1年', '\u3000表の内容は公表する。']);
  });

  it('reads a lone line with a wide gap as text with a full-width space, not as a one-row table', () => {
    const pages: TPdfPage[] = [{ page: 1, height: 842, lines: [line(1, 700, 70, 400, '第1条　管理者', '情報政策課長をもって充てる。'), line(1, 680, 70, 400, '第2条　本文')] }];
    expect(assemblePdfLines(pages).lines).toEqual(['第1条　管理者\u3000情報政策課長をもって充てる。', '第2条　本文']);
  });
});

describe('texts of the deep corpus printed to PDF read back to the same tree as the text', () => {
  it.each(['01-ten-levels', '02-dai1-style'])('%s', async (name) => {
    const result = okOrThrow(await importPdf(ingestFixture(`deep-${name}.pdf`)));
    expect(result.tree).toEqual(parseOrThrow(deepFixture(`${name}.txt`)));
    expect(result.text).not.toContain('例規集');
  });

  it('drops a one-page file’s running head by its page number 「1 / 1」 (nothing repeats on one page)', () => {
    const line = (y: number, ...texts: string[]): TPdfLine => ({ page: 1, y, size: 10, segments: texts.map((text, i) => ({ text, x: 70 + i * 300, end: 130 + i * 300 })) });
    const cleaned = removePageFurniture([{ page: 1, height: 842, lines: [line(800, '○○市例規集', '1 / 1'), line(700, '第1条　本文'), line(40, '区分', '3')] }]);
    expect(cleaned.pages[0]?.lines.map((l) => l.segments.map((s) => s.text).join('|'))).toEqual(['第1条　本文', '区分|3']);
  });
});
