/*
 * Search over deep texts: a word found at any depth (号の細分 four levels down, a table cell, a
 * 別表) is cited as people cite it and linked to its own anchor; the basic policy is found as it
 * was before the deep tree; a re-index by new rules replaces each revision's units whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { indexRevision, SEARCH_INDEX_VERSION, unsafeReindexSearch } from '@/lib/server/search/index-revision';
import { searchDocuments, type TSearchResult } from '@/lib/server/search/search-documents';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { signInAs } from '../support/as-user';

const DEEP_TEXT = [
  '○○市端末管理実施手順（検索試験用）',
  '令和6年3月29日訓令第5号',
  '',
  '（目的）',
  '第1条　この手順は、端末の管理について定めるものとする。',
  '（管理の方法）',
  '第2条　情報システム管理者は、次に掲げる措置を講じなければならない。',
  '(1)　端末の管理',
  'ア　端末の台帳を整備すること。',
  '(ア)　台帳の記載事項',
  'a　端末の名称',
  '(a)　紅梅色台帳に記載すること。',
  '(b)　記載は、毎月更新すること。',
  'b　端末の設置場所',
  '(イ)　台帳の点検',
  'イ　端末の廃棄は、次の表による。',
  '区分\t廃棄の方法',
  '藤色端末\t物理的な破壊',
  'その他の端末\t専用ソフトウェアによる消去',
  '(2)　記録の保存',
  '２　情報システム管理者は、前項の措置の状況を記録しなければならない。',
  '（問合せ）',
  '第3条　市民からの問合せは、東雲色窓口で受け付ける。',
  '',
  '別表（第2条関係）',
  '区分\t保存期間',
  '鉄紺色記録\t5年',
  '附則',
  'この手順は、令和6年4月1日から施行する。',
].join('\n');

const place = (r: TSearchResult) => r.hits.map((h) => [h.label, h.place, h.href]);
/** What a reader can observe of a result, minus the words they typed. */
const observable = (r: TSearchResult) => ({ ...r, query: undefined, terms: undefined });

let deepRevision = '';

beforeAll(async () => {
  setClockForTests(new Date('2026-11-26T03:00:00Z'));
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await unsafeImportRevision({ slug: 'search-deep', kind: 'PROCEDURE', visibility: 'STAFF', title: '○○市端末管理実施手順（検索試験用）', text: DEEP_TEXT, effectiveDate: '2024-04-01', publicExcerptAnchors: ['a3'] });
  deepRevision = (await db().revision.findFirstOrThrow({ where: { document: { slug: 'search-deep' } }, orderBy: { number: 'desc' }, select: { id: true } })).id;
});

