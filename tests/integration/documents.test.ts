import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { getPortalOverview } from '@/lib/server/documents/get-portal-overview';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { listLibrary } from '@/lib/server/documents/list-library';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { deepArticles as allArticles } from '../support/deep-tree';
import type { TLibraryNode } from '@/lib/domain/documents';

const flatten = (nodes: TLibraryNode[]): TLibraryNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase();
});

describe('seed and import', () => {
  it('stores the real basic policy as one approved, public revision in force from 2022-05-26', async () => {
    const doc = await db().document.findUniqueOrThrow({ where: { slug: 'basic-policy' }, include: { revisions: true } });
    expect(doc.kind).toBe('BASIC_POLICY');
    expect(doc.visibility).toBe('PUBLIC');
    expect(doc.title).toBe('府中市情報セキュリティ基本方針');
    expect(doc.revisions).toHaveLength(1);
    expect(doc.revisions[0]!.status).toBe('APPROVED');
    expect(doc.revisions[0]!.effectiveDate?.toISOString().slice(0, 10)).toBe('2022-05-26');
    expect(doc.revisions[0]!.plainText).toContain('情報資産の適正な管理及び運用を図ることを目的とする。');
  });

  it('seeding again changes nothing', async () => {
    const before = await db().revision.count();
    const again = await seedDatabase();
    expect(again.revisionsCreated).toBe(0);
    expect(await db().revision.count()).toBe(before);
  });

  it('importing the same text twice does not create a second revision', async () => {
    const text = await readFile('prisma/seed-data/fuchu-information-security-basic-policy.txt', 'utf8');
    const result = await unsafeImportRevision({ slug: 'basic-policy', kind: 'BASIC_POLICY', text });
    expect(result).toMatchObject({ created: false, revisionNumber: 1 });
    expect(await db().revision.count({ where: { document: { slug: 'basic-policy' } } })).toBe(1);
  });

  it('refuses text it cannot structure, names the line, and stores nothing', async () => {
    const before = { documents: await db().document.count(), revisions: await db().revision.count() };
    const error = await unsafeImportRevision({ slug: 'essay', kind: 'PROCEDURE', text: '情報セキュリティについて\n\nこれはただの文章です。\n条も号もありません。\n' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DalError);
    expect((error as DalError).code).toBe('PARSE_FAILED');
    expect((error as DalError).message).toMatch(/\d+行目/);
    expect({ documents: await db().document.count(), revisions: await db().revision.count() }).toEqual(before);
  });

  it('refuses a second approved revision with the same effective date', async () => {
    const text = (await readFile('prisma/seed-data/fuchu-information-security-basic-policy.txt', 'utf8')).replace('目的とする。', '目的とするものである。');
    await expect(unsafeImportRevision({ slug: 'basic-policy', kind: 'BASIC_POLICY', text, effectiveDate: '2022-05-26' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('an approved revision can never be updated again', async () => {
    const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: 'basic-policy' } } });
    await expect(db().revision.update({ where: { id: revision.id }, data: { plainText: 'overwritten' } })).rejects.toThrow(/immutable/);
    const again = await db().revision.findUniqueOrThrow({ where: { id: revision.id } });
    expect(again.plainText).toBe(revision.plainText);
  });
});

describe('reading as an anonymous reader', () => {
  it('serves the basic policy in force with all ten articles and its history', async () => {
    const view = await getDocumentView('basic-policy');
    expect(view).not.toBeNull();
    const articles = allArticles(view!.revision.tree);
    expect(articles.map((a) => a.num)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(view!.revision.effectiveDate).toBe('2022-05-26');
    expect(view!.history.map((h) => [h.date, h.label])).toEqual([
      ['2003-10-01', '制定'],
      ['2019-05-22', '一部改正'],
      ['2022-05-26', '一部改正'],
    ]);
    expect(view!.history.at(-1)?.revisionNumber).toBe(1);
  });

  it('finds nothing in force before the first stored revision took effect', async () => {
    expect(await getDocumentView('basic-policy', { asOf: '2022-05-25' })).toBeNull();
    expect((await getDocumentView('basic-policy', { asOf: '2022-05-26' }))?.revision.number).toBe(1);
  });

  it('sees non-public documents without public excerpts exactly like missing ones', async () => {
    const hidden = await db().document.findMany({ where: { visibility: { not: 'PUBLIC' }, revisions: { none: { publicExcerptAnchors: { isEmpty: false } } } }, select: { slug: true } });
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const { slug } of hidden) expect(await getDocumentView(slug)).toBeNull();
    expect(await getDocumentView('no-such-document')).toBeNull();
  });

  it('lists and counts only public documents and public editions', async () => {
    const library = flatten(await listLibrary());
    expect(library.map((d) => [d.slug, d.edition])).toEqual([
      ['basic-policy', 'full'],
      ['sample-standard', 'excerpt'],
    ]);
    expect(library[0]!.inForce).toEqual({ number: 1, edition: 1, effectiveDate: '2022-05-26' });
    const overview = await getPortalOverview();
    expect(overview.counts).toEqual({ BASIC_POLICY: 1, STANDARD: 1, SAFETY_MANAGEMENT_STANDARD: 0, PROCEDURE: 0 });
    expect(overview.forMyDepartment).toBeNull();
  });

  it('reads only the public excerpt of a non-public standard', async () => {
    const view = await getDocumentView('sample-standard');
    expect(view?.document.edition).toBe('excerpt');
    expect(allArticles(view!.revision.tree).map((a) => a.id)).toEqual(['a1', 'a23']);
    expect(view!.revision.tree.tail).toEqual([]);
    expect(view!.history).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('パスワード');
  });
});

describe('sample documents', () => {
  it('are marked サンプル, non-public, and sit under the basic policy', async () => {
    const samples = await db().document.findMany({ where: { kind: { not: 'BASIC_POLICY' } }, include: { parent: true, revisions: true } });
    expect(samples.map((s) => s.kind).sort()).toEqual(['PROCEDURE', 'PROCEDURE', 'SAFETY_MANAGEMENT_STANDARD', 'STANDARD']);
    for (const s of samples) {
      expect(s.title).toContain('サンプル');
      expect(s.visibility).not.toBe('PUBLIC');
      expect(s.parent).not.toBeNull();
      expect(s.revisions.every((r) => r.status === 'APPROVED')).toBe(true);
    }
    const standard = samples.find((s) => s.kind === 'STANDARD')!;
    expect(standard.revisions.length).toBeGreaterThanOrEqual(2);
  });
});
