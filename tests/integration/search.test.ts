import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { getActor } from '@/lib/server/auth/actor';
import { fullAccessSql, fullAccessWhere } from '@/lib/server/auth/document-access';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { moveUnitsInForce, unsafeReindexSearch } from '@/lib/server/search/index-revision';
import { SEARCH_PAGE_SIZE } from '@/lib/schemas/search';
import { searchDocuments, SearchQueryError, setSearchVerifyLimitForTests, type TSearchResult } from '@/lib/server/search/search-documents';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { getDraftEditor } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';

const READERS = ['anonymous', 'demo-staff', 'demo-staff-other', 'demo-editor', 'demo-approver', 'demo-auditor', 'demo-admin'] as const;
const as = (who: (typeof READERS)[number]) => signInAs(who === 'anonymous' ? null : who);

/** What a reader can observe of a result, minus the words they typed. */
const observable = (r: TSearchResult) => ({ ...r, query: undefined, terms: undefined });
const text = (r: TSearchResult) => r.hits.map((h) => h.snippet.map((p) => p.text).join('')).join('\n');
const slugs = (r: TSearchResult) => [...new Set(r.hits.map((h) => h.document.slug))].sort();

function policy(title: string, articles: string[], provision = 'この規程は、令和3年4月1日から施行する。'): string {
  return [title, '', ...articles.map((body, i) => `第${i + 1}条　${body}`), '', '附　則', provision].join('\n');
}

beforeAll(async () => {
  setClockForTests(new Date('2026-11-26T03:00:00Z'));
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  // Words that appear in one kind of document only, to probe what each reader may find.
  await unsafeImportRevision({
    slug: 'search-restricted',
    kind: 'PROCEDURE',
    visibility: 'RESTRICTED',
    title: '検索試験用限定手順',
    departmentCode: 'general-affairs',
    text: policy('検索試験用限定手順', ['（目的）この手順は、朱鷺色計画に係る端末の管理について定める。', '職員は、朱鷺色計画の端末を庁外に持ち出してはならない。']),
  });
  await db().documentGrant.create({ data: { document: { connect: { slug: 'search-restricted' } }, department: { connect: { code: 'general-affairs' } } } });
  await unsafeImportRevision({
    slug: 'search-staff',
    kind: 'PROCEDURE',
    visibility: 'STAFF',
    title: '検索試験用職員手順',
    text: policy('検索試験用職員手順', [
      'この手順は、浅葱色台帳の管理について定める。',
      '公開用の規定として、瑠璃色窓口を設ける。',
      'ｶﾞｲﾄﾞﾗｲﾝの改定は、ＬＧＷＡＮ接続系の端末で行う。稼働率は100%とし、記号a_bと\\pathと"引用"を含む。',
      "単引用符の'例'と、記号%_%を含む。",
      "条件式の例として OR 1=1 と '; DROP TABLE documents; -- を記載する。",
    ]),
    publicExcerptAnchors: ['a2'],
  });
  // Two revisions and a scheduled third: the old wording is found only when the scope is widened.
  await unsafeImportRevision({ slug: 'search-history', kind: 'STANDARD', visibility: 'STAFF', title: '検索試験用改正履歴', text: policy('検索試験用改正履歴', ['旧字句として山吹色帳簿を用いる。']), effectiveDate: '2021-04-01' });
  await unsafeImportRevision({ slug: 'search-history', kind: 'STANDARD', visibility: 'STAFF', title: '検索試験用改正履歴', text: policy('検索試験用改正履歴', ['新字句として若草色帳簿を用いる。']), effectiveDate: '2024-04-01' });
  await unsafeImportRevision({ slug: 'search-history', kind: 'STANDARD', visibility: 'STAFF', title: '検索試験用改正履歴', text: policy('検索試験用改正履歴', ['将来字句として桜色帳簿を用いる。']), effectiveDate: '2030-04-01' });
});

describe('the visibility rules in SQL', () => {
  it.each(READERS)('%s: fullAccessSql selects exactly the documents fullAccessWhere does', async (who) => {
    await as(who);
    const actor = await getActor();
    const viaPrisma = (await db().document.findMany({ where: fullAccessWhere(actor), select: { id: true } })).map((d) => d.id).sort();
    const viaSql = (await db().$queryRaw<{ id: string }[]>(Prisma.sql`SELECT d.id FROM documents d WHERE ${fullAccessSql(actor)}`)).map((d) => d.id).sort();
    expect(viaSql).toEqual(viaPrisma);
    expect(viaSql.length).toBeGreaterThan(0);
  });
});

