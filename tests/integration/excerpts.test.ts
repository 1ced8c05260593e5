/*
 * Public excerpts (外部に周知すべき事項) belong to a revision (issue 15, section 2): an anonymous
 * reader of any revision sees exactly that revision's excerpts, they follow an article through
 * renumbering, a deleted article drops out, and nothing of a scheduled revision shows before its day.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { GET as getDocumentRoute } from '@/app/api/v1/documents/[slug]/route';
import { parsePolicyText } from '@/lib/policy-text/parse';
import type { TArticle, TPolicyTree } from '@/lib/policy-text/tree';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { listLibrary } from '@/lib/server/documents/list-library';
import type { TLibraryNode } from '@/lib/domain/documents';
import { EXCERPTS_UNCONFIRMED } from '@/lib/server/excerpts/revision-excerpts';
import { getExcerptEditor, getReviewExcerpts, saveDraftExcerpts } from '@/lib/server/excerpts/draft-excerpts';
import { searchDocuments } from '@/lib/server/search/search-documents';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { getDraftEditor } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';
import { createFreshDatabase } from '../support/test-database';
import { deepArticles, firstText } from '../support/deep-tree';

const TODAY = '2026-11-26';
const clockToday = () => setClockForTests(new Date(`${TODAY}T03:00:00Z`));

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  clockToday();
});
afterEach(clockToday);

/** The articles of a three-level tree, as wave 1 stored them (the old rows below). */
const legacyArticles = (tree: TPolicyTree): TArticle[] => [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];
const anchorsOf = (tree: TDeepTree) => deepArticles(tree).map((a) => a.id);
const flatten = (nodes: TLibraryNode[]): TLibraryNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

async function readRoute(slug: string, asOf?: string) {
  const response = await getDocumentRoute(new Request(`http://localhost/api/v1/documents/${slug}${asOf ? `?asOf=${asOf}` : ''}`), { params: Promise.resolve({ slug }) });
  return { status: response.status, text: await response.text() };
}

describe('the reported leak: 第1版 read as of a past date', () => {
  it('an anonymous reader of 第1版 gets 第1版’s own excerpts, not its 第23条（外部サービスの利用）', async () => {
    await signInAs(null);
    const past = await getDocumentView('sample-standard', { asOf: '2023-01-01' });
    expect(past?.revision.number).toBe(1);
    expect(past?.document.edition).toBe('excerpt');
    // 第1条 is the same article in both revisions; 第2版’s 第23条（外部委託） was amended, and 第1版’s
    // 第23条 is another article altogether: neither is public in 第1版.
    expect(anchorsOf(past!.revision.tree)).toEqual(['a1']);
    const json = await readRoute('sample-standard', '2023-01-01');
    expect(json.status).toBe(200);
    expect(json.text).not.toContain('外部サービス');
    expect(json.text).not.toContain('クラウドサービス');
    // today: 第2版’s own excerpts
    expect(anchorsOf((await getDocumentView('sample-standard'))!.revision.tree)).toEqual(['a1', 'a23']);
  });
});

// A STAFF document of four articles; 第2条 is public.
const SLUG = 'excerpt-carry';
const ARTICLES = [
  '第1条　この規程は、委託先との情報の取扱いについて定める。',
  '第2条　委託先は、紺碧色連絡票により事故を直ちに報告しなければならない。',
  '第3条　職員は、鉛丹色台帳に委託契約の内容を記録しなければならない。',
  '第4条　委託先は、萌黄色名簿に作業者を登録しなければならない。',
];
const text = (articles: string[]) => ['委託先管理規程', '', ...articles.flatMap((a) => [a, '']), '付則', 'この規程は、令和3年4月1日から施行する。', ''].join('\n');
const renumber = (articles: string[]) => articles.map((a, i) => a.replace(/^第\d+条/, `第${i + 1}条`));

async function draftWith(articles: string[]) {
  await signInAs('demo-editor');
  const { number } = await startDraft({ slug: SLUG });
  const editor = (await getDraftEditor(SLUG))!;
  const saved = await saveDraft({ slug: SLUG, number, baseVersion: editor.version, text: text(articles) });
  if (!saved.ok) throw new Error('conflict');
  return { number, version: saved.version };
}

async function approve(number: number, effectiveDate: string) {
  await signInAs('demo-approver');
  return approveRevision({ slug: SLUG, number, comment: '', effectiveDate });
}

