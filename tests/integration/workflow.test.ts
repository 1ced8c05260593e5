import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { listLibrary } from '@/lib/server/documents/list-library';
import type { TLibraryNode } from '@/lib/domain/documents';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { rejectRevision } from '@/lib/server/workflow/reject-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { withdrawRevision } from '@/lib/server/workflow/withdraw-revision';
import { getDraftEditor, getMyTasks, listApprovalQueue } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';

const SLUG = 'sample-procedure-password';
const flattenLibrary = (nodes: TLibraryNode[]): TLibraryNode[] => nodes.flatMap((n) => [n, ...flattenLibrary(n.children)]);

async function superuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createUser(loginId: string, roles: string[]): Promise<void> {
  if (await db().user.findUnique({ where: { loginId } })) return;
  await db().user.create({ data: { loginId, displayName: loginId, roles: roles as never, passwordHash: null } });
}

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await createUser('approver-2', ['STAFF', 'APPROVER']);
  await createUser('editor-approver', ['STAFF', 'EDITOR', 'APPROVER']);
  setClockForTests(new Date('2026-11-26T03:00:00Z'));
});
afterEach(() => setClockForTests(new Date('2026-11-26T03:00:00Z')));

async function openDraft(slug = SLUG, as = 'demo-editor') {
  await signInAs(as);
  const { number } = await startDraft({ slug });
  const editor = (await getDraftEditor(slug))!;
  return { number, editor };
}

