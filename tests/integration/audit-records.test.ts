import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as exportRoute from '@/app/api/v1/audit/export/route';
import * as verifyRoute from '@/app/api/v1/audit/verify/route';
import { refuseHostileRequest } from '@/lib/http/request-guard';
import { createDepartment } from '@/lib/server/admin/departments';
import { listAuditEvents } from '@/lib/server/audit/list-events';
import { flushDenialCounts } from '@/lib/server/audit/record-refusal';
import { getActor, PermissionDeniedError, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { runAction } from '@/lib/server/http/action-result';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { requestHeaders, signInAs } from '../support/as-user';

/*
 * Every state change and every refusal is in the trail (issue 15, section 4): imports from the
 * command line, refused writes and audit reads, anonymous requests for hidden documents counted
 * per hour; verification and export are POSTs.
 */

const asAdmin = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

const eventsWhere = (where: { action: string; outcome?: 'SUCCESS' | 'DENIED' | 'FAILED'; actorLoginId?: string | null; targetId?: string }) =>
  db().auditEvent.findMany({ where, orderBy: { seq: 'asc' } });

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

describe('npm run import', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the import as the system actor naming the operator and the OS user', async () => {
    const file = path.join(dir, 'policy.txt');
    writeFileSync(file, '取込み試験手順\n\n第１条　（目的）\nこの手順は、取込みの記録を試験する。\n\n付　則\nこの手順は、令和８年４月１日から施行する。\n');
    const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/import-policy.ts', file, '--slug', 'import-audit', '--kind', 'PROCEDURE', '--operator', '情報 太郎'], {
      env: { ...process.env },
      encoding: 'utf8',
    });
    expect(`${run.stdout}${run.stderr}`).toContain('取り込みました');
    expect(run.status).toBe(0);
    const [event] = await eventsWhere({ action: 'revision.import', targetId: 'import-audit' });
    expect(event).toMatchObject({ outcome: 'SUCCESS', actorLoginId: 'system:import', actorId: null, targetType: 'document' });
    expect(event!.details).toMatchObject({ operator: '情報 太郎', osUser: os.userInfo().username, file: 'policy.txt', revision: 1, documentCreated: true });
  });
});

