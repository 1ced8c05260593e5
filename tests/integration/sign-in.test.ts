import { beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword } from '@/lib/server/auth/sign-in';
import { db } from '@/lib/server/db';
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
});
