import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { GET as getDocument } from '@/app/api/v1/documents/[slug]/route';
import { GET as listDocuments } from '@/app/api/v1/documents/route';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';

const call = (slug: string, query = '') => getDocument(new Request(`http://localhost/api/v1/documents/${slug}${query}`), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase();
});

describe('JSON API', () => {
  it('GET /api/health answers 200 while the database is reachable', async () => {
    const response = await getHealth();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/v1/documents/basic-policy returns the revision in force with its tree', async () => {
    const response = await call('basic-policy');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.json();
    expect(body.document).toMatchObject({ slug: 'basic-policy', kind: 'BASIC_POLICY', visibility: 'PUBLIC' });
    expect(body.revision.effectiveDate).toBe('2022-05-26');
    // the deep tree (lib/policy-text/deep/tree.ts): article > paragraph > item > sub-item
    type TJsonNode = { kind: string; id: string; children: TJsonNode[] };
    const tree = body.revision.tree as { version: number; body: TJsonNode[]; tail: { kind: string; effectiveDate?: string }[] };
    expect(tree.version).toBe(2);
    const articles = tree.body.filter((n) => n.kind === 'article');
    expect(articles).toHaveLength(10);
    const items = (article: number, paragraph = 0) => articles[article]!.children[paragraph]!.children;
    expect(items(1)).toHaveLength(16);
    expect(articles[2]!.children).toHaveLength(2);
    expect(items(2, 1)).toHaveLength(4);
    expect(items(6)).toHaveLength(8);
    expect(items(6)[2]!.children.map((s) => s.id)).toEqual(['a7-i3-s1', 'a7-i3-s2', 'a7-i3-s3']);
    expect(items(7)).toHaveLength(2);
    expect(tree.tail.filter((u) => u.kind === 'supplementary').map((s) => s.effectiveDate)).toEqual(['2003-10-01', '2019-05-22', '2022-05-26']);
    expect(tree.tail.filter((u) => u.kind === 'appendix')).toHaveLength(1);
  });

  it('answers a hidden document exactly like a missing one', async () => {
    const missing = await call('no-such-document');
    const hidden = await call('sample-safety-management-standard');
    const invalid = await call('..%2Fetc');
    for (const response of [missing, hidden, invalid]) expect(response.status).toBe(404);
    const bodies = await Promise.all([missing, hidden, invalid].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain('サンプル');
  });

  it('rejects a malformed asOf with a typed Japanese error', async () => {
    const response = await call('basic-policy', '?asOf=2022-13-40');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('YYYY-MM-DD') } });
  });

  it('GET /api/v1/documents lists only what the reader may see', async () => {
    const response = await listDocuments(new Request('http://localhost/api/v1/documents'));
    const body = await response.json();
    const slugs = (nodes: { slug: string; children: unknown[] }[]): string[] => nodes.flatMap((n) => [n.slug, ...slugs(n.children as never)]);
    expect(slugs(body.documents)).toEqual(['basic-policy', 'sample-standard']);
  });
});
