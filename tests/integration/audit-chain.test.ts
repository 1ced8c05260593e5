import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { unsafeVerifyAuditChain } from '@/lib/server/audit/verify-chain';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';

async function superuser<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  for (let i = 0; i < 5; i += 1) await recordStandaloneEvent({ action: 'test.event', outcome: 'SUCCESS', details: { i, text: '監査 ①' } });
});

describe('audit trail integrity', () => {
  it('the chain verifies and reports its head', async () => {
    const result = await unsafeVerifyAuditChain();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.checked).toBeGreaterThanOrEqual(5);
      expect(result.head?.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to a superuser while the triggers are on', async () => {
    await expect(superuser(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(superuser('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(superuser('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('50 concurrent writers leave one unbroken chain', async () => {
    const before = await db().auditEvent.count();
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordStandaloneEvent({ action: 'test.concurrent', outcome: 'SUCCESS', details: { i } })));
    expect(await db().auditEvent.count()).toBe(before + 50);
    const result = await unsafeVerifyAuditChain();
    expect(result).toMatchObject({ ok: true });
    const forks = await superuser<{ n: string }>('SELECT count(*) AS n FROM (SELECT prev_hash FROM audit_events GROUP BY prev_hash HAVING count(*) > 1) f');
    expect(forks[0]?.n).toBe('0');
  });

  it('an event is written in the same transaction as its change: a failure afterwards leaves neither', async () => {
    const before = { events: await db().auditEvent.count(), departments: await db().department.count() };
    const { recordEvent } = await import('@/lib/server/audit/record-event');
    await expect(
      db().$transaction(async (tx) => {
        await tx.department.create({ data: { code: 'rolled-back', name: '取り消される部' } });
        await recordEvent(tx, { action: 'department.create', outcome: 'SUCCESS' });
        throw new Error('failure after the change');
      }),
    ).rejects.toThrow('failure after the change');
    expect({ events: await db().auditEvent.count(), departments: await db().department.count() }).toEqual(before);
    expect(await unsafeVerifyAuditChain()).toMatchObject({ ok: true });
  });

  it('a row altered directly (trigger disabled by a superuser) is named by its sequence number', async () => {
    const [target] = await superuser<{ seq: string }>(`SELECT seq::text FROM audit_events WHERE action = 'test.event' ORDER BY seq LIMIT 1 OFFSET 2`);
    await superuser(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
      UPDATE audit_events SET details = '{"i": 99}' WHERE seq = ${target!.seq};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;`);
    try {
      const result = await unsafeVerifyAuditChain();
      expect(result).toMatchObject({ ok: false, brokenAt: target!.seq });
    } finally {
      const [original] = await superuser<{ d: string }>(`SELECT '{"i": 2, "text": "監査 ①"}' AS d`);
      await superuser(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
        UPDATE audit_events SET details = '${original!.d}' WHERE seq = ${target!.seq};
        ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;`);
    }
    expect(await unsafeVerifyAuditChain()).toMatchObject({ ok: true });
  });

  it('deleting the last rows is caught when verifying against a head saved earlier', async () => {
    await recordStandaloneEvent({ action: 'test.tail', outcome: 'SUCCESS' });
    await recordStandaloneEvent({ action: 'test.tail', outcome: 'SUCCESS' });
    const saved = await unsafeVerifyAuditChain();
    if (!saved.ok || !saved.head) throw new Error('chain should verify');
    await superuser(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
      DELETE FROM audit_events WHERE action = 'test.tail';
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;`);
    // The shortened chain is still internally consistent…
    expect(await unsafeVerifyAuditChain()).toMatchObject({ ok: true });
    // …but it no longer extends the head saved before the deletion.
    const result = await unsafeVerifyAuditChain({ expectHead: { seq: BigInt(saved.head.seq), hash: saved.head.hash } });
    expect(result).toMatchObject({ ok: false, brokenAt: saved.head.seq });
  });
});
