import { beforeAll, describe, expect, it } from 'vitest';
import { listDirectoryLinks, setDirectoryLink } from '@/lib/server/admin/directory-links';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { signInWithDirectory } from '@/lib/server/auth/directory-sign-in';
import { loadLiveSession } from '@/lib/server/auth/sessions';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { signInAs } from '../support/as-user';

const ISSUER = 'https://directory.example.lg.jp/realms/city';
const context = { clientAddress: '10.0.0.9', userAgent: 'vitest', requestId: null };
const idOf = async (loginId: string) => (await db().user.findUniqueOrThrow({ where: { loginId }, select: { id: true } })).id;

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

describe('signing in through the directory (issue 15 §5)', () => {
  it('refuses a subject nobody linked, even when its username claim is an existing login id', async () => {
    const before = await db().userSession.count();
    const result = await signInWithDirectory({ issuer: ISSUER, subject: 'f3a1c2d4-unlinked', preferredUsername: 'demo-admin' }, context);
    expect(result).toEqual({ ok: false, reason: 'unlinked' });
    expect(await db().userSession.count()).toBe(before);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'auth.sign-in' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ outcome: 'FAILED', actorId: null, actorLoginId: null, clientAddress: '10.0.0.9' });
    expect(event.details).toMatchObject({ reason: 'unlinked-subject', subject: 'f3a1c2d4-unlinked', claimedUsername: 'demo-admin' });
  });

  it('signs in as the account linked to issuer and subject, whatever username the token claims', async () => {
    await signInAs('demo-admin');
    await setDirectoryLink({ userId: await idOf('demo-staff'), issuer: ISSUER, subject: 'sub-staff-0001' });
    const result = await signInWithDirectory({ issuer: ISSUER, subject: 'sub-staff-0001', preferredUsername: 'demo-admin' }, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.userId).toBe(await idOf('demo-staff'));
    expect((await loadLiveSession(result.sessionId))?.user.loginId).toBe('demo-staff');
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'auth.sign-in' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ outcome: 'SUCCESS', actorLoginId: 'demo-staff' });
  });

  it('does not take the same subject from another issuer', async () => {
    expect(await signInWithDirectory({ issuer: 'https://other-directory.example/realms/city', subject: 'sub-staff-0001', preferredUsername: 'demo-staff' }, context)).toEqual({ ok: false, reason: 'unlinked' });
  });

  it('refuses a linked but disabled account', async () => {
    await signInAs('demo-admin');
    await setDirectoryLink({ userId: await idOf('demo-staff-other'), issuer: ISSUER, subject: 'sub-other-0002' });
    await db().user.update({ where: { loginId: 'demo-staff-other' }, data: { status: 'DISABLED' } });
    try {
      expect(await signInWithDirectory({ issuer: ISSUER, subject: 'sub-other-0002' }, context)).toEqual({ ok: false, reason: 'account-disabled' });
    } finally {
      await db().user.update({ where: { loginId: 'demo-staff-other' }, data: { status: 'ACTIVE' } });
    }
  });
});

describe('setDirectoryLink', () => {
  it('is for administrators only, and a refused call changes nothing', async () => {
    const userId = await idOf('demo-editor');
    for (const loginId of [null, 'demo-staff', 'demo-editor', 'demo-approver', 'demo-auditor']) {
      await signInAs(loginId);
      await expect(setDirectoryLink({ userId, issuer: ISSUER, subject: 'self-service' })).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listDirectoryLinks()).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).oidcSubject).toBeNull();
  });

  it('links, refuses a subject already linked elsewhere, and clears; each change in the trail', async () => {
    await signInAs('demo-admin');
    const editor = await idOf('demo-editor');
    const events = await db().auditEvent.count();
    await setDirectoryLink({ userId: editor, issuer: ISSUER, subject: 'sub-editor-0003' });
    await expect(setDirectoryLink({ userId: await idOf('demo-approver'), issuer: ISSUER, subject: 'sub-editor-0003' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await listDirectoryLinks()).links.map((l) => [l.loginId, l.subject])).toContainEqual(['demo-editor', 'sub-editor-0003']);

    await setDirectoryLink({ userId: editor, issuer: '', subject: '' });
    expect(await db().user.findUniqueOrThrow({ where: { id: editor }, select: { oidcIssuer: true, oidcSubject: true } })).toEqual({ oidcIssuer: null, oidcSubject: null });
    expect(await signInWithDirectory({ issuer: ISSUER, subject: 'sub-editor-0003' }, context)).toEqual({ ok: false, reason: 'unlinked' });

    const trail = await db().auditEvent.findMany({ where: { action: { startsWith: 'account.directory-' }, targetId: editor }, orderBy: { seq: 'asc' } });
    expect(trail.map((e) => [e.action, e.actorLoginId])).toEqual([
      ['account.directory-link', 'demo-admin'],
      ['account.directory-unlink', 'demo-admin'],
    ]);
    expect(trail[1]!.details).toMatchObject({ before: { issuer: ISSUER, subject: 'sub-editor-0003' }, after: null });
    expect(await db().auditEvent.count()).toBeGreaterThanOrEqual(events + 2);
  });

  it.each([
    [{ issuer: ISSUER, subject: '' }, 'INVALID_INPUT'],
    [{ issuer: '', subject: 'sub-x' }, 'INVALID_INPUT'],
    [{ issuer: 'http://directory.example', subject: 'sub-x' }, 'INVALID_INPUT'],
    [{ issuer: ISSUER, subject: 'sub x' }, 'INVALID_INPUT'],
  ])('refuses %j with a Japanese message', async (fields, code) => {
    await signInAs('demo-admin');
    const error = await setDirectoryLink({ userId: await idOf('demo-auditor'), ...fields }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DalError);
    expect(error).toMatchObject({ code });
    expect((error as DalError).message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('the database holds one account per issuer and subject, and never half a link', async () => {
    const [a, b] = [await idOf('demo-approver'), await idOf('demo-auditor')];
    await db().user.update({ where: { id: a }, data: { oidcIssuer: ISSUER, oidcSubject: 'sub-unique-0004' } });
    await expect(db().user.update({ where: { id: b }, data: { oidcIssuer: ISSUER, oidcSubject: 'sub-unique-0004' } })).rejects.toThrow();
    await expect(db().user.update({ where: { id: b }, data: { oidcIssuer: ISSUER } })).rejects.toThrow();
  });
});