describe('never a leak', () => {
  // For each reader: does it find the RESTRICTED-only word, the STAFF-only word, the excerpt word?
  const MATRIX: Record<(typeof READERS)[number], [boolean, boolean, boolean]> = {
    anonymous: [false, false, true],
    'demo-staff': [true, true, true],
    'demo-staff-other': [false, true, true],
    'demo-editor': [true, true, true],
    'demo-approver': [true, true, true],
    'demo-auditor': [true, true, true],
    'demo-admin': [false, true, true],
  };
  for (const [who, [restricted, staff, excerpt]] of Object.entries(MATRIX) as [(typeof READERS)[number], [boolean, boolean, boolean]][]) {
    it(`${who}: a word it may not see answers exactly like a word that is nowhere`, async () => {
      await as(who);
      const nowhere = observable(await searchDocuments({ q: '存在しない語句' }));
      expect(nowhere.total).toBe(0);
      for (const [word, visible] of [['朱鷺色計画', restricted], ['浅葱色台帳', staff], ['瑠璃色窓口', excerpt]] as const) {
        if (visible) expect((await searchDocuments({ q: word })).total, `${who} ${word}`).toBeGreaterThan(0);
        else {
          for (const params of [{}, { kind: 'PROCEDURE' }, { department: 'general-affairs' }, { page: '2' }]) {
            const result = await searchDocuments({ q: word, ...params });
            const empty = observable(await searchDocuments({ q: '存在しない語句', ...params }));
            expect(observable(result), `${who} ${word} ${JSON.stringify(params)}`).toEqual(empty);
          }
        }
        // a word next to a hidden one: the hidden document adds nothing to counts or facets
        const combined = await searchDocuments({ q: `${word} 端末` });
        if (!visible) expect(combined.total).toBe(0);
      }
    });
  }

  it('anonymous readers find public excerpts of a non-public document, and nothing else of it', async () => {
    await as('anonymous');
    const excerpt = await searchDocuments({ q: '瑠璃色窓口' });
    expect(excerpt.hits.map((h) => h.href)).toEqual(['/documents/search-staff#a2-p1']);
    expect(excerpt.facets.kinds).toEqual([{ value: 'PROCEDURE', count: 1 }]);
    // the same document's other articles and its title stay hidden
    expect((await searchDocuments({ q: '検索試験用職員手順' })).total).toBe(0);
    expect((await searchDocuments({ q: '稼働率' })).total).toBe(0);
    // the sample standard's excerpts (第1条, 第23条) only
    const standard = (await searchDocuments({ q: '職員等' })).hits.filter((h) => h.document.slug === 'sample-standard');
    expect(standard.length).toBeGreaterThan(0);
    for (const hit of standard) expect(hit.href).toMatch(/#a(1|23)(-|$)/);
  });

  it('a demotion bites on the next search', async () => {
    await as('demo-auditor');
    expect((await searchDocuments({ q: '朱鷺色計画' })).total).toBe(2);
    await db().user.update({ where: { loginId: 'demo-auditor' }, data: { roles: ['STAFF'] } });
    try {
      // the auditor's department (監査事務局) holds no grant
      expect((await searchDocuments({ q: '朱鷺色計画' })).total).toBe(0);
    } finally {
      await db().user.update({ where: { loginId: 'demo-auditor' }, data: { roles: ['STAFF', 'AUDITOR'] } });
    }
  });
});

describe('Japanese text', () => {
  it.each([
    ['ＵＳＢメモリ', 'USBメモリ'],
    ['usbメモリ', 'USBメモリ'],
    ['USBメモリ', 'ＵＳＢメモリ'],
  ])('%s finds 「%s」', async (query, expected) => {
    await as('demo-staff');
    const result = await searchDocuments({ q: query });
    expect(text(result)).toContain(expected);
  });

  it('half-width katakana, full-width Latin and digits match their normal forms, and the highlight covers the text as written', async () => {
    await as('demo-staff');
    const katakana = (await searchDocuments({ q: 'ガイドライン' })).hits.filter((h) => h.document.slug === 'search-staff');
    expect(katakana).toHaveLength(1);
    expect(katakana[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['ｶﾞｲﾄﾞﾗｲﾝ']);
    const halfWidth = await searchDocuments({ q: 'ｶﾞｲﾄﾞﾗｲﾝ' });
    expect(slugs(halfWidth)).toContain('search-staff');
    expect(halfWidth.total).toBe((await searchDocuments({ q: 'ガイドライン' })).total);
    const lgwan = await searchDocuments({ q: 'lgwan' });
    expect(lgwan.hits.find((h) => h.document.slug === 'search-staff')!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['ＬＧＷＡＮ']);
  });

  it('one- and two-character queries, several terms (AND), and ranking that puts a heading match first', async () => {
    await as('demo-staff');
    const one = await searchDocuments({ q: '鷺' });
    expect(slugs(one)).toEqual(['search-restricted']);
    const two = await searchDocuments({ q: '監査' });
    expect(two.total).toBeGreaterThan(0);
    expect(two.hits[0]!.label).toMatch(/監査/);
    const and = await searchDocuments({ q: '朱鷺色計画　持ち出し' });
    expect(and.hits.map((h) => h.place)).toEqual(['第2条']);
    expect((await searchDocuments({ q: '朱鷺色計画 存在しない語句' })).total).toBe(0);
    const ranked = await searchDocuments({ q: '目的' });
    expect(ranked.hits[0]!.label).toContain('目的');
  });

  it('links to the exact item: 「USBメモリ」 in the media procedure goes to 第２(1)', async () => {
    await as('demo-staff');
    const result = await searchDocuments({ q: 'USBメモリ', kind: 'PROCEDURE' });
    const hits = result.hits.filter((h) => h.document.slug === 'sample-procedure-media');
    expect(hits.map((h) => h.href)).toContain('/documents/sample-procedure-media#a2-i1');
    expect(result.facets.kinds.map((k) => k.value)).toContain('STANDARD');
  });
});

describe('bad input', () => {
  it.each([
    ['', 'EMPTY'],
    ['   　 ', 'EMPTY'],
    ['あ'.repeat(201), 'TOO_LONG'],
    ['USB\u0000', 'CONTROL_CHARACTER'],
    ['USB\u0007メモリ', 'CONTROL_CHARACTER'],
    ['a b c d e f g h i j k', 'TOO_MANY_TERMS'],
  ])('%j is refused with a Japanese message', async (q, reason) => {
    await as('demo-staff');
    const error = (await searchDocuments({ q }).catch((e: unknown) => e)) as SearchQueryError;
    expect(error).toBeInstanceOf(SearchQueryError);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(/[ぁ-ん]/);
  });

  // Every hit each literal must find in 検索試験用職員手順 (第3条 to 第5条 hold these characters and
  // nothing else does): the article and the text marked in its snippet. A LIKE pattern or an SQL
  // fragment would find more, or nothing.
  it.each<[string, [string, string[]][]]>([
    ['%', [['第3条', ['%']], ['第4条', ['%', '%']]]],
    ['_', [['第3条', ['_']], ['第4条', ['_']]]],
    ['\\', [['第3条', ['\\']]]],
    ['"', [['第3条', ['"', '"']]]],
    ["'", [['第4条', ["'", "'"]], ['第5条', ["'"]]]],
    ['a_b', [['第3条', ['a_b']]]],
    ['100%', [['第3条', ['100%']]]],
    ['%_%', [['第4条', ['%_%']]]],
    ['\\path', [['第3条', ['\\path']]]],
    ['"引用"', [['第3条', ['"引用"']]]],
    ['OR 1=1', [['第5条', ['OR', '1=1']]]],
    ["'; DROP TABLE documents; --", [['第5条', ["';", 'DROP', 'TABLE', 'documents;', '--']]]],
  ])('%j is searched as literal text and finds exactly its articles', async (q, expected) => {
    await as('demo-staff');
    const documents = await db().document.count();
    const result = await searchDocuments({ q });
    expect(slugs(result)).toEqual(['search-staff']);
    const found = result.hits.map((h): [string, string[]] => [h.place, h.snippet.filter((p) => p.match).map((p) => p.text)]);
    expect(found.sort(([a], [b]) => a.localeCompare(b))).toEqual(expected);
    expect(result.total).toBe(expected.length);
    expect(await db().document.count()).toBe(documents);
  });

  it('refuses bad parameters with a typed error', async () => {
    await as('demo-staff');
    await expect(searchDocuments({ q: 'USB', kind: 'SECRET' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(searchDocuments({ q: 'USB', page: '0' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(searchDocuments({ q: 'USB', page: '51' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(searchDocuments({ q: 'USB', department: "x' OR '1'='1" })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('scope', () => {
  it('readers search the revisions in force; editors, approvers and auditors may widen to every approved revision', async () => {
    await as('demo-staff');
    expect(slugs(await searchDocuments({ q: '若草色帳簿' }))).toEqual(['search-history']);
    expect((await searchDocuments({ q: '山吹色帳簿' })).total).toBe(0);
    expect((await searchDocuments({ q: '桜色帳簿' })).total).toBe(0);
    const refused = await searchDocuments({ q: '山吹色帳簿', scope: 'all' });
    expect(refused.scope).toBe('current');
    expect(refused.total).toBe(0);
    for (const who of ['demo-editor', 'demo-approver', 'demo-auditor'] as const) {
      await as(who);
      const old = await searchDocuments({ q: '山吹色帳簿', scope: 'all' });
      expect(old.hits.map((h) => [h.revision.number, h.href])).toEqual([[1, '/documents/search-history/revisions/1#a1-p1']]);
      expect((await searchDocuments({ q: '桜色帳簿', scope: 'all' })).hits.map((h) => h.revision.number)).toEqual([3]);
      expect((await searchDocuments({ q: '帳簿', scope: 'all' })).total).toBe(3);
    }
  });

  it('only the revision in force is in the first partition; a search on a new day moves the units first', async () => {
    const units = async (number: number) =>
      new Set((await db().searchUnit.findMany({ where: { revision: { number, document: { slug: 'search-history' } } }, select: { notInForce: true } })).map((u) => u.notInForce));
    // superseded and scheduled revisions wait in the second partition
    expect(await units(1)).toEqual(new Set([true]));
    expect(await units(2)).toEqual(new Set([false]));
    expect(await units(3)).toEqual(new Set([true]));
    setClockForTests(new Date('2030-05-01T03:00:00Z'));
    try {
      await signInAs('demo-staff');
      // the first search of the new day moves the units, then searches
      expect(slugs(await searchDocuments({ q: '桜色帳簿' }))).toEqual(['search-history']);
      expect((await searchDocuments({ q: '若草色帳簿' })).total).toBe(0);
      expect(await units(2)).toEqual(new Set([true]));
      expect(await units(3)).toEqual(new Set([false]));
      await signInAs('demo-auditor');
      expect((await searchDocuments({ q: '帳簿', scope: 'all' })).total).toBe(3);
    } finally {
      setClockForTests(new Date('2026-11-26T03:00:00Z'));
    }
    // and back when the calendar moves back
    await signInAs('demo-staff');
    expect(slugs(await searchDocuments({ q: '若草色帳簿' }))).toEqual(['search-history']);
    expect((await searchDocuments({ q: '桜色帳簿' })).total).toBe(0);
    expect(await units(3)).toEqual(new Set([true]));
  });

  it('moving the units for the whole index puts every misplaced unit right and records the day', async () => {
    const revision = await db().revision.findFirstOrThrow({ where: { number: 2, document: { slug: 'search-history' } }, select: { id: true } });
    // as if the approval's move had been lost: the revision in force sits in the second partition
    await db().$executeRaw`UPDATE search_units SET not_in_force = true WHERE revision_id = ${revision.id}::uuid`;
    expect(await db().$transaction((tx) => moveUnitsInForce(tx))).toBeGreaterThan(0);
    expect(await db().$transaction((tx) => moveUnitsInForce(tx))).toBe(0);
    expect((await db().searchIndexState.findUniqueOrThrow({ where: { id: 1 } })).inForceOn.toISOString().slice(0, 10)).toBe('2026-11-26');
    await signInAs('demo-staff');
    expect(slugs(await searchDocuments({ q: '若草色帳簿' }))).toEqual(['search-history']);
  });

  it('an abolished document is found in no current search, only when the scope is widened', async () => {
    await unsafeImportRevision({ slug: 'search-abolished', kind: 'PROCEDURE', visibility: 'STAFF', title: '検索試験用廃止手順', text: policy('検索試験用廃止手順', ['この手順は、鶯色台帳について定める。']), effectiveDate: '2021-04-01' });
    await as('demo-staff');
    expect(slugs(await searchDocuments({ q: '鶯色台帳' }))).toEqual(['search-abolished']);
    await signInAs('demo-editor');
    const { number } = await startDraft({ slug: 'search-abolished', abolition: true });
    await submitRevision({ slug: 'search-abolished', number, changeReason: '手順の廃止', effectiveDate: '2026-11-26' });
    await signInAs('demo-approver');
    await approveRevision({ slug: 'search-abolished', number, comment: '承認します。', effectiveDate: '2026-11-26' });
    for (const who of ['demo-staff', 'demo-auditor'] as const) {
      await as(who);
      expect((await searchDocuments({ q: '鶯色台帳' })).total).toBe(0);
    }
    expect((await searchDocuments({ q: '鶯色台帳', scope: 'all' })).hits.map((h) => h.revision.number)).toContain(1);
  });

  it('an approval indexes the new text in the same transaction, and reindexing restores a lost index', async () => {
    await signInAs('demo-editor');
    const { number } = await startDraft({ slug: 'search-staff' });
    const editor = (await getDraftEditor('search-staff'))!;
    await saveDraft({ slug: 'search-staff', number, baseVersion: editor.version, text: editor.text.replace('浅葱色台帳', '萌黄色台帳') });
    await submitRevision({ slug: 'search-staff', number, changeReason: '台帳の名称変更', effectiveDate: '2026-11-26' });
    await signInAs('demo-staff');
    expect((await searchDocuments({ q: '萌黄色台帳' })).total).toBe(0);
    await signInAs('demo-approver');
    await approveRevision({ slug: 'search-staff', number, comment: '承認します。', effectiveDate: '2026-11-26' });
    await signInAs('demo-staff');
    expect((await searchDocuments({ q: '萌黄色台帳' })).hits.map((h) => h.revision.number)).toEqual([number]);
    expect((await searchDocuments({ q: '浅葱色台帳' })).total).toBe(0);

    const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: 'search-staff' }, number }, select: { id: true } });
    await db().searchUnit.deleteMany({ where: { revisionId: revision.id } });
    await db().searchIndexedRevision.delete({ where: { revisionId: revision.id } });
    expect((await searchDocuments({ q: '萌黄色台帳' })).total).toBe(0);
    expect((await unsafeReindexSearch()).revisions).toBe(1);
    expect((await searchDocuments({ q: '萌黄色台帳' })).total).toBe(1);
  });
});

describe('very common words', () => {
  it('above the check limit, counts become an upper bound marked approximate, and every hit shown still contains the words', async () => {
    await as('demo-staff');
    const exact = await searchDocuments({ q: '職員等 情報' });
    expect(exact.approximate).toBe(false);
    setSearchVerifyLimitForTests(1);
    try {
      const rough = await searchDocuments({ q: '職員等 情報' });
      expect(rough.approximate).toBe(true);
      expect(rough.total).toBeGreaterThanOrEqual(exact.total);
      expect(rough.hits.map((h) => h.href)).toEqual(exact.hits.map((h) => h.href));
      // one- and two-character terms are exact whatever the limit
      expect((await searchDocuments({ q: '監査' })).approximate).toBe(false);
    } finally {
      setSearchVerifyLimitForTests(null);
    }
  });

  it('pages follow one order: page 2 continues page 1, exact or approximate, with nothing repeated or skipped', async () => {
    await as('demo-auditor');
    for (const [q, limit] of [['の', null], ['職員等', null], ['職員等', 1]] as const) {
      setSearchVerifyLimitForTests(limit);
      try {
        const first = await searchDocuments({ q });
        expect(first.total, q).toBeGreaterThan(SEARCH_PAGE_SIZE);
        const second = await searchDocuments({ q, page: '2' });
        const wide = [...first.hits, ...second.hits].map((h) => `${h.document.slug} ${h.revision.number} ${h.href}`);
        expect(new Set(wide).size, q).toBe(wide.length);
        expect(second.hits.length, q).toBe(Math.min(SEARCH_PAGE_SIZE, first.total - SEARCH_PAGE_SIZE));
      } finally {
        setSearchVerifyLimitForTests(null);
      }
    }
  });
});