async function publicArticles(asOf?: string) {
  await signInAs(null);
  const view = await getDocumentView(SLUG, asOf ? { asOf } : {});
  return view ? deepArticles(view.revision.tree).map((a) => `${a.id}:${firstText(a).slice(0, 6)}`) : null;
}

describe('excerpts follow the article through the workflow', () => {
  let current = ARTICLES;

  beforeAll(async () => {
    await unsafeImportRevision({ slug: SLUG, kind: 'PROCEDURE', visibility: 'STAFF', title: '委託先管理規程', text: text(ARTICLES), effectiveDate: '2021-04-01', publicExcerptAnchors: ['a2'] });
  });

  it('an article inserted before the public one: the editor confirms a2 → a3, and readers then see the same article', async () => {
    const inserted = '第2条　委託先は、山吹色手帳を携行しなければならない。';
    current = renumber([ARTICLES[0]!, inserted, ...ARTICLES.slice(1)]);
    const { number, version } = await draftWith(current);

    const view = (await getExcerptEditor(SLUG))!;
    expect(view.draft).toMatchObject({ baseNumber: 1, needsConfirmation: true, confirmed: false, dropped: [] });
    expect(view.draft!.carried.map((c) => [c.beforeLabel, c.afterLabel, c.change])).toEqual([['第2条', '第3条', 'unchanged']]);
    expect(view.draft!.articles.filter((a) => a.selected).map((a) => a.id)).toEqual(['a3']);

    // not submitted before the editor has seen the carried list
    await expect(submitRevision({ slug: SLUG, number, changeReason: '携行品の追加', effectiveDate: TODAY })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: EXCERPTS_UNCONFIRMED });
    // a list chosen for an older text is refused
    await expect(saveDraftExcerpts({ documentSlug: SLUG, number, version: version - 1, anchors: ['a3'] })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(saveDraftExcerpts({ documentSlug: SLUG, number, version, anchors: ['a9'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await saveDraftExcerpts({ documentSlug: SLUG, number, version, anchors: ['a3'] });
    expect((await getExcerptEditor(SLUG))!.draft).toMatchObject({ confirmed: true, needsConfirmation: false });
    await submitRevision({ slug: SLUG, number, changeReason: '携行品の追加', effectiveDate: TODAY });

    // the approver sees the list that is approved with the text; staff see nothing of it
    await signInAs('demo-approver');
    expect(await getReviewExcerpts(SLUG, number)).toMatchObject({ status: 'IN_REVIEW', carried: [{ before: 'a2', after: 'a3' }], added: [], removed: [] });
    await signInAs('demo-staff');
    expect(await getReviewExcerpts(SLUG, number)).toBeNull();

    // approved with the draft: nothing public changes before approval
    expect(await publicArticles()).toEqual(['a2:委託先は、紺']);
    await approve(number, TODAY);
    expect(await publicArticles()).toEqual(['a3:委託先は、紺']);
    // the old revision keeps its own list, on its own text
    expect(await publicArticles('2022-01-01')).toEqual(['a2:委託先は、紺']);
    const stored = await db().revision.findFirstOrThrow({ where: { document: { slug: SLUG }, number }, select: { publicExcerptAnchors: true, publicExcerptsBasis: true } });
    expect(stored).toEqual({ publicExcerptAnchors: ['a3'], publicExcerptsBasis: null });
  });

  it('search checks each unit against its own revision’s list', async () => {
    await signInAs(null);
    expect((await searchDocuments({ q: '紺碧色連絡票' })).hits.map((h) => h.href)).toEqual([`/documents/${SLUG}#a3-p1`]);
    // the new 第2条 bears the number that was public in 第1版: not public
    expect((await searchDocuments({ q: '山吹色手帳' })).total).toBe(0);
    expect((await searchDocuments({ q: '鉛丹色台帳' })).total).toBe(0);
  });

  it('an amendment that leaves the public article alone carries it without a confirmation', async () => {
    current = current.map((a) => a.replace('萌黄色名簿', '萌黄色名簿及び若竹色名簿'));
    const { number } = await draftWith(current);
    expect((await getExcerptEditor(SLUG))!.draft).toMatchObject({ needsConfirmation: false, carried: [{ before: 'a3', after: 'a3', change: 'unchanged' }] });
    await submitRevision({ slug: SLUG, number, changeReason: '名簿の追加', effectiveDate: '2026-11-27' });
    setClockForTests(new Date('2026-11-27T03:00:00Z'));
    await approve(number, '2026-11-27');
    expect(await publicArticles()).toEqual(['a3:委託先は、紺']);
  });

  it('deleting the public article drops it: after a confirmation the document has no public edition', async () => {
    setClockForTests(new Date('2026-11-27T03:00:00Z'));
    current = renumber(current.filter((a) => !a.includes('紺碧色連絡票')));
    const { number, version } = await draftWith(current);
    const view = (await getExcerptEditor(SLUG))!;
    expect(view.draft).toMatchObject({ needsConfirmation: true, carried: [], dropped: [{ before: 'a3', beforeLabel: '第3条' }] });
    await expect(submitRevision({ slug: SLUG, number, changeReason: '報告規定の削除', effectiveDate: '2026-11-28' })).rejects.toMatchObject({ message: EXCERPTS_UNCONFIRMED });
    await saveDraftExcerpts({ documentSlug: SLUG, number, version, anchors: [] });
    await submitRevision({ slug: SLUG, number, changeReason: '報告規定の削除', effectiveDate: '2026-11-28' });
    await approve(number, '2026-11-28');
    setClockForTests(new Date('2026-11-28T03:00:00Z'));
    expect(await publicArticles()).toBeNull();
    expect(flatten(await listLibrary()).map((d) => d.slug)).not.toContain(SLUG);
    expect((await searchDocuments({ q: '紺碧色連絡票' })).total).toBe(0);
    // the revision that had it still shows it, as of its own time
    expect(await publicArticles('2026-11-27')).toEqual(['a3:委託先は、紺']);
  });

  it('a scheduled revision’s excerpts, number and date stay hidden from anonymous readers until its day', async () => {
    setClockForTests(new Date('2026-11-28T03:00:00Z'));
    const { number, version } = await draftWith(current);
    // 第1条 becomes public from 2027-04-01
    await saveDraftExcerpts({ documentSlug: SLUG, number, version, anchors: ['a1'] });
    await submitRevision({ slug: SLUG, number, changeReason: '目的規定の公開', effectiveDate: '2027-04-01' });
    await approve(number, '2027-04-01');

    await signInAs('demo-staff');
    expect((await getDocumentView(SLUG))?.document.scheduled).toMatchObject({ number, effectiveDate: '2027-04-01' });

    await signInAs(null);
    expect(await getDocumentView(SLUG)).toBeNull();
    // a date after today reads as today for a reader of the public edition
    expect(await getDocumentView(SLUG, { asOf: '2027-05-01' })).toBeNull();
    expect((await readRoute(SLUG, '2027-05-01')).status).toBe(404);
    expect((await searchDocuments({ q: '委託先との情報' })).total).toBe(0);
    // history, single revisions and comparisons are for readers of the full text only
    expect(await getRevisionHistory('sample-standard')).toBeNull();
    expect(await getRevisionPage('sample-standard', 1)).toBeNull();

    // sample-standard with a scheduled amendment: the header, the library and the JSON name none of it
    await signInAs('demo-editor');
    const standard = await startDraft({ slug: 'sample-standard' });
    const editor = (await getDraftEditor('sample-standard'))!;
    // 第1条 is amended: it stays public, no confirmation needed (the approver sees the 新旧対照表)
    await saveDraft({ slug: 'sample-standard', number: standard.number, baseVersion: editor.version, text: editor.text.replace('職員等が遵守すべき', '職員等及び委託先が遵守すべき') });
    expect((await getExcerptEditor('sample-standard'))!.draft).toMatchObject({ needsConfirmation: false, dropped: [] });
    await submitRevision({ slug: 'sample-standard', number: standard.number, changeReason: '委託先の明記', effectiveDate: '2027-04-01' });
    await signInAs('demo-approver');
    await approveRevision({ slug: 'sample-standard', number: standard.number, comment: '', effectiveDate: '2027-04-01' });

    await signInAs(null);
    const today = (await getDocumentView('sample-standard'))!;
    expect(today.document.scheduled).toBeNull();
    expect(today.revision.number).toBe(2);
    const future = (await getDocumentView('sample-standard', { asOf: '2027-05-01' }))!;
    expect([future.revision.number, future.asOf, future.document.scheduled]).toEqual([2, '2026-11-28', null]);
    const node = flatten(await listLibrary({ asOf: '2027-05-01' })).find((d) => d.slug === 'sample-standard')!;
    expect([node.inForce?.number, node.scheduled]).toEqual([2, null]);
    for (const asOf of [undefined, '2027-05-01']) {
      const json = await readRoute('sample-standard', asOf);
      expect(json.text).not.toContain('2027-04-01');
      expect(json.text).not.toContain('委託先が遵守すべき');
      expect(json.text).not.toContain(`"number":${standard.number}`);
    }

    // on its day: exactly its own excerpts
    setClockForTests(new Date('2027-04-01T03:00:00Z'));
    expect(await publicArticles()).toEqual(['a1:この規程は、']);
    expect((await searchDocuments({ q: '委託先との情報' })).hits.map((h) => h.href)).toEqual([`/documents/${SLUG}#a1-p1`]);
    const inForce = (await getDocumentView('sample-standard'))!;
    expect([inForce.revision.number, anchorsOf(inForce.revision.tree)]).toEqual([standard.number, ['a1', 'a23']]);
    expect(JSON.stringify(inForce)).toContain('職員等及び委託先が遵守すべき');
  });
});

describe('the migration that moved excerpts onto revisions', () => {
  const MINE = '20261205110000_revision_public_excerpts';
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  let dir: string;
  beforeAll(async () => {
    fresh = await createFreshDatabase(inject('adminDatabaseUrl'), 'isms_excerpt_migration');
    dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    for (const name of await readdir(DEFAULT_MIGRATIONS_DIR)) {
      if (name < MINE || !/^\d/.test(name)) await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    }
  });
  afterAll(async () => {
    await fresh?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('copies an anchor only onto revisions holding exactly that article under it', async () => {
    await migrateDatabase({ databaseUrl: fresh.url, migrationsDir: dir });
    const samples = path.resolve('prisma/seed-data/samples');
    const tree = async (file: string) => {
      const parsed = parsePolicyText(await readFile(path.join(samples, file), 'utf8'));
      if (!parsed.ok) throw new Error(file);
      return parsed.tree;
    };
    const [v1, v2] = [await tree('standard-v1.txt'), await tree('standard-v2.txt')];
    // v3: scheduled, 第1条 amended; a draft on top of v2
    const v3 = structuredClone(v2);
    legacyArticles(v3)[0]!.paragraphs[0]!.text += '（改正）';
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO documents (id, slug, kind, title, visibility, public_excerpt_anchors, updated_at)
         VALUES (gen_random_uuid(), 'old-standard', 'STANDARD', '旧対策基準', 'STAFF', ARRAY['a1', 'a23'], now()) RETURNING id`,
      );
      const documentId = rows[0]!.id;
      const insert = (number: number, status: string, content: TPolicyTree, effectiveDate: string | null) =>
        client.query(
          `INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash, effective_date)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, '', '', $5)`,
          [documentId, number, status, JSON.stringify(content), effectiveDate],
        );
      await insert(1, 'APPROVED', v1, '2021-04-01');
      await insert(2, 'APPROVED', v2, '2024-04-01');
      await insert(3, 'APPROVED', v3, '2099-04-01');
      await insert(4, 'DRAFT', v2, null);
    } finally {
      await client.end();
    }

    await migrateDatabase({ databaseUrl: fresh.url });
    const after = new pg.Client({ connectionString: fresh.url });
    await after.connect();
    try {
      const { rows } = await after.query<{ number: number; anchors: string[]; basis: string | null }>(
        `SELECT number, public_excerpt_anchors AS anchors, public_excerpts_basis AS basis FROM revisions ORDER BY number`,
      );
      expect(rows).toEqual([
        // 第1版: 第1条 is the same article; its 第23条 is another one (外部サービスの利用)
        { number: 1, anchors: ['a1'], basis: null },
        // 第2版 was in force when the list was set
        { number: 2, anchors: ['a1', 'a23'], basis: null },
        // 第3版 amended 第1条: only 第23条 is the same article
        { number: 3, anchors: ['a23'], basis: null },
        // the draft inherits its base revision's list when approved
        { number: 4, anchors: [], basis: null },
      ]);
      const { rows: columns } = await after.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'public_excerpt_anchors'`);
      expect(columns).toEqual([]);
      // approved revisions are immutable again
      await expect(after.query(`UPDATE revisions SET public_excerpt_anchors = ARRAY['a5'] WHERE number = 2`)).rejects.toThrow(/immutable/);
    } finally {
      await after.end();
    }
  });
});