describe('the revision workflow', () => {
  it('editor drafts, approver approves with a future date; readers see the old text until the date, then the new one', async () => {
    const { number, editor } = await openDraft();
    expect(editor.status).toBe('DRAFT');
    const amended = editor.text.replace(/(第1条　[^\n]*?)。/, '$1（令和8年改正）。');
    expect(amended).not.toBe(editor.text);
    const saved = await saveDraft({ slug: SLUG, number, baseVersion: editor.version, text: amended });
    expect(saved).toMatchObject({ ok: true, version: editor.version + 1 });
    await submitRevision({ slug: SLUG, number, changeReason: '目的規定の文言整理', effectiveDate: '2027-04-01' });
    await expect(saveDraft({ slug: SLUG, number, baseVersion: editor.version + 1, text: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await signInAs('demo-approver');
    expect((await listApprovalQueue()).map((q) => [q.slug, q.number])).toContainEqual([SLUG, number]);
    expect((await getMyTasks())!.toApprove.map((t) => t.slug)).toContain(SLUG);
    const result = await approveRevision({ slug: SLUG, number, comment: '承認します。', effectiveDate: '2027-04-01' });
    expect(result).toEqual({ approved: true, approvals: 1, required: 1 });

    const approved = await db().revision.findFirstOrThrow({ where: { document: { slug: SLUG }, number } });
    expect(approved.status).toBe('APPROVED');
    expect(approved.plainText).toContain('この手順は、令和9年4月1日から施行する。');
    expect(approved.plainText).toContain('（令和8年改正）');

    await signInAs('demo-staff');
    const today = await getDocumentView(SLUG);
    expect(today!.revision.number).toBe(number - 1);
    expect(today!.document.scheduled).toEqual({ number, edition: 2, effectiveDate: '2027-04-01' });
    setClockForTests(new Date('2027-04-01T00:00:00+09:00'));
    const later = await getDocumentView(SLUG);
    expect(later!.revision.number).toBe(number);
    expect(later!.document.scheduled).toBeNull();

    const actions = await db().auditEvent.findMany({ where: { targetId: SLUG, action: { in: ['draft.create', 'draft.save', 'revision.submit', 'revision.approve'] } }, orderBy: { seq: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['draft.create', 'draft.save', 'revision.submit', 'revision.approve']);
  });

  it('20 concurrent saves on the same base: exactly one succeeds, the others conflict, and no text is lost', async () => {
    const { number, editor } = await openDraft('sample-standard');
    const texts = Array.from({ length: 20 }, (_, i) => `${editor.text}\n（メモ${i}）`);
    const results = await Promise.all(texts.map((text) => saveDraft({ slug: 'sample-standard', number, baseVersion: editor.version, text })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(19);
    const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: 'sample-standard' }, number }, include: { conflictCopies: true } });
    const kept = [revision.draftText, ...revision.conflictCopies.map((c) => c.text)];
    expect(kept.sort()).toEqual([...texts].sort());
    const conflict = results.find((r) => !r.ok) as Extract<(typeof results)[number], { ok: false }>;
    expect(conflict.current.text).toBe(revision.draftText);
    await withdrawRevision({ slug: 'sample-standard', number });
  });

  it('nobody approves a revision they authored or edited', async () => {
    const { number, editor } = await openDraft('sample-standard', 'editor-approver');
    await saveDraft({ slug: 'sample-standard', number, baseVersion: editor.version, text: editor.text.replace('目的', '趣旨') });
    await submitRevision({ slug: 'sample-standard', number, changeReason: '用語の整理', effectiveDate: '2027-06-01' });
    const error = (await approveRevision({ slug: 'sample-standard', number, comment: '' }).catch((e: unknown) => e)) as DalError;
    expect(error).toBeInstanceOf(DalError);
    expect(error.message).toContain('自分が起案・編集した版');
    expect((await db().revision.findFirstOrThrow({ where: { document: { slug: 'sample-standard' }, number } })).status).toBe('IN_REVIEW');
    await signInAs('demo-staff');
    await expect(approveRevision({ slug: 'sample-standard', number, comment: '' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await signInAs('editor-approver');
    await withdrawRevision({ slug: 'sample-standard', number });
  });

  it('two approvers approving at once: exactly one approval takes effect', async () => {
    const { number, editor } = await openDraft('sample-procedure-media');
    await saveDraft({ slug: 'sample-procedure-media', number, baseVersion: editor.version, text: editor.text.replace('目的', '趣旨') });
    await submitRevision({ slug: 'sample-procedure-media', number, changeReason: '用語の整理', effectiveDate: '2027-07-01' });
    const results = await Promise.allSettled(
      ['demo-approver', 'approver-2'].map(async (who) => {
        await signInAs(who);
        return approveRevision({ slug: 'sample-procedure-media', number, comment: `${who} 承認` });
      }),
    );
    // signInAs swaps the one cookie jar, so the two calls may run as the same person; either way one wins.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const decisions = await db().reviewDecision.count({ where: { revision: { document: { slug: 'sample-procedure-media' }, number } } });
    expect(decisions).toBe(1);
  });

  it('a document needing two approvals needs two distinct approvers; a rejection returns the draft with its reason', async () => {
    await db().document.update({ where: { slug: 'sample-safety-management-standard' }, data: { requiredApprovals: 2 } });
    const { number, editor } = await openDraft('sample-safety-management-standard');
    await saveDraft({ slug: 'sample-safety-management-standard', number, baseVersion: editor.version, text: editor.text.replace('目的', '趣旨') });
    await submitRevision({ slug: 'sample-safety-management-standard', number, changeReason: '用語の整理', effectiveDate: '2027-08-01' });
    await signInAs('demo-approver');
    expect(await approveRevision({ slug: 'sample-safety-management-standard', number, comment: '一人目' })).toMatchObject({ approved: false, approvals: 1, required: 2 });
    await expect(approveRevision({ slug: 'sample-safety-management-standard', number, comment: '二度目' })).rejects.toBeInstanceOf(DalError);
    await signInAs('approver-2');
    await rejectRevision({ slug: 'sample-safety-management-standard', number, comment: '第2条の定義を見直してください。' });
    await signInAs('demo-editor');
    const tasks = (await getMyTasks())!;
    expect(tasks.rejected.map((r) => r.comment)).toContain('第2条の定義を見直してください。');
    const draft = (await getDraftEditor('sample-safety-management-standard'))!;
    expect(draft.status).toBe('DRAFT');
    await submitRevision({ slug: 'sample-safety-management-standard', number, changeReason: '用語の整理（再提出）', effectiveDate: '2027-08-01' });
    await signInAs('demo-approver');
    expect((await approveRevision({ slug: 'sample-safety-management-standard', number, comment: '再承認' })).approved).toBe(false);
    await signInAs('approver-2');
    expect((await approveRevision({ slug: 'sample-safety-management-standard', number, comment: '承認' })).approved).toBe(true);
  });

  it('bad input gets a clear Japanese message and stores nothing', async () => {
    const { number, editor } = await openDraft('sample-standard');
    const before = await db().revision.findFirstOrThrow({ where: { document: { slug: 'sample-standard' }, number } });
    await expect(submitRevision({ slug: 'sample-standard', number, changeReason: '', effectiveDate: '2027-01-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('改正理由') });
    await expect(submitRevision({ slug: 'sample-standard', number, changeReason: '理由', effectiveDate: '2020-01-01' })).rejects.toMatchObject({ message: expect.stringContaining('過去の日付') });
    await expect(submitRevision({ slug: 'sample-standard', number, changeReason: '理由', effectiveDate: '2027-02-30' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(submitRevision({ slug: 'basic-policy', number, changeReason: '理由', effectiveDate: '2027-01-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await saveDraft({ slug: 'sample-standard', number, baseVersion: editor.version, text: 'ただの文章です。\n条がありません。\n', status: 'APPROVED', approvedById: 'x' });
    const error = (await submitRevision({ slug: 'sample-standard', number, changeReason: '理由', effectiveDate: '2027-01-01' }).catch((e: unknown) => e)) as DalError;
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(/\d+行目/);
    const after = await db().revision.findFirstOrThrow({ where: { document: { slug: 'sample-standard' }, number } });
    expect(after.status).toBe('DRAFT');
    expect(after.content).toEqual(before.content);
    await withdrawRevision({ slug: 'sample-standard', number });
  });

  it('a state change and its audit record commit together: a failure while recording leaves neither', async () => {
    const { number, editor } = await openDraft('sample-standard');
    await saveDraft({ slug: 'sample-standard', number, baseVersion: editor.version, text: editor.text.replace('目的', '趣旨') });
    const submitsBefore = await db().auditEvent.count({ where: { action: 'revision.submit', targetId: 'sample-standard' } });
    await superuser(`CREATE FUNCTION fail_submit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.action = 'revision.submit' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END; $$;
      CREATE TRIGGER fail_submit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_submit();`);
    try {
      await expect(submitRevision({ slug: 'sample-standard', number, changeReason: '理由', effectiveDate: '2027-03-01' })).rejects.toThrow(/injected failure/);
    } finally {
      await superuser('DROP TRIGGER fail_submit ON audit_events; DROP FUNCTION fail_submit();');
    }
    const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: 'sample-standard' }, number } });
    expect(revision.status).toBe('DRAFT');
    expect(revision.changeReason).toBeNull();
    expect(await db().auditEvent.count({ where: { action: 'revision.submit', targetId: 'sample-standard' } })).toBe(submitsBefore);
    await withdrawRevision({ slug: 'sample-standard', number });
  });

  it('the database allows one open draft per document', async () => {
    await openDraft('basic-policy');
    const document = await db().document.findUniqueOrThrow({ where: { slug: 'basic-policy' } });
    await expect(
      db().revision.create({ data: { documentId: document.id, number: 999, status: 'DRAFT', content: {}, plainText: '', contentHash: '' } }),
    ).rejects.toThrow();
    const again = await startDraft({ slug: 'basic-policy' });
    expect(again.created).toBe(false);
  });
});

describe('document metadata and drafts, guarded in the data layer', () => {
  it('stores drafts with LF line breaks whatever the browser sent', async () => {
    const { number, editor } = await openDraft('sample-procedure-media');
    await saveDraft({ slug: 'sample-procedure-media', number, baseVersion: editor.version, text: editor.text.replace(/\n/g, '\r\n') });
    const saved = await db().revision.findFirstOrThrow({ where: { document: { slug: 'sample-procedure-media' }, number } });
    expect(saved.draftText).not.toContain('\r');
    await withdrawRevision({ slug: 'sample-procedure-media', number });
  });

  it('refuses a parent that would close a cycle, and the reserved slug new', async () => {
    const { createDocument } = await import('@/lib/server/documents/create-document');
    const { updateDocumentMetadata } = await import('@/lib/server/documents/update-document-metadata');
    await signInAs('demo-editor');
    const base = { visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 };
    await expect(updateDocumentMetadata({ ...base, slug: 'sample-standard', title: '○○市情報セキュリティ対策基準（サンプル）', parentSlug: 'sample-procedure-media' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('下位の文書') });
    await expect(createDocument({ ...base, slug: 'new', kind: 'PROCEDURE', title: '新規' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await db().document.findUniqueOrThrow({ where: { slug: 'sample-standard' }, include: { parent: true } })).parent?.slug).toBe('basic-policy');
  });
});

describe('abolition (廃止)', () => {
  it('an approved abolition leaves nothing in force from its date: the library says so and the page is gone', async () => {
    const slug = 'sample-procedure-media';
    const entry = async () => flattenLibrary(await listLibrary()).find((n) => n.slug === slug);
    await signInAs('demo-staff');
    const inForce = (await entry())!.inForce!.number;
    await signInAs('demo-editor');
    const { number } = await startDraft({ slug, abolition: true });
    await submitRevision({ slug, number, changeReason: '手順の廃止', effectiveDate: '2030-01-01' });
    await signInAs('demo-approver');
    await approveRevision({ slug, number, comment: '承認します。', effectiveDate: '2030-01-01' });

    await signInAs('demo-staff');
    const before = await entry();
    expect(before?.inForce?.number).toBe(inForce);
    expect(before?.abolishedOn).toBeNull();
    setClockForTests(new Date('2030-01-01T00:00:00+09:00'));
    expect(await entry()).toMatchObject({ inForce: null, scheduled: null, abolishedOn: '2030-01-01' });
    expect(await getDocumentView(slug)).toBeNull();
    expect((await getDocumentView(slug, { asOf: '2029-12-31' }))?.revision.number).toBeLessThan(number);
  });
});