describe('a deep text', () => {
  it('is stored as the deep tree and indexed by the current rules', async () => {
    const stored = await db().revision.findUniqueOrThrow({ where: { id: deepRevision }, select: { content: true, searchIndex: { select: { version: true } } } });
    expect((stored.content as { version?: number }).version).toBe(2);
    expect(stored.searchIndex?.version).toBe(SEARCH_INDEX_VERSION);
  });

  it('cites and links a word four levels below the 号, in a table cell and in a 別表', async () => {
    await signInAs('demo-staff');
    expect(place(await searchDocuments({ q: '紅梅色台帳' }))).toEqual([['第2条（管理の方法）', '第2条第1項第1号ア(ア)a(a)', '/documents/search-deep#a2-i1-s1-s1-s1-s1']]);
    expect(place(await searchDocuments({ q: '藤色端末' }))).toEqual([['第2条（管理の方法）', '第2条第1項第1号イの表', '/documents/search-deep#a2-i1-s2']]);
    expect(place(await searchDocuments({ q: '鉄紺色記録' }))).toEqual([['別表（第2条関係）', '別表', '/documents/search-deep#annex1']]);
    // the words of one provision and of the table under it: the snippet opens at the first
    const both = await searchDocuments({ q: '端末の廃棄 物理的な破壊' });
    expect(place(both)).toEqual([['第2条（管理の方法）', '第2条第1項第1号イ', '/documents/search-deep#a2-i1-s2']]);
    expect(both.hits[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['端末の廃棄', '物理的な破壊']);
  });

  it('shows anonymous readers its public excerpt, and nothing deeper of it', async () => {
    await signInAs(null);
    expect(place(await searchDocuments({ q: '東雲色窓口' }))).toEqual([['第3条（問合せ）', '第3条', '/documents/search-deep#a3-p1']]);
    const nowhere = observable(await searchDocuments({ q: '存在しない語句' }));
    for (const word of ['紅梅色台帳', '藤色端末', '鉄紺色記録', '端末の管理']) expect(observable(await searchDocuments({ q: word })), word).toEqual(nowhere);
  });
});

describe('the basic policy', () => {
  // hits, their order and their links as before the deep tree; the place is now cited in full
  it.each<[string, [string, string, string][]]>([
    ['ＵＳＢメモリ', [['第２（定義）', '第２第２号', '#a2-i2']]],
    [
      '監査',
      [
        ['第９（情報セキュリティ監査及び自己点検の実施）', '第９', '#a9'],
        ['第３（適用範囲）', '第３第１項', '#a3-p1'],
        ['第１０（情報セキュリティポリシーの見直し）', '第１０', '#a10-p1'],
      ],
    ],
    ['不正通信', [['第７（情報セキュリティ対策）', '第７第３号ウ', '#a7-i3-s3']]],
    [
      'マイナンバー利用事務系',
      [
        ['第２（定義）', '第２第９号', '#a2-i9'],
        ['第７（情報セキュリティ対策）', '第７第３号ア', '#a7-i3-s1'],
      ],
    ],
    [
      '施行',
      [
        ['付則', '付則', '#sp1'],
        ['付則', '付則', '#sp2'],
        ['付則', '付則', '#sp3'],
      ],
    ],
  ])('「%s」', async (q, expected) => {
    await signInAs(null);
    const hits = (await searchDocuments({ q })).hits.filter((h) => h.document.slug === 'basic-policy');
    expect(hits.map((h) => [h.label, h.place, h.href])).toEqual(expected.map(([label, cite, anchor]) => [label, cite, `/documents/basic-policy${anchor}`]));
  });
});

describe('re-indexing by new rules', () => {
  it('rebuilds every revision indexed by an older version, and only those', async () => {
    const approved = await db().revision.count({ where: { status: 'APPROVED' } });
    expect(await db().searchIndexedRevision.count({ where: { version: SEARCH_INDEX_VERSION } })).toBe(approved);
    // as a database indexed before the deep tree: older version, citations of the old rules
    await db().searchIndexedRevision.updateMany({ data: { version: SEARCH_INDEX_VERSION - 1 } });
    await db().$executeRaw(Prisma.sql`UPDATE search_unit_texts SET segments = jsonb_build_array(jsonb_build_object('start', 0, 'anchor', anchor, 'cite', label))`);
    await signInAs('demo-staff');
    expect(place(await searchDocuments({ q: '紅梅色台帳' }))).toEqual([['第2条（管理の方法）', '第2条（管理の方法）', '/documents/search-deep#a2']]);
    expect(await unsafeReindexSearch()).toMatchObject({ revisions: approved });
    expect(await unsafeReindexSearch()).toMatchObject({ revisions: 0 });
    expect(place(await searchDocuments({ q: '紅梅色台帳' }))).toEqual([['第2条（管理の方法）', '第2条第1項第1号ア(ア)a(a)', '/documents/search-deep#a2-i1-s1-s1-s1-s1']]);
  });

  it('never leaves a revision half-indexed: an interrupted re-index keeps the units it had', async () => {
    await signInAs('demo-staff');
    const before = await searchDocuments({ q: '藤色端末' });
    await expect(
      db().$transaction(async (tx) => {
        await indexRevision(tx, deepRevision);
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(await searchDocuments({ q: '藤色端末' })).toEqual(before);
    expect((await db().searchIndexedRevision.findUniqueOrThrow({ where: { revisionId: deepRevision } })).version).toBe(SEARCH_INDEX_VERSION);
  });
});
