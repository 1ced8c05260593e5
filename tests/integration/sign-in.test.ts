import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/server/auth/password';
import { signInWithPassword } from '@/lib/server/auth/sign-in';
import { db } from '@/lib/server/db';
import { contextFromHeaders, SOCKET_ADDRESS_HEADER } from '@/lib/server/request-context';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DEMO_PASSWORD, seedDatabase } from '@/lib/server/seed/seed-database';

const at = (clientAddress: string) => ({ clientAddress, userAgent: 'vitest', requestId: null });

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

describe('signInWithPassword', () => {
  it('signs in with the right password, creates a session and records the event', async () => {
    const result = await signInWithPassword({ loginId: 'demo-editor', password: DEMO_PASSWORD }, at('10.0.0.1'));
    expect(result.ok).toBe(true);
    const session = await db().userSession.findUniqueOrThrow({ where: { id: (result as { sessionId: string }).sessionId } });
    expect(session.clientAddress).toBe('10.0.0.1');
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'auth.sign-in' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ outcome: 'SUCCESS', actorLoginId: 'demo-editor', clientAddress: '10.0.0.1' });
    expect(JSON.stringify(event.details)).not.toContain(DEMO_PASSWORD);
  });

  it('answers an unknown id, a wrong password and a disabled account alike, and records each with its reason', async () => {
    await db().user.update({ where: { loginId: 'demo-approver' }, data: { status: 'DISABLED' } });
    try {
      const results = [
        await signInWithPassword({ loginId: 'no-such-person', password: 'whatever-password' }, at('10.0.0.2')),
        await signInWithPassword({ loginId: 'demo-staff', password: 'wrong-password-1' }, at('10.0.0.2')),
        await signInWithPassword({ loginId: 'demo-approver', password: DEMO_PASSWORD }, at('10.0.0.2')),
      ];
      expect(results).toEqual([
        { ok: false, reason: 'invalid' },
        { ok: false, reason: 'invalid' },
        { ok: false, reason: 'invalid' },
      ]);
      const events = await db().auditEvent.findMany({ where: { action: 'auth.sign-in', clientAddress: '10.0.0.2' }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => [e.outcome, (e.details as { reason: string }).reason])).toEqual([
        ['FAILED', 'unknown-login-id'],
        ['FAILED', 'wrong-password'],
        ['FAILED', 'account-disabled'],
      ]);
    } finally {
      await db().user.update({ where: { loginId: 'demo-approver' }, data: { status: 'ACTIVE' } });
    }
  });

  it('throttles one address after repeated failures across many login ids, with the counter in PostgreSQL', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 30; i += 1) await signInWithPassword({ loginId: `spray-${i}`, password: 'wrong-password-1' }, at(address));
    expect(await signInWithPassword({ loginId: 'demo-auditor', password: DEMO_PASSWORD }, at(address))).toEqual({ ok: false, reason: 'throttled' });
    expect((await signInWithPassword({ loginId: 'demo-auditor', password: DEMO_PASSWORD }, at('10.0.0.3'))).ok).toBe(true);
    const counter = await db().signInThrottle.findUniqueOrThrow({ where: { key: `addr:${address}` } });
    expect(counter.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db().auditEvent.count({ where: { action: 'auth.throttle', clientAddress: address } })).toBeGreaterThanOrEqual(1);
  });

  it('concurrent failures never lose a count', async () => {
    const loginId = 'concurrent-target';
    await Promise.all(Array.from({ length: 4 }, () => signInWithPassword({ loginId, password: 'wrong-password-1' }, at('10.0.0.4'))));
    const counter = await db().signInThrottle.findUniqueOrThrow({ where: { key: `id:${loginId}` } });
    expect(counter.failures).toBe(4);
  });

  it('refuses malformed credentials without touching the database', async () => {
    const before = await db().auditEvent.count();
    expect(await signInWithPassword({ loginId: '', password: '' }, at('10.0.0.5'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword({ loginId: 'x', password: 'y'.repeat(10_000) }, at('10.0.0.5'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword(null, at('10.0.0.5'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await db().auditEvent.count()).toBe(before);
  });

  it('counts parallel wrong passwords before verifying them: at most the limit get through, then the id is locked', async () => {
    const loginId = 'race-target';
    const password = 'race-target-password-1';
    await db().user.create({ data: { loginId, displayName: '競合 試験', passwordHash: await hashPassword(password), roles: ['STAFF'] } });
    const attempts = 16;
    // Each from its own address, so only the login id's limit (5) applies.
    const results = await Promise.all(Array.from({ length: attempts }, (_, i) => signInWithPassword({ loginId, password: `wrong-password-${i}` }, at(`10.7.0.${i + 1}`))));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(attempts - 5);
    const events = await db().auditEvent.findMany({ where: { action: 'auth.sign-in', actorLoginId: loginId } });
    expect(events.filter((e) => e.outcome === 'FAILED')).toHaveLength(5);
    expect(events.filter((e) => e.outcome === 'DENIED')).toHaveLength(attempts - 5);
    expect(await db().auditEvent.count({ where: { action: 'auth.throttle', actorLoginId: loginId } })).toBe(1);
    const counter = await db().signInThrottle.findUniqueOrThrow({ where: { key: `id:${loginId}` } });
    expect(counter.failures).toBe(5);
    expect(counter.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    // The right password while locked is refused, and is not counted.
    expect(await signInWithPassword({ loginId, password }, at('10.7.1.1'))).toEqual({ ok: false, reason: 'throttled' });
    expect((await db().signInThrottle.findUniqueOrThrow({ where: { key: `id:${loginId}` } })).failures).toBe(5);
  });

  it('gives a right password its reservation back: it neither counts nor keeps a lock', async () => {
    const loginId = 'refund-target';
    const password = 'refund-target-password-1';
    await db().user.create({ data: { loginId, displayName: '返却 試験', passwordHash: await hashPassword(password), roles: ['STAFF'] } });
    for (let i = 0; i < 4; i += 1) await signInWithPassword({ loginId, password: 'wrong-password-1' }, at('10.7.2.1'));
    // The fifth attempt reserves the last place (and locks meanwhile); it is right, so nothing stays.
    expect((await signInWithPassword({ loginId, password }, at('10.7.2.1'))).ok).toBe(true);
    expect(await db().signInThrottle.findUnique({ where: { key: `id:${loginId}` } })).toBeNull();
    expect((await db().signInThrottle.findUniqueOrThrow({ where: { key: 'addr:10.7.2.1' } })).failures).toBe(4);
    expect((await signInWithPassword({ loginId, password }, at('10.7.2.1'))).ok).toBe(true);
  });
});

describe('client address (PORTAL_TRUSTED_PROXY_HOPS)', () => {
  const forged = (extra: Record<string, string> = {}) => {
    const headers = new Headers({ 'x-forwarded-for': '10.9.9.1', [SOCKET_ADDRESS_HEADER]: '192.0.2.10', 'user-agent': 'vitest', ...extra });
    return { get: (name: string) => headers.get(name) };
  };

  it('with no trusted proxy, a forged X-Forwarded-For is neither the throttle key nor the address in the trail', async () => {
    const context = contextFromHeaders(forged(), { trustedHops: 0, socketHeaderTrusted: true });
    expect(context.clientAddress).toBe('192.0.2.10');
    await signInWithPassword({ loginId: 'forged-xff-0', password: 'wrong-password-1' }, context);
    expect(await db().signInThrottle.findUnique({ where: { key: 'addr:10.9.9.1' } })).toBeNull();
    expect(await db().signInThrottle.findUnique({ where: { key: 'addr:192.0.2.10' } })).not.toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'auth.sign-in', actorLoginId: 'forged-xff-0' } });
    expect(event.clientAddress).toBe('192.0.2.10');
  });

  it('behind one trusted proxy, the address that proxy appended is used and anything a client wrote before it is not', async () => {
    const context = contextFromHeaders(forged({ 'x-forwarded-for': '10.6.6.6, 10.9.9.1' }), { trustedHops: 1, socketHeaderTrusted: true });
    expect(context.clientAddress).toBe('10.9.9.1');
    await signInWithPassword({ loginId: 'forged-xff-1', password: 'wrong-password-1' }, context);
    expect(await db().signInThrottle.findUnique({ where: { key: 'addr:10.9.9.1' } })).not.toBeNull();
    expect(await db().signInThrottle.findUnique({ where: { key: 'addr:10.6.6.6' } })).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'auth.sign-in', actorLoginId: 'forged-xff-1' } });
    expect(event.clientAddress).toBe('10.9.9.1');
  });

  it('counts hops from the right and ignores what is not an address', () => {
    const read = (xff: string, hops: number, socket: string | null = '192.0.2.10') =>
      contextFromHeaders({ get: (n: string) => (n === 'x-forwarded-for' ? xff : n === SOCKET_ADDRESS_HEADER ? socket : null) }, { trustedHops: hops, socketHeaderTrusted: true }).clientAddress;
    expect(read('10.1.1.1, 10.2.2.2, 10.3.3.3', 2)).toBe('10.2.2.2');
    expect(read('10.3.3.3', 2)).toBe('10.3.3.3');
    expect(read('not-an-address', 1)).toBeNull();
    expect(read('', 1)).toBe('192.0.2.10');
    expect(read('10.3.3.3', 0, '::ffff:127.0.0.1')).toBe('127.0.0.1');
    // Without the server preload the socket header could be anyone's: it is not read at all.
    expect(contextFromHeaders({ get: (n: string) => (n === SOCKET_ADDRESS_HEADER ? '10.9.9.1' : null) }, { trustedHops: 0, socketHeaderTrusted: false }).clientAddress).toBeNull();
  });
});
