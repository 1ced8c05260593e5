import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { createDepartment, listDepartments } from '@/lib/server/admin/departments';
import { setDocumentApplicability } from '@/lib/server/acknowledgments/set-applicability';
import { acknowledgeRevision } from '@/lib/server/acknowledgments/acknowledge-revision';
import { getAcknowledgment } from '@/lib/server/acknowledgments/get-acknowledgment';
import { getAcknowledgmentBoard } from '@/lib/server/acknowledgments/get-board';
import { exportAcknowledgmentBoard } from '@/lib/server/acknowledgments/export-board';
import { listMyAcknowledgmentTasks } from '@/lib/server/acknowledgments/my-tasks';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { getDraftEditor } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';

const TODAY = new Date('2026-11-26T03:00:00Z');
const PASSWORD = 'sample-procedure-password';

async function superuser(sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const departmentId = async (code: string) => (await db().department.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

async function createUser(loginId: string, departmentCode: string, roles: string[] = ['STAFF'], since = '2026-11-01'): Promise<void> {
  await db().user.create({ data: { loginId, displayName: loginId, roles: roles as never, departmentId: await departmentId(departmentCode), departmentSince: new Date(`${since}T00:00:00Z`) } });
}

async function tasksOf(loginId: string) {
  await signInAs(loginId);
  return listMyAcknowledgmentTasks();
}

/** Drafts, submits and approves an amendment of the password procedure; returns its number. */
async function amend(options: { effectiveDate: string; changeKind?: 'SUBSTANTIVE' | 'WORDING'; confirm?: 'SUBSTANTIVE' | 'WORDING'; earlyReading?: boolean; ackDueDays?: number; marker: string }) {
  await signInAs('demo-editor');
  const { number } = await startDraft({ slug: PASSWORD });
  const editor = (await getDraftEditor(PASSWORD))!;
  const text = editor.text.replace(/(第1条　[^\n]*?)。/, `$1（${options.marker}）。`);
  expect(text).not.toBe(editor.text);
  await saveDraft({ slug: PASSWORD, number, baseVersion: editor.version, text });
  await submitRevision({ slug: PASSWORD, number, changeReason: '改正', effectiveDate: options.effectiveDate, ...(options.changeKind ? { changeKind: options.changeKind } : {}) });
  await signInAs('demo-approver');
  await approveRevision({ slug: PASSWORD, number, comment: '', effectiveDate: options.effectiveDate, changeKind: options.confirm, earlyReading: options.earlyReading, ackDueDays: options.ackDueDays });
  return number;
}

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await createUser('ack-reader', 'general-affairs-joho-system');
  await createUser('ack-citizen', 'citizens-shimin');
  setClockForTests(TODAY);
});
afterEach(() => setClockForTests(TODAY));

