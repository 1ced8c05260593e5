import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePolicyText } from '@/lib/policy-text/parse';
import { type TArticle, type TPolicyTree, ZPolicyTree } from '@/lib/policy-text/tree';
import { collectIds, parseOrThrow } from '../../support/policy-tree';

const source = readFileSync(path.resolve(import.meta.dirname, '../../../prisma/seed-data/fuchu-information-security-basic-policy.txt'), 'utf8');

describe('府中市情報セキュリティ基本方針', () => {
  let tree: TPolicyTree;
  const article = (num: number): TArticle => {
    const found = tree.articles.find((a) => a.num === num);
    if (!found) throw new Error(`no article ${num}`);
    return found;
  };

  beforeAll(() => {
    tree = parseOrThrow(source);
  });

  it('parses without warnings into a valid tree', () => {
    const result = parsePolicyText(source);
    expect(result.ok && result.warnings).toEqual([]);
    expect(() => ZPolicyTree.parse(tree)).not.toThrow();
  });

  it('reads the title and no header, preamble or chapters', () => {
    expect(tree.title).toBe('府中市情報セキュリティ基本方針');
    expect(tree.header).toEqual([]);
    expect(tree.preamble).toEqual([]);
    expect(tree.chapters).toEqual([]);
    expect(tree.items).toEqual([]);
  });

  it('finds the ten articles with their numbers and captions', () => {
    expect(tree.articles.map((a) => a.number)).toEqual(['第１', '第２', '第３', '第４', '第５', '第６', '第７', '第８', '第９', '第１０']);
    expect(tree.articles.map((a) => a.num)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(tree.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10']);
    expect(tree.articles.map((a) => a.caption)).toEqual([
      '目的',
      '定義',
      '適用範囲',
      '職員等の遵守義務',
      '委託等に伴う措置',
      '対象とする脅威',
      '情報セキュリティ対策',
      '情報セキュリティに関する文書の整備',
      '情報セキュリティ監査及び自己点検の実施',
      '情報セキュリティポリシーの見直し',
    ]);
  });

  it('joins the wrapped lines of 第１ into one continuous sentence', () => {
    expect(article(1).paragraphs).toHaveLength(1);
    expect(article(1).paragraphs[0]?.text).toBe(
      'この基本方針は、府中市（以下「市」という。）の情報セキュリティ対策に関する基本的な方針を定めることにより、市の保有する情報資産を取り巻く様々な脅威に対して、情報セキュリティの確保に関する施策を組織的かつ計画的に実施し、もって市の保有する情報資産の適正な管理及び運用を図ることを目的とする。',
    );
  });

  it('never leaves a stray space or line break inside the articles', () => {
    const texts = JSON.stringify(tree.articles);
    expect(texts).not.toMatch(/ |\\n|\u3000/);
    expect(article(4).paragraphs[0]?.text).toContain('当たっては、情報セキュリティ、個人情報及び個人番号等');
  });

  it('splits the definitions of 第２ into term and explanation', () => {
    const [paragraph] = article(2).paragraphs;
    expect(paragraph?.text).toBe('この基本方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。');
    const items = paragraph?.items ?? [];
    expect(items).toHaveLength(16);
    expect(items.map((i) => i.label)).toEqual(Array.from({ length: 16 }, (_, n) => `(${n + 1})`));
    expect(items.every((i) => i.body.length === 1 && i.subItems.length === 0)).toBe(true);
    expect(items[0]).toMatchObject({
      id: 'a2-i1',
      text: 'ネットワーク',
      body: ['コンピュータ等を相互に接続するための通信網、その構成機器（ハードウェア及びソフトウェア）をいう。'],
    });
    const media = items[1];
    expect(media?.text).toBe('電磁的記録媒体');
    expect(media?.body[0]).toMatch(/^電子・磁気など/);
    expect(media?.body[0]).toContain('保存しておく媒体');
    expect(media?.body[0]).toContain('ハードディスクやＵＳＢメモリ');
    expect(items[8]?.text).toBe('マイナンバー利用事務系（個人番号利用事務系）');
    expect(items[9]).toMatchObject({ label: '(10)', num: 10, text: 'ＬＧＷＡＮ接続系' });
    expect(items[14]?.body[0]).toBe('番号法に基づき、個人の識別番号として各市町村または特別区からその住民に指定される１２桁の番号をいう。（通称は「マイナンバー」）');
  });

  it('reads the second paragraph of 第３ and its four items', () => {
    const paragraphs = article(3).paragraphs;
    expect(paragraphs.map((p) => [p.id, p.num])).toEqual([
      ['a3-p1', 1],
      ['a3-p2', 2],
    ]);
    expect(paragraphs[0]?.items).toEqual([]);
    expect(paragraphs[1]?.text).toBe('この基本方針が対象とする情報資産は、次のとおりとする。');
    const items = paragraphs[1]?.items ?? [];
    expect(items.map((i) => i.id)).toEqual(['a3-p2-i1', 'a3-p2-i2', 'a3-p2-i3', 'a3-p2-i4']);
    expect(items[0]?.text).toBe('ネットワーク及び情報システム並びにこれらに関する設備及び電磁的記録媒体');
    expect(items[1]?.text).toBe('ネットワーク及び情報システムで取り扱う情報（これらを印刷した文書を含む。）');
    expect(items.every((i) => i.body.length === 0)).toBe(true);
  });

  it('reads 第５ as two paragraphs', () => {
    expect(article(5).paragraphs.map((p) => p.text.slice(0, 6))).toEqual(['委託等により', '特定個人情報']);
  });

  it('reads the eight measures of 第７ with their sub-items and further paragraphs', () => {
    const items = article(7).paragraphs[0]?.items ?? [];
    expect(items).toHaveLength(8);
    const resilience = items[2];
    expect(resilience?.text).toBe('情報システム全体の強靭性の向上');
    expect(resilience?.body).toEqual(['情報セキュリティの強化を目的とし、業務の効率性・利便性の観点を踏まえ、情報システム全体に対し、次の三段階の対策を講ずる。']);
    expect(resilience?.subItems.map((s) => [s.id, s.label, s.num])).toEqual([
      ['a7-i3-s1', 'ア', 1],
      ['a7-i3-s2', 'イ', 2],
      ['a7-i3-s3', 'ウ', 3],
    ]);
    expect(resilience?.subItems[1]?.text).toBe(
      'ＬＧＷＡＮ接続系においては、ＬＧＷＡＮと接続する業務用システムと、インターネット接続系の情報システムとの通信経路を分割する。なお、両システム間で通信する場合には、無害化通信を実施する。',
    );
    expect(items[3]?.subItems).toEqual([]);
    const operation = items[6];
    expect(operation?.text).toBe('運用');
    expect(operation?.body).toHaveLength(2);
    expect(operation?.body[1]).toMatch(/^また、情報資産に対するセキュリティ侵害が発生した場合/);
    expect(operation?.body[1]).toMatch(/緊急時対応計画を策定する。$/);
    const outsourcing = items[7];
    expect(outsourcing?.text).toBe('業務委託と外部サービスの利用');
    expect(outsourcing?.body.map((b) => b.slice(0, 10))).toEqual(['業務委託を行う場合に', '外部サービスを利用す', 'ソーシャルメディアサ']);
  });

  it('reads the two documents of 第８, each with a 「なお、」 paragraph', () => {
    const items = article(8).paragraphs[0]?.items ?? [];
    expect(items.map((i) => i.text)).toEqual(['情報セキュリティ対策基準等', '情報セキュリティ実施手順等']);
    expect(items.map((i) => i.body.length)).toEqual([2, 2]);
    expect(items.every((i) => i.body[1]?.startsWith('なお、'))).toBe(true);
  });

  it('reads the three supplementary provisions with their effective dates', () => {
    expect(tree.supplementaryProvisions.map((p) => [p.id, p.heading, p.effectiveDate])).toEqual([
      ['sp1', '付則', '2003-10-01'],
      ['sp2', '付則', '2019-05-22'],
      ['sp3', '付則', '2022-05-26'],
    ]);
    expect(tree.supplementaryProvisions[2]?.paragraphs).toEqual(['この基本方針は、令和４年５月２６日から施行する。']);
  });

  it('keeps the reference diagram as an annex', () => {
    expect(tree.annexes).toHaveLength(1);
    const [annex] = tree.annexes;
    expect(annex?.id).toBe('annex1');
    expect(annex?.title).toContain('第２(4) 情報セキュリティポリシーの概念図');
    expect(annex?.lines.some((l) => l.includes('府中市情報セキュリティ対策基準'))).toBe(true);
    expect(annex?.lines.every((l) => l === l.trim() && l !== '')).toBe(true);
  });

  it('gives stable, unique anchor ids', () => {
    expect(JSON.stringify(parseOrThrow(source))).toBe(JSON.stringify(tree));
    const ids = collectIds(tree);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['a7-i3-s2', 'a3-p2-i4', 'a2-i16', 'sp3', 'annex1']));
  });
});
