import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '@/lib/server/admin/departments';
import { exportAuditCsv, listAuditEvents } from '@/lib/server/audit/list-events';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { getLastVerification, verifyAuditChainForAuditor } from '@/lib/server/audit/verify-for-auditor';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { signInAs } from '../support/as-user';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await signInAs('demo-staff');
  await getDocumentView('sample-procedure-media');
  await signInAs('demo-admin');
  await createDepartment({ code: 'audit-trail-test', name: '=HYPERLINK("http://evil.example")' });
});

describe('the audit trail for auditors and administrators', () => {
  it('is closed to anonymous readers, staff and editors', async () => {
    for (const who of [null, 'demo-staff', 'demo-editor', 'demo-approver']) {
      await signInAs(who);
      await expect(listAuditEvents({})).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(exportAuditCsv({})).rejects.toBeInstanceOf(PermissionDeniedError);
    }
  });

  it('auditors filter by actor, action, document and outcome, newest first, with keyset pages', async () => {
    await signInAs('demo-auditor');
    const reads = await listAuditEvents({ document: 'sample-procedure-media', action: 'document.read' });
    expect(reads.scope).toBe('all');
    expect(reads.events[0]).toMatchObject({ actorLoginId: 'demo-staff', outcome: 'SUCCESS', targetId: 'sample-procedure-media' });
    const byActor = await listAuditEvents({ actor: 'demo-admin', action: 'department.' });
    expect(byActor.events.map((e) => e.action)).toContain('department.create');

    for (let i = 0; i < 60; i += 1) await recordStandaloneEvent({ action: 'test.paging', outcome: 'SUCCESS', details: { i } });
    const first = await listAuditEvents({ action: 'test.paging' });
    expect(first.events).toHaveLength(50);
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEvents({ action: 'test.paging', before: first.nextBefore });
    expect(second.events).toHaveLength(10);
    expect(second.nextBefore).toBeNull();
    const seqs = [...first.events, ...second.events].map((e) => BigInt(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (b > a ? 1 : -1)));
    expect((second.events[0] as { details: { i: number } }).details.i).toBe(9);
  });

  it('administrators see administrative events only', async () => {
    await signInAs('demo-admin');
    const page = await listAuditEvents({});
    expect(page.scope).toBe('administrative');
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((e) => /^(account|department|grant)\./.test(e.action))).toBe(true);
  });

  it('rejects malformed filters with a Japanese message', async () => {
    await signInAs('demo-auditor');
    await expect(listAuditEvents({ from: '2026/01/01' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('YYYY-MM-DD') });
    await expect(listAuditEvents({ before: "1; DROP TABLE audit_events" })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('exports CSV in UTF-8 with BOM, defuses formulas, and records the export', async () => {
    await signInAs('demo-auditor');
    await recordStandaloneEvent({ action: 'test.formula', outcome: 'SUCCESS', targetType: 'document', targetId: '=cmd|calc!A1', details: { note: '改行\nと"引用符"' } });
    const exportsBefore = await db().auditEvent.count({ where: { action: 'audit.export' } });
    const bytes = await readAll(await exportAuditCsv({ action: 'department.create' }));
    const formula = new TextDecoder().decode(await readAll(await exportAuditCsv({ action: 'test.formula' })));
    expect(formula).toContain(`,'=cmd|calc!A1,`);
    expect(formula).toContain('"{""note"":');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toContain('連番,日時(UTC),操作者');
    expect(text).toContain('department.create');
    expect(text).not.toMatch(/,=HYPERLINK/);
    expect(await db().auditEvent.count({ where: { action: 'audit.export' } })).toBe(exportsBefore + 2);
  });

  it('an auditor verifies the chain and the screen shows the last verification', async () => {
    await signInAs('demo-auditor');
    const result = await verifyAuditChainForAuditor();
    expect(result.ok).toBe(true);
    const last = await getLastVerification();
    expect(last).toMatchObject({ ok: true, by: 'demo-auditor' });
    expect(last!.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
