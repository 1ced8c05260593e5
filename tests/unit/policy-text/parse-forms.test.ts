import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '@/lib/policy-text/parse';
import type { TArticle, TPolicyTree } from '@/lib/policy-text/tree';
import { parseOrThrow } from '../../support/policy-tree';

function fixture(name: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '../../fixtures/policy-texts', name), 'utf8');
}

function allArticles(tree: TPolicyTree): TArticle[] {
  return [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];
}

function articleById(tree: TPolicyTree, id: string): TArticle {
  const found = allArticles(tree).find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
}

describe('第1条 style with captions on their own line (jo-caption-before.txt)', () => {
  const tree = parseOrThrow(fixture('jo-caption-before.txt'));

  it('reads title, header lines and the 制定文', () => {
    expect(tree.title).toBe('○○市情報セキュリティ委員会規程');
    expect(tree.header).toEqual(['令和2年3月31日', '訓令第8号']);
    expect(tree.enactment).toBe('○○市情報セキュリティ委員会規程を次のように定める。');
    expect(tree.preamble).toEqual([]);
  });

  it('reads 第3条の2 as a branch article', () => {
    expect(tree.articles.map((a) => [a.id, a.number, a.num, a.branch])).toEqual([
      ['a1', '第1条', 1, undefined],
      ['a2', '第2条', 2, undefined],
      ['a3', '第3条', 3, undefined],
      ['a3-2', '第3条の2', 3, 2],
      ['a4', '第4条', 4, undefined],
    ]);
    expect(articleById(tree, 'a3-2').caption).toBe('臨時委員');
  });

  it('reads （１） items whose text is on the next line, and （ア） sub-items', () => {
    const [first, second] = articleById(tree, 'a2').paragraphs;
    expect(first?.items.map((i) => [i.id, i.label, i.text])).toEqual([
      ['a2-i1', '（１）', '情報セキュリティポリシーの策定及び改正に関すること。'],
      ['a2-i2', '（２）', '情報セキュリティ対策の推進に関すること。'],
      ['a2-i3', '（３）', '前２号に掲げるもののほか、次に掲げる事項'],
    ]);
    expect(first?.items[0]?.body).toEqual([]);
    expect(first?.items[2]?.subItems.map((s) => [s.id, s.label, s.num])).toEqual([
      ['a2-i3-s1', '（ア）', 1],
      ['a2-i3-s2', '（イ）', 2],
    ]);
    expect(second).toMatchObject({ id: 'a2-p2', num: 2, text: '委員会は、前項の審議の結果を市長に報告しなければならない。' });
  });

  it('numbers items of a later paragraph under that paragraph', () => {
    const third = articleById(tree, 'a3').paragraphs[2];
    expect(third?.items.map((i) => i.id)).toEqual(['a3-p3-i1', 'a3-p3-i2']);
  });

  it('reads 附則 with its note and numbered paragraphs', () => {
    expect(tree.supplementaryProvisions).toEqual([
      {
        type: 'supplementary',
        id: 'sp1',
        heading: '附則',
        note: '令和2年3月31日訓令第8号',
        paragraphs: ['1　この規程は、令和2年4月1日から施行する。', '2　○○市情報化推進委員会規程（平成20年訓令第3号）は、廃止する。'],
        effectiveDate: '2020-04-01',
      },
      {
        type: 'supplementary',
        id: 'sp2',
        heading: '附則',
        note: '令和5年3月20日訓令第4号',
        paragraphs: ['この規程は、令和5年4月1日から施行する。'],
        effectiveDate: '2023-04-01',
      },
    ]);
  });
});