describe('refusals', () => {
  it('a refused write names the actor, the action and the reason', async () => {
    await signInAs('demo-staff');
    await expect(createDepartment({ code: 'refused-dept', name: '拒否される部' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await vi.waitFor(async () => {
      const [event] = await eventsWhere({ action: 'department.manage', outcome: 'DENIED', actorLoginId: 'demo-staff' });
      expect(event?.details).toMatchObject({ reason: 'department:manage' });
    });
    expect(await db().department.count({ where: { code: 'refused-dept' } })).toBe(0);
  });

  it('the refusal commits although the write’s transaction rolled back', async () => {
    await signInAs('demo-editor');
    const actor = await getActor();
    await expect(
      db().$transaction(async (tx) => {
        await tx.department.create({ data: { code: 'rolled-back-dept', name: '取り消される部' } });
        requirePermission(actor, 'account:manage', { action: 'account.create', targetType: 'account', targetId: 'new-person' });
      }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await db().department.count({ where: { code: 'rolled-back-dept' } })).toBe(0);
    await vi.waitFor(async () => {
      const [event] = await eventsWhere({ action: 'account.create', outcome: 'DENIED', actorLoginId: 'demo-editor' });
      expect(event).toMatchObject({ targetType: 'account', targetId: 'new-person' });
      expect(event?.details).toMatchObject({ reason: 'account:manage' });
    });
  });

  it('a refusal the DAL throws past the permission check is recorded by the action wrapper', async () => {
    await signInAs('demo-staff');
    const result = await runAction(async () => {
      throw new PermissionDeniedError('revision:approve');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const [event] = await eventsWhere({ action: 'revision.approve', outcome: 'DENIED', actorLoginId: 'demo-staff' });
    expect(event?.details).toMatchObject({ reason: 'revision:approve' });
  });

  it('without a target named by the DAL, the refused page or route is the target', async () => {
    await signInAs('demo-approver');
    requestHeaders.set('x-portal-path', '/admin/departments');
    try {
      await expect(createDepartment({ code: 'refused-by-path', name: '拒否される部' })).rejects.toBeInstanceOf(PermissionDeniedError);
    } finally {
      requestHeaders.delete('x-portal-path');
    }
    await vi.waitFor(async () => {
      const [event] = await eventsWhere({ action: 'department.manage', outcome: 'DENIED', actorLoginId: 'demo-approver' });
      expect(event).toMatchObject({ targetType: 'path', targetId: '/admin/departments' });
    });
  });

  it('a refused read of the audit trail is recorded', async () => {
    await signInAs('demo-editor');
    await expect(listAuditEvents({})).rejects.toBeInstanceOf(PermissionDeniedError);
    await vi.waitFor(async () => {
      const events = await eventsWhere({ action: 'audit.read', outcome: 'DENIED', actorLoginId: 'demo-editor' });
      expect(events).toHaveLength(1);
    });
  });
});

describe('anonymous requests for hidden documents', () => {
  const slug = 'sample-procedure-media';

  it('are counted per hour, address and document, not written one by one', async () => {
    await signInAs(null);
    const before = (await eventsWhere({ action: 'document.read', outcome: 'DENIED', targetId: slug })).length;
    for (let i = 0; i < 5; i += 1) await getDocumentView(slug);
    expect(await eventsWhere({ action: 'document.read', outcome: 'DENIED', targetId: slug })).toHaveLength(before);
    const counts = await db().auditDenialCount.findMany({ where: { action: 'document.read', targetId: slug } });
    expect(counts.map((c) => c.count)).toEqual([5]);
  });

  it('an ended hour enters the trail as one event with its count at the next refusal', async () => {
    await asAdmin(`UPDATE audit_denial_counts SET hour = hour - interval '1 hour' WHERE target_id = $1`, [slug]);
    await getDocumentView(slug);
    const events = await eventsWhere({ action: 'document.read', outcome: 'DENIED', targetId: slug });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLoginId: null, targetType: 'document' });
    expect(events[0]!.details).toMatchObject({ aggregated: true, count: 5, reason: 'hidden' });
    expect((await db().auditDenialCount.findMany({ where: { targetId: slug } })).map((c) => c.count)).toEqual([1]);
    expect(await flushDenialCounts({ all: true })).toBe(1);
    expect(await db().auditDenialCount.count()).toBe(0);
  });

  it('a signed-in person’s refused read stays an event of its own', async () => {
    await db().user.create({ data: { loginId: 'outsider', displayName: '部局なし 職員', roles: ['STAFF'], passwordHash: null } });
    await signInAs('outsider');
    await getDocumentView(slug);
    await getDocumentView(slug);
    expect(await eventsWhere({ action: 'document.read', outcome: 'DENIED', actorLoginId: 'outsider', targetId: slug })).toHaveLength(2);
  });
});

describe('verification and export change state: POST only', () => {
  it('neither answers a GET', () => {
    expect('GET' in verifyRoute).toBe(false);
    expect('GET' in exportRoute).toBe(false);
  });

  it('POST /api/v1/audit/verify verifies and records it', async () => {
    await signInAs('demo-auditor');
    const response = await verifyRoute.POST(new Request('http://localhost/api/v1/audit/verify', { method: 'POST' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    expect((await eventsWhere({ action: 'audit.verify', actorLoginId: 'demo-auditor' })).length).toBeGreaterThan(0);
  });

  it('POST /api/v1/audit/export takes the filters as form fields and records the export', async () => {
    await signInAs('demo-auditor');
    const response = await exportRoute.POST(
      new Request('http://localhost/api/v1/audit/export', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=revision.import' }),
    );
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain('system:import');
    expect(csv).not.toContain('department.manage');
    const [event] = (await eventsWhere({ action: 'audit.export', actorLoginId: 'demo-auditor' })).slice(-1);
    expect(event?.details).toMatchObject({ filter: { action: 'revision.import' } });
  });

  it('a POST from another site is refused before it reaches them (CSRF)', async () => {
    for (const url of ['http://localhost:3000/api/v1/audit/export', 'http://localhost:3000/api/v1/audit/verify']) {
      const refused = await refuseHostileRequest(
        new NextRequest(url, { method: 'POST', headers: { origin: 'https://evil.example', host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=' }),
      );
      expect(refused?.status).toBe(403);
    }
  });
});
