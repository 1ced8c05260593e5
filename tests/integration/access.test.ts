import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { getPortalOverview } from '@/lib/server/documents/get-portal-overview';
import { listLibrary } from '@/lib/server/documents/list-library';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { getActor } from '@/lib/server/auth/actor';
import { signInAs } from '../support/as-user';
import type { TLibraryNode } from '@/lib/domain/documents';


const flatten = (nodes: TLibraryNode[]): TLibraryNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

type TExpect = 'full' | 'excerpt' | 404;
const DOCS = ['basic-policy', 'sample-standard', 'sample-procedure-password', 'sample-safety-management-standard', 'sample-procedure-media'] as const;

// PUBLIC · STAFF with excerpts · STAFF · RESTRICTED granted to 総務部 · RESTRICTED granted to 総務部
const MATRIX: Record<string, TExpect[]> = {
  anonymous: ['full', 'excerpt', 404, 404, 404],
  'demo-staff': ['full', 'full', 'full', 'full', 'full'],
  'demo-staff-other': ['full', 'full', 'full', 404, 404],
  'demo-editor': ['full', 'full', 'full', 'full', 'full'],
  'demo-approver': ['full', 'full', 'full', 'full', 'full'],
  'demo-auditor': ['full', 'full', 'full', 'full', 'full'],
  'demo-admin': ['full', 'full', 'full', 404, 404],
};

describe('document access matrix (data access layer)', () => {
  for (const [who, expected] of Object.entries(MATRIX)) {
    it(`${who}: reads, lists and counts exactly what it may`, async () => {
      await signInAs(who === 'anonymous' ? null : who);
      const library = flatten(await listLibrary());
      for (const [i, slug] of DOCS.entries()) {
        const view = await getDocumentView(slug);
        const want = expected[i]!;
        if (want === 404) {
          expect(view, `${who} ${slug}`).toBeNull();
          expect(library.find((d) => d.slug === slug), `${who} lists ${slug}`).toBeUndefined();
        } else {
          expect(view?.document.edition, `${who} ${slug}`).toBe(want);
          expect(library.find((d) => d.slug === slug)?.edition).toBe(want);
        }
      }
      const overview = await getPortalOverview();
      const visible = expected.filter((e) => e !== 404).length;
      expect(Object.values(overview.counts).reduce((a, b) => a + b, 0)).toBe(visible);
    });
  }

  it('a signed-in member of 総務部 sees the documents of 総務部 on the home page', async () => {
    await signInAs('demo-staff');
    const overview = await getPortalOverview();
    expect(overview.forMyDepartment?.departmentName).toBe('総務部');
    expect(overview.forMyDepartment?.documents.map((d) => d.slug).sort()).toEqual(
      ['basic-policy', 'sample-procedure-media', 'sample-safety-management-standard', 'sample-standard'].sort(),
    );
  });
});

describe('sessions re-read the account on every request', () => {
  it('disabling an account ends its existing session on the next request', async () => {
    await signInAs('demo-staff-other');
    expect((await getActor()).kind).toBe('user');
    await db().user.update({ where: { loginId: 'demo-staff-other' }, data: { status: 'DISABLED' } });
    try {
      expect((await getActor()).kind).toBe('anonymous');
      expect(await getDocumentView('sample-procedure-password')).toBeNull();
    } finally {
      await db().user.update({ where: { loginId: 'demo-staff-other' }, data: { status: 'ACTIVE' } });
    }
  });

  it('removing a role takes effect on the next request', async () => {
    await signInAs('demo-auditor');
    expect(await getDocumentView('sample-safety-management-standard')).not.toBeNull();
    const before = await db().user.findUniqueOrThrow({ where: { loginId: 'demo-auditor' }, select: { roles: true } });
    await db().user.update({ where: { loginId: 'demo-auditor' }, data: { roles: ['STAFF'] } });
    try {
      expect(await getDocumentView('sample-safety-management-standard')).toBeNull();
    } finally {
      await db().user.update({ where: { loginId: 'demo-auditor' }, data: { roles: before.roles } });
    }
  });

  it('a revoked, expired or idle session is no session', async () => {
    const sid = await signInAs('demo-staff');
    expect((await getActor()).kind).toBe('user');
    await db().userSession.update({ where: { id: sid! }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await getActor()).kind).toBe('anonymous');

    const sid2 = await signInAs('demo-staff');
    await db().userSession.update({ where: { id: sid2! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getActor()).kind).toBe('anonymous');

    const sid3 = await signInAs('demo-staff');
    await db().userSession.update({ where: { id: sid3! }, data: { revokedAt: new Date() } });
    expect((await getActor()).kind).toBe('anonymous');
  });

  it('a forged or tampered session cookie is anonymous', async () => {
    const { cookieJar } = await import('../support/as-user');
    await signInAs('demo-editor');
    const [name, value] = [...cookieJar.entries()][0]!;
    cookieJar.set(name, value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
    expect((await getActor()).kind).toBe('anonymous');
    cookieJar.set(name, 'not-a-jwt');
    expect((await getActor()).kind).toBe('anonymous');
  });
});

describe('reads are recorded', () => {
  it('a read of a non-public document, and a denied attempt, each leave one event; public reads and missing slugs none', async () => {
    await signInAs('demo-staff-other');
    const count = () => db().auditEvent.count({ where: { action: 'document.read', actorLoginId: 'demo-staff-other' } });
    const before = await count();
    await getDocumentView('sample-procedure-password');
    await getDocumentView('sample-safety-management-standard');
    await getDocumentView('basic-policy');
    await getDocumentView('no-such-document');
    expect(await count()).toBe(before + 2);
    const events = await db().auditEvent.findMany({ where: { action: 'document.read', actorLoginId: 'demo-staff-other' }, orderBy: { seq: 'desc' }, take: 2 });
    expect(events.map((e) => [e.outcome, e.targetId])).toEqual([
      ['DENIED', 'sample-safety-management-standard'],
      ['SUCCESS', 'sample-procedure-password'],
    ]);
    expect(events[0]!.actorDepartment).toBe('citizens');
  });
});