describe('captions after the number and 一 / イ items (jo-caption-after.txt)', () => {
  const tree = parseOrThrow(fixture('jo-caption-after.txt'));

  it('reads 第1条（目的） and 第2条 定義 as captions', () => {
    expect(tree.articles.map((a) => [a.number, a.caption ?? null])).toEqual([
      ['第1条', '目的'],
      ['第2条', '定義'],
      ['第3条', '安全管理措置'],
      ['第4条', null],
      ['第5条', '委任'],
    ]);
    expect(articleById(tree, 'a1').paragraphs[0]?.text).toBe('この要綱は、個人情報の適正な取扱いに関し必要な事項を定めることを目的とする。');
    expect(articleById(tree, 'a2').paragraphs[0]?.text).toMatch(/^この要綱において、/);
    expect(articleById(tree, 'a3').paragraphs[0]?.text).toBe('保護責任者は、次に掲げる措置を講じなければならない。');
    expect(articleById(tree, 'a4').paragraphs[0]?.text).toBe('削除');
    expect(articleById(tree, 'a5').paragraphs[0]?.text).toBe('この要綱に定めるもののほか、必要な事項は、別に定める。');
  });

  it('reads kanji-numbered items', () => {
    expect(articleById(tree, 'a2').paragraphs[0]?.items.map((i) => [i.id, i.label, i.num, i.text])).toEqual([
      ['a2-i1', '一', 1, '個人情報　生存する個人に関する情報をいう。'],
      ['a2-i2', '二', 2, '保有個人情報　職員が職務上作成し、又は取得した個人情報であって、組織的に利用するものをいう。'],
    ]);
  });

  it('numbers イ ロ ハ sub-items in iroha order', () => {
    const [organisational, human] = articleById(tree, 'a3').paragraphs[0]?.items ?? [];
    expect(organisational?.subItems.map((s) => [s.id, s.label, s.num])).toEqual([
      ['a3-i1-s1', 'イ', 1],
      ['a3-i1-s2', 'ロ', 2],
      ['a3-i1-s3', 'ハ', 3],
    ]);
    expect(human?.text).toBe('人的安全管理措置');
  });

  it('accepts 附則 spelled with 附', () => {
    expect(tree.supplementaryProvisions.map((p) => [p.heading, p.effectiveDate])).toEqual([['附則', '2021-04-01']]);
  });
});

