import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '@/lib/server/admin/departments';
import { getAuditEvent } from '@/lib/server/audit/get-event';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { signInAs } from '../support/as-user';

/** As a superuser with the append-only trigger off: the way an intruder with full database access would alter a row. */
async function tamper(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only; ${sql}; ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;`);
  } finally {
    await client.end();
  }
}

async function seqOf(where: { action: string; targetId?: string }): Promise<string> {
  const event = await db().auditEvent.findFirstOrThrow({ where, orderBy: { seq: 'desc' }, select: { seq: true } });
  return event.seq.toString();
}

let readSeq = '';
let departmentSeq = '';

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await recordStandaloneEvent({ action: 'test.before', outcome: 'SUCCESS' });
  await signInAs('demo-staff');
  await getDocumentView('sample-procedure-media');
  await signInAs('demo-admin');
  await createDepartment({ code: 'audit-event-test', name: '監査記録試験部' });
  await recordStandaloneEvent({ action: 'test.after', outcome: 'SUCCESS', details: { note: '後の記録' } });
  // The read is recorded after the response; wait until it is in the trail.
  for (let i = 0; i < 50 && !(await db().auditEvent.findFirst({ where: { action: 'document.read', targetId: 'sample-procedure-media' } })); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  readSeq = await seqOf({ action: 'document.read', targetId: 'sample-procedure-media' });
  departmentSeq = await seqOf({ action: 'department.create' });
});

describe("an audit event's own page (getAuditEvent)", () => {
  it('shows an auditor the whole record, its place in the chain and its neighbours', async () => {
    await signInAs('demo-auditor');
    const detail = await getAuditEvent({ seq: readSeq });
    expect(detail.scope).toBe('all');
    expect(detail.event).toMatchObject({
      seq: readSeq,
      action: 'document.read',
      outcome: 'SUCCESS',
      actorLoginId: 'demo-staff',
      targetType: 'document',
      targetId: 'sample-procedure-media',
      details: expect.objectContaining({ slug: 'sample-procedure-media' }),
    });
    expect(detail.event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.integrity).toBe('ok');
    const previous = await db().auditEvent.findFirstOrThrow({ where: { seq: { lt: BigInt(readSeq) } }, orderBy: { seq: 'desc' } });
    expect(detail.prevHash).toBe(previous.hash);
    expect(detail.olderSeq).toBe(previous.seq.toString());
    expect(BigInt(detail.newerSeq!)).toBeGreaterThan(BigInt(readSeq));
  });

  it.each([['999999999'], ['0'], ['abc'], ['1e3'], ['-1'], ['99999999999999999999'], ['']])('answers NOT_FOUND for seq %j', async (seq) => {
    await signInAs('demo-auditor');
    await expect(getAuditEvent({ seq })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([['demo-staff'], ['demo-editor'], ['demo-approver']])('refuses %s as it refuses them the list, whatever the seq', async (who) => {
    await signInAs(who);
    for (const seq of [readSeq, departmentSeq, '999999999', 'abc']) {
      await expect(getAuditEvent({ seq })).rejects.toMatchObject({ name: 'PermissionDeniedError', permission: 'audit:read' });
    }
  });

  it('asks an anonymous reader to sign in', async () => {
    await signInAs(null);
    const refusal = getAuditEvent({ seq: readSeq });
    await expect(refusal).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(refusal).rejects.toMatchObject({ permission: 'sign-in' });
  });

  it('shows an administrator administrative events only; any other answers as a missing one', async () => {
    await signInAs('demo-admin');
    const detail = await getAuditEvent({ seq: departmentSeq });
    expect(detail).toMatchObject({ scope: 'administrative', integrity: 'ok', event: { action: 'department.create', actorLoginId: 'demo-admin' } });
    await expect(getAuditEvent({ seq: readSeq })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Neighbours skip what the administrator may not open.
    for (const seq of [detail.newerSeq, detail.olderSeq].filter((s): s is string => s !== null)) {
      const action = (await db().auditEvent.findUniqueOrThrow({ where: { seq: BigInt(seq) }, select: { action: true } })).action;
      expect(action).toMatch(/^(account|department|grant)\./);
    }
    expect(detail.newerSeq).toBeNull();
  });

  it('names a row altered after it was written, and the row after a removed one', async () => {
    await signInAs('demo-auditor');
    await tamper(`UPDATE audit_events SET details = '{"slug": "basic-policy"}' WHERE seq = ${readSeq}`);
    expect((await getAuditEvent({ seq: readSeq })).integrity).toBe('altered');

    const next = (await getAuditEvent({ seq: readSeq })).newerSeq!;
    expect((await getAuditEvent({ seq: next })).integrity).toBe('ok');
    await tamper(`DELETE FROM audit_events WHERE seq = ${readSeq}`);
    await expect(getAuditEvent({ seq: readSeq })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getAuditEvent({ seq: next })).integrity).toBe('unlinked');
  });
});