describe('acknowledgment tasks', () => {
  it('asks everyone a document applies to about the revision in force, due 14 days after they could first be asked', async () => {
    const tasks = await tasksOf('ack-reader');
    const password = tasks.find((t) => t.slug === PASSWORD)!;
    // asked since 2022, but the person joined their unit on 2026-11-01: due 2026-11-15, past today
    expect(password).toMatchObject({ number: 1, edition: 1, state: 'overdue', dueOn: '2026-11-15', lastNumber: null });
  });

  it('shows the text, records the acknowledgment with the unit and in the trail, and refuses a second one', async () => {
    await signInAs('ack-reader');
    const view = (await getAcknowledgment(PASSWORD))!;
    expect(view.show).toBe('text');
    await expect(acknowledgeRevision({ slug: PASSWORD, number: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await acknowledgeRevision({ slug: PASSWORD, number: 1 })).toEqual({ number: 1, edition: 1 });
    await expect(acknowledgeRevision({ slug: PASSWORD, number: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await listMyAcknowledgmentTasks()).map((t) => t.slug)).not.toContain(PASSWORD);
    const row = await db().acknowledgment.findFirstOrThrow({ where: { user: { loginId: 'ack-reader' }, document: { slug: PASSWORD } } });
    expect(row.departmentName).toBe('情報システム係');
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'acknowledgment.create', actorLoginId: 'ack-reader' } });
    expect(event).toMatchObject({ targetId: PASSWORD, outcome: 'SUCCESS' });
    // history is never rewritten: the table refuses changes even to its owner's superuser session
    await expect(superuser(`UPDATE acknowledgments SET department_name = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
  });

  it('a revision scheduled earlier asks from its date, with no request in between, with the comparison from the last acknowledged one', async () => {
    const number = await amend({ effectiveDate: '2027-01-10', changeKind: 'SUBSTANTIVE', marker: '令和9年改正' });
    // approved, not yet in force: nothing asked
    expect((await tasksOf('ack-reader')).map((t) => t.slug)).not.toContain(PASSWORD);
    setClockForTests(new Date('2027-01-10T00:30:00Z'));
    const task = (await tasksOf('ack-reader')).find((t) => t.slug === PASSWORD)!;
    expect(task).toMatchObject({ number, edition: 2, state: 'open', dueOn: '2027-01-24', lastNumber: 1, early: false });
    const view = (await getAcknowledgment(PASSWORD))!;
    expect(view.show).toBe('comparison');
    if (view.show === 'comparison') expect([view.comparison.from.number, view.comparison.to.number]).toEqual([1, number]);
    // the screen must have shown the comparison from 第1版
    await expect(acknowledgeRevision({ slug: PASSWORD, number })).rejects.toMatchObject({ code: 'CONFLICT' });
    await acknowledgeRevision({ slug: PASSWORD, number, comparedFrom: 1 });
    expect((await listMyAcknowledgmentTasks()).map((t) => t.slug)).not.toContain(PASSWORD);
  });

  it('a wording revision asks nobody who acknowledged the substantive one; a substantive one compares from the last acknowledged, not the previous', async () => {
    setClockForTests(new Date('2027-01-10T03:00:00Z'));
    const wording = await amend({ effectiveDate: '2027-02-01', changeKind: 'WORDING', marker: '字句' });
    const substantive = await amend({ effectiveDate: '2027-03-01', changeKind: 'WORDING', confirm: 'SUBSTANTIVE', ackDueDays: 30, marker: '実質' });
    setClockForTests(new Date('2027-02-02T03:00:00Z'));
    expect((await tasksOf('ack-reader')).map((t) => t.slug)).not.toContain(PASSWORD);
    // a newcomer reads the text in force (the wording revision)
    await createUser('ack-newcomer', 'general-affairs-somu', ['STAFF'], '2027-02-02');
    expect((await tasksOf('ack-newcomer')).find((t) => t.slug === PASSWORD)).toMatchObject({ number: wording, dueOn: '2027-02-16' });
    setClockForTests(new Date('2027-03-01T03:00:00Z'));
    const task = (await tasksOf('ack-reader')).find((t) => t.slug === PASSWORD)!;
    expect(task).toMatchObject({ number: substantive, dueOn: '2027-03-31' });
    const view = (await getAcknowledgment(PASSWORD))!;
    expect(view.show === 'comparison' && view.comparison.from.number).toBe(2);
  });

  it('early reading asks from the approval day, before the revision is in force', async () => {
    setClockForTests(new Date('2027-03-01T03:00:00Z'));
    const number = await amend({ effectiveDate: '2027-05-01', earlyReading: true, marker: '周知' });
    expect((await tasksOf('ack-citizen')).find((t) => t.slug === PASSWORD)).toMatchObject({ number, early: true, dueOn: '2027-03-15' });
  });

  it('never asks about a document the person may not read', async () => {
    // granted to 総務部 itself: its 部 member reads it, the 課 member does not
    expect((await tasksOf('demo-staff')).map((t) => t.slug)).toContain('sample-safety-management-standard');
    expect((await tasksOf('demo-staff-somu')).map((t) => t.slug)).not.toContain('sample-safety-management-standard');
    expect(await getAcknowledgment('sample-safety-management-standard')).toBeNull();
    await expect(acknowledgeRevision({ slug: 'sample-safety-management-standard', number: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a document for chosen units asks their members and those below; a transfer brings its tasks, due from the move', async () => {
    const doc = await db().document.update({ where: { slug: 'sample-standard' }, data: { ackAllStaff: false } });
    await db().documentAckUnit.create({ data: { documentId: doc.id, departmentId: await departmentId('general-affairs') } });
    expect((await tasksOf('ack-citizen')).map((t) => t.slug)).not.toContain('sample-standard');
    expect((await tasksOf('ack-reader')).map((t) => t.slug)).toContain('sample-standard');
    await db().user.update({ where: { loginId: 'ack-citizen' }, data: { departmentId: await departmentId('general-affairs-joho'), departmentSince: new Date('2026-11-20T00:00:00Z') } });
    expect((await tasksOf('ack-citizen')).find((t) => t.slug === 'sample-standard')).toMatchObject({ number: 2, dueOn: '2026-12-04', state: 'open' });
    await db().documentAckUnit.deleteMany({ where: { documentId: doc.id } });
    await db().document.update({ where: { id: doc.id }, data: { ackAllStaff: true } });
  });
});

describe('the managers’ view', () => {
  it('refuses those without a scope, and is the unit and those below for a 課長 and a 部長, the city for the CISO and auditors', async () => {
    for (const loginId of ['demo-staff', 'demo-editor', 'demo-approver', 'demo-admin']) {
      await signInAs(loginId);
      await expect(getAcknowledgmentBoard({}), loginId).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    const unitsOf = async (loginId: string) => {
      await signInAs(loginId);
      const board = await getAcknowledgmentBoard({});
      return new Set(board.people.map((p) => p.departmentName));
    };
    expect([...(await unitsOf('demo-section-chief'))].sort()).toEqual(['総務課']);
    expect([...(await unitsOf('demo-director'))].sort()).toEqual(['情報システム係', '情報政策課', '総務課', '総務部'].sort());
    for (const loginId of ['demo-ciso', 'demo-auditor']) {
      await signInAs(loginId);
      const city = await getAcknowledgmentBoard({});
      expect(city.scope, loginId).toBe('city');
      expect(city.byUnit.map((u) => u.name)).toEqual(expect.arrayContaining(['総務部', '市民部']));
      // the city is counted, not listed; a unit lists its people
      expect(city.peopleListed).toBe(false);
      const citizens = await getAcknowledgmentBoard({ unit: await departmentId('citizens') });
      expect(citizens.people.length).toBeGreaterThan(0);
      for (const person of citizens.people) expect(['市民部', '市民課']).toContain(person.departmentName);
    }

    await signInAs('demo-section-chief');
    await expect(getAcknowledgmentBoard({ unit: await departmentId('citizens') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(getAcknowledgmentBoard({ state: 'nonsense' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('counts change when a member acknowledges, and filter by state', async () => {
    await signInAs('demo-section-chief');
    const before = await getAcknowledgmentBoard({ document: 'sample-standard' });
    const row = before.documents.find((d) => d.slug === 'sample-standard')!;
    const waiting = (await getAcknowledgmentBoard({ document: 'sample-standard', state: 'open' })).people.concat((await getAcknowledgmentBoard({ document: 'sample-standard', state: 'overdue' })).people);
    expect(waiting.map((p) => p.loginId)).toContain('demo-staff-somu');
    await signInAs('demo-staff-somu');
    const view = (await getAcknowledgment('sample-standard'))!;
    expect(view.show === 'comparison' && view.comparison.from.number).toBe(1);
    await acknowledgeRevision({ slug: 'sample-standard', number: 2, comparedFrom: 1 });
    await signInAs('demo-section-chief');
    const after = (await getAcknowledgmentBoard({ document: 'sample-standard' })).documents.find((d) => d.slug === 'sample-standard')!;
    expect(after.done).toBe(row.done + 1);
    expect((await getAcknowledgmentBoard({ document: 'sample-standard', state: 'done' })).people.map((p) => p.loginId)).toContain('demo-staff-somu');
  });

  it('the counts (kept by triggers) agree with the people listed, also after a transfer', async () => {
    const check = async () => {
      await signInAs('demo-director');
      const board = await getAcknowledgmentBoard({});
      for (const doc of board.documents) {
        const listed = board.people.filter((p) => p.slug === doc.slug);
        const by = (state: string) => listed.filter((p) => p.state === state).length;
        expect({ slug: doc.slug, done: doc.done, open: doc.open, overdue: doc.overdue }).toEqual({ slug: doc.slug, done: by('done'), open: by('open'), overdue: by('overdue') });
      }
      return board;
    };
    const before = await check();
    // 総務課 次郎 moves to 市民課: leaves the 部長's figures, acknowledgments and all
    await db().user.update({ where: { loginId: 'demo-staff-somu' }, data: { departmentId: await departmentId('citizens-shimin') } });
    const after = await check();
    const done = (b: typeof before) => b.documents.reduce((s, d) => s + d.done, 0);
    expect(done(after)).toBeLessThan(done(before));
    await signInAs('demo-ciso');
    const shimin = await getAcknowledgmentBoard({ unit: await departmentId('citizens-shimin'), document: 'sample-standard' });
    expect(shimin.documents[0]!.done).toBe(1);
    await db().user.update({ where: { loginId: 'demo-staff-somu' }, data: { departmentId: await departmentId('general-affairs-somu') } });
    expect(done(await check())).toBe(done(before));
    // the date of joining alone decides whose own due date still lies ahead after a round's: the counts follow it
    const { departmentSince } = await db().user.findUniqueOrThrow({ where: { loginId: 'demo-staff-somu' }, select: { departmentSince: true } });
    for (const since of ['2026-11-20', '2026-01-05']) {
      await db().user.update({ where: { loginId: 'demo-staff-somu' }, data: { departmentSince: new Date(`${since}T00:00:00Z`) } });
      expect(done(await check())).toBe(done(before));
    }
    await db().user.update({ where: { loginId: 'demo-staff-somu' }, data: { departmentSince } });
  });

  it('exports only the manager’s scope, as CSV with a BOM, and records the export', async () => {
    await signInAs('demo-staff');
    await expect(exportAcknowledgmentBoard({ format: 'csv' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await signInAs('demo-section-chief');
    const file = await exportAcknowledgmentBoard({ format: 'csv' });
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(file.body).trim().split('\r\n');
    expect(lines[0]).toBe('文書,版,施行日,部署,氏名,ログインID,状況,確認期限,確認日時,前回確認した版');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(',')[3]).toBe('総務課');
    await expect(exportAcknowledgmentBoard({ format: 'csv', unit: await departmentId('citizens') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'acknowledgment.export', actorLoginId: 'demo-section-chief' }, orderBy: { seq: 'desc' } });
    expect(event.details).toMatchObject({ format: 'csv', rows: lines.length - 1 });
  });

  it('the CISO sees every 部 and its progress day by day', async () => {
    await signInAs('demo-ciso');
    const board = await getAcknowledgmentBoard({});
    expect(board.scope).toBe('city');
    expect(board.byUnit.map((u) => u.name)).toContain('総務部');
    expect(board.series!.find((s) => s.name === '総務部')!.points.at(-1)!.share).toBeGreaterThan(0);
  });
});

describe('the hierarchy in /admin', () => {
  it('adds a 係 under a 課, refuses an unknown parent and a 係 without one, storing nothing', async () => {
    await signInAs('demo-admin');
    await createDepartment({ code: 'general-affairs-somu-bunsho', name: '文書係', kind: 'KAKARI', parentCode: 'general-affairs-somu' });
    const rows = await listDepartments();
    const index = rows.findIndex((r) => r.code === 'general-affairs-somu-bunsho');
    expect(rows[index]).toMatchObject({ kind: 'KAKARI', depth: 2 });
    expect(rows.slice(0, index).map((r) => r.code)).toContain('general-affairs-somu');
    await expect(createDepartment({ code: 'orphan-1', name: '孤立係', kind: 'KAKARI', parentCode: 'no-such-unit' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '上位の部局が見つかりません。' });
    await expect(createDepartment({ code: 'orphan-2', name: '孤立係', kind: 'KAKARI' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await db().department.count({ where: { code: { startsWith: 'orphan-' } } })).toBe(0);
  });
});

describe('whom a document applies to', () => {
  it('an editor limits a document to chosen units (and those below); staff may not; bad input stores nothing', async () => {
    await signInAs('demo-staff');
    await expect(setDocumentApplicability({ slug: PASSWORD, allStaff: false, unitCodes: ['citizens'] })).rejects.toBeInstanceOf(PermissionDeniedError);
    await signInAs('demo-editor');
    await expect(setDocumentApplicability({ slug: PASSWORD, allStaff: false, unitCodes: ['no-such-unit'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(setDocumentApplicability({ slug: PASSWORD, allStaff: false, unitCodes: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await db().document.findUniqueOrThrow({ where: { slug: PASSWORD } })).ackAllStaff).toBe(true);
    expect(await setDocumentApplicability({ slug: PASSWORD, allStaff: false, unitCodes: ['citizens'] })).toEqual({ allStaff: false, units: ['citizens'] });
    expect((await tasksOf('demo-staff')).map((t) => t.slug)).not.toContain(PASSWORD);
    expect((await tasksOf('demo-staff-other')).map((t) => t.slug)).toContain(PASSWORD);
    await signInAs('demo-editor');
    await setDocumentApplicability({ slug: PASSWORD, allStaff: true, unitCodes: [] });
    expect((await tasksOf('demo-staff')).map((t) => t.slug)).toContain(PASSWORD);
  });
});