describe('chapters, sections and a table of contents (chapters-toc.txt)', () => {
  const tree = parseOrThrow(fixture('chapters-toc.txt'));

  it('keeps the 目次 as entries without creating chapters or articles from it', () => {
    expect(tree.toc).toEqual(['第1章　総則（第1条―第3条）', '第2章　情報公開', '第1節　開示請求（第4条・第5条）', '第2節　審査請求（第6条）', '第3章　雑則（第7条）', '附則']);
    expect(tree.chapters.map((c) => [c.id, c.number, c.title])).toEqual([
      ['ch1', '第1章', '総則'],
      ['ch2', '第2章', '情報公開'],
      ['ch3', '第3章', '雑則'],
    ]);
    expect(allArticles(tree).map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(tree.articles).toEqual([]);
  });

  it('places articles in their chapter or section', () => {
    const [general, disclosure, misc] = tree.chapters;
    expect(general?.articles.map((a) => a.number)).toEqual(['第1条', '第2条', '第3条']);
    expect(disclosure?.articles).toEqual([]);
    expect(disclosure?.sections.map((s) => [s.id, s.number, s.title, s.articles.map((a) => a.number)])).toEqual([
      ['ch2-sec1', '第1節', '開示請求', ['第4条', '第5条']],
      ['ch2-sec2', '第2節', '審査請求', ['第6条']],
    ]);
    expect(misc?.articles.map((a) => a.caption)).toEqual(['委任']);
  });

  it('reads the 全部改正 制定文, the 前文 and a one-line header', () => {
    expect(tree.header).toEqual(['平成12年3月28日条例第5号']);
    expect(tree.enactment).toBe('○○市情報公開条例（平成元年○○市条例第2号）の全部を次のように改正する。');
    expect(tree.preamble).toHaveLength(1);
    expect(tree.preamble[0]).toMatch(/^地方自治の本旨にのっとり/);
  });

  it('keeps 附則 captions and numbered paragraphs as paragraphs', () => {
    const [provision] = tree.supplementaryProvisions;
    expect(provision?.paragraphs.map((p) => p.slice(0, 6))).toEqual(['（施行期日）', '1　この条例', '（経過措置）', '2　この条例']);
    expect(provision?.effectiveDate).toBe('2000-04-01');
  });
});

describe('a declaration: 前文 plus a numbered list (declaration.txt)', () => {
  const tree = parseOrThrow(fixture('declaration.txt'));

  it('reads the preamble paragraphs and the top-level items', () => {
    expect(tree.title).toBe('○○市情報セキュリティ宣言');
    expect(tree.preamble).toHaveLength(2);
    expect(tree.preamble[1]).toBe('このため、次のとおり宣言し、全職員が一丸となって情報セキュリティの確保に取り組みます。');
    expect(tree.articles).toEqual([]);
    expect(tree.items.map((i) => [i.id, i.label, i.num])).toEqual([
      ['i1', '1.', 1],
      ['i2', '2.', 2],
      ['i3', '3.', 3],
      ['i4', '4.', 4],
    ]);
    expect(tree.items[2]?.subItems.map((s) => [s.id, s.label, s.text])).toEqual([
      ['i3-s1', '(1)', '定期的な自己点検の実施'],
      ['i3-s2', '(2)', '外部の専門家による監査の実施'],
    ]);
    expect(tree.supplementaryProvisions).toEqual([]);
  });
});

describe('articles numbered 1 2 3 under captions (plain-numbered-articles.txt)', () => {
  const tree = parseOrThrow(fixture('plain-numbered-articles.txt'));

  it('reads each numbered block as an article', () => {
    expect(tree.articles.map((a) => [a.id, a.number, a.caption])).toEqual([
      ['a1', '1', '目的'],
      ['a2', '2', '対象者'],
      ['a3', '3', '実施の手続'],
    ]);
    expect(articleById(tree, 'a2').paragraphs[0]?.items.map((i) => i.text)).toEqual(['常勤の職員', '再任用職員']);
    expect(tree.items).toEqual([]);
  });
});

describe('articles without captions (no-captions.txt)', () => {
  const tree = parseOrThrow(fixture('no-captions.txt'));

  it('reads articles, items and 付則 without any caption', () => {
    expect(tree.articles.map((a) => [a.number, a.caption])).toEqual([
      ['第1条', undefined],
      ['第2条', undefined],
      ['第3条', undefined],
    ]);
    expect(articleById(tree, 'a2').paragraphs[0]?.items.map((i) => [i.id, i.text])).toEqual([
      ['a2-i1', 'パソコンの設置場所'],
      ['a2-i2', 'パソコンの利用者'],
    ]);
    expect(articleById(tree, 'a3').paragraphs[0]?.text).toBe('利用者は、パソコンを庁外に持ち出してはならない。ただし、課長の許可を受けた場合は、この限りでない。');
    expect(tree.supplementaryProvisions[0]?.effectiveDate).toBe('2024-01-01');
  });
});

describe('PDF leftovers: wrapping, page numbers, form feeds (pdf-wrapped.txt)', () => {
  const tree = parseOrThrow(fixture('pdf-wrapped.txt'));

  it('drops page numbers and joins wrapped lines', () => {
    expect(tree.title).toBe('○○町情報資産管理要綱');
    expect(JSON.stringify(tree)).not.toMatch(/- [12] -/);
    expect(articleById(tree, 'a1').paragraphs[0]?.text).toBe(
      'この要綱は、○○町情報セキュリティ基本方針に基づき、町の情報資産の管理に関し必要な事項を定めるものとする。',
    );
    expect(articleById(tree, 'a3').paragraphs[1]?.text).toBe('管理者は、前項の管理の状況を年度末までに総務課長に報告しなければならない。');
  });

  it('reads ⑴ items, their further paragraphs and their sub-items', () => {
    const [owner, system] = articleById(tree, 'a2').paragraphs[0]?.items ?? [];
    expect(owner).toMatchObject({
      label: '⑴',
      num: 1,
      text: '情報資産を保有する課の長。ただし、複数の課が共同で保有する情報資産にあっては、主として利用する課の長とする。',
      body: [],
    });
    expect(system?.text).toBe('情報システムの管理者');
    expect(system?.body).toEqual(['情報システムを所管する課の長をいう。', 'また、当該課の長が不在の場合は、その職務を代理する者をいう。']);
    const [confidential] = articleById(tree, 'a3').paragraphs[0]?.items ?? [];
    expect(confidential?.subItems.map((s) => s.text)).toEqual(['施錠できる書庫に保管すること。', '持ち出しの記録を作成し、年１回以上点検し、その結果を管理簿に記録すること。']);
  });

  it('normalises 「付 則」 and keeps the 【参考】 annex', () => {
    expect(tree.supplementaryProvisions.map((p) => [p.heading, p.effectiveDate])).toEqual([['付則', '2023-04-01']]);
    expect(tree.annexes).toEqual([{ type: 'annex', id: 'annex1', title: '【参考】 管理区分の例', lines: ['区分 例', '機密性の高い情報資産 個人情報を含む文書'] }]);
  });
});

describe('smaller forms', () => {
  it('reads kanji article numbers and 第7条の2 into the canonical spelling', () => {
    const tree = parseOrThrow('規程\n第一条　この規程は、目的を定める。\n第七条　次のとおり。\n第七条の二　枝番号の条である。\n第十条　最後の条である。');
    expect(tree.articles.map((a) => [a.id, a.number])).toEqual([
      ['a1', '第1条'],
      ['a7', '第7条'],
      ['a7-2', '第7条の2'],
      ['a10', '第10条'],
    ]);
  });

  it('normalises full-width article numbers without 条 to full width', () => {
    const tree = parseOrThrow('方針\n第1 一つ目。\n第１０ 十番目。\n第10の2　枝番号。');
    expect(tree.articles.map((a) => [a.id, a.number])).toEqual([
      ['a1', '第１'],
      ['a10', '第１０'],
      ['a10-2', '第１０の２'],
    ]);
  });

  it('reads a caption with a bare 第1条 目的 line and the text on the next line', () => {
    const tree = parseOrThrow('規程\n第1条 目的\nこの規程は、目的を定める。\n第2条 適用範囲 この規程は、全ての職員に適用する。');
    expect(tree.articles.map((a) => [a.caption, a.paragraphs[0]?.text])).toEqual([
      ['目的', 'この規程は、目的を定める。'],
      ['適用範囲', 'この規程は、全ての職員に適用する。'],
    ]);
  });

  it('does not take a sentence or an English word after the number for a caption', () => {
    const tree = parseOrThrow('規程\n第1条 市長は 必要な措置を講ずる。\n第2条 CISO は、指示する。');
    expect(tree.articles.map((a) => a.caption)).toEqual([undefined, undefined]);
    expect(tree.articles[0]?.paragraphs[0]?.text).toBe('市長は 必要な措置を講ずる。');
  });

  it('reads a 目次 that lists articles', () => {
    const tree = parseOrThrow('要綱\n目次\n第1条 目的\n第2条 定義\n附則\n（目的）\n第1条 この要綱は、目的を定める。\n（定義）\n第2条 用語は、次のとおり。\n附則\nこの要綱は、令和6年4月1日から施行する。');
    expect(tree.toc).toEqual(['第1条 目的', '第2条 定義', '附則']);
    expect(tree.articles.map((a) => a.caption)).toEqual(['目的', '定義']);
    expect(tree.supplementaryProvisions).toHaveLength(1);
  });

  it('strips the ○ that 例規集 pages put before a title, but keeps ○○市', () => {
    expect(parseOrThrow('○府中市文書規程\n第1条 本文。').title).toBe('府中市文書規程');
    expect(parseOrThrow('○○市文書規程\n第1条 本文。').title).toBe('○○市文書規程');
  });

  it('uses the given title, and warns when the text states another', () => {
    const withoutTitle = parsePolicyText('（目的）\n第1条 本文。', { title: '文書規程' });
    expect(withoutTitle.ok && [withoutTitle.tree.title, withoutTitle.warnings]).toEqual(['文書規程', []]);
    const differing = parsePolicyText('旧文書規程\n第1条 本文。', { title: '文書規程' });
    expect(differing.ok && differing.tree.title).toBe('文書規程');
    expect(differing.ok && differing.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('reads ① items and (ア) sub-items with text on the next line', () => {
    const tree = parseOrThrow('規程\n第1条 次のとおり。\n①\n一つ目の号\n(ア)\n細分の本文\n②　二つ目の号');
    const items = tree.articles[0]?.paragraphs[0]?.items ?? [];
    expect(items.map((i) => [i.label, i.text])).toEqual([
      ['①', '一つ目の号'],
      ['②', '二つ目の号'],
    ]);
    expect(items[0]?.subItems).toMatchObject([{ id: 'a1-i1-s1', label: '(ア)', text: '細分の本文' }]);
  });

  it('warns about item numbers that skip', () => {
    const result = parsePolicyText('規程\n第1条 次のとおり。\n(1) 一\n(3) 三');
    expect(result.ok && result.warnings.map((w) => w.line)).toEqual([4]);
  });

  it('reads a header with 告示 number and a date suffix', () => {
    const tree = parseOrThrow('基本方針\n令和4年5月26日決定\n府中市告示第120号\n第１ 本文。');
    expect(tree.header).toEqual(['令和4年5月26日決定', '府中市告示第120号']);
  });

  it('takes the date of a 附則 effective on promulgation from its note', () => {
    const tree = parseOrThrow('規則\n第1条 本文。\n附則（令和4年5月26日規則第3号）\nこの規則は、公布の日から施行する。\n附則（令和5年訓令第1号）\nこの規則は、公布の日から施行する。');
    expect(tree.supplementaryProvisions.map((p) => p.effectiveDate)).toEqual(['2022-05-26', undefined]);
  });
});
