/*
 * Amendments in flight form one chain (issue 15 §1, docs/decisions/007): a draft starts from the
 * last revision of the chain, an approval that lands before a scheduled revision re-applies it on
 * top (confirmed by an approver) or, where the two overlap, does not go through; a stale base is
 * refused; 第n版 counts approved revisions only. Real PostgreSQL, the real data access layer.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { checkEffectiveDate } from '@/lib/server/workflow/check-effective-date';
import { confirmRevision } from '@/lib/server/workflow/confirm-revision';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { rejectRevision } from '@/lib/server/workflow/reject-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { withdrawRevision } from '@/lib/server/workflow/withdraw-revision';
import { getDraftEditor, getReviewView, getStartDraftOptions, listApprovalQueue } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';
import { createFreshDatabase } from '../support/test-database';

const TODAY = '2026-11-26';
const at = (iso: string) => new Date(`${iso}T03:00:00Z`);
const SOURCE = path.join(process.cwd(), 'prisma', 'seed-data', 'samples', 'procedure-password-v1.txt');

async function createUser(loginId: string, roles: string[]): Promise<void> {
  if (await db().user.findUnique({ where: { loginId } })) return;
  await db().user.create({ data: { loginId, displayName: loginId, roles: roles as never, passwordHash: null } });
}

/** A document of its own for each story: the password procedure's text, first in force on 2022-04-01. */
async function newDocument(slug: string): Promise<void> {
  await unsafeImportRevision({ slug, kind: 'PROCEDURE', visibility: 'STAFF', title: `連鎖テスト ${slug}`, text: await readFile(SOURCE, 'utf8'), effectiveDate: '2022-04-01' });
}

/** As the editor: start a draft (optionally from a chosen revision), replace a phrase, submit. */
async function draftAndSubmit(input: { slug: string; from: string; to: string; effectiveDate: string; baseNumber?: number; as?: string }): Promise<number> {
  await signInAs(input.as ?? 'demo-editor');
  const { number } = await startDraft({ slug: input.slug, ...(input.baseNumber ? { baseNumber: input.baseNumber } : {}) });
  const editor = (await getDraftEditor(input.slug))!;
  expect(editor.text).toContain(input.from);
  await saveDraft({ slug: input.slug, number, baseVersion: editor.version, text: editor.text.replace(input.from, input.to) });
  await submitRevision({ slug: input.slug, number, changeReason: `${input.to}への改正`, effectiveDate: input.effectiveDate });
  return number;
}

async function approveAs(who: string, slug: string, number: number, effectiveDate?: string) {
  await signInAs(who);
  return approveRevision({ slug, number, comment: '承認します。', ...(effectiveDate ? { effectiveDate } : {}) });
}

async function textOn(slug: string, asOf: string): Promise<string> {
  await signInAs('demo-staff');
  const view = await getDocumentView(slug, { asOf });
  return JSON.stringify(view!.revision.tree);
}

const editionsOf = async (slug: string) =>
  (await db().revision.findMany({ where: { document: { slug } }, orderBy: { number: 'asc' }, select: { number: true, edition: true, status: true } })).map((r) => [r.number, r.status, r.edition]);

const A = { from: '必要な事項を定めるものとする。', to: '必要な事項を定める（改正A）。' };
const B = { from: '直ちにパスワードを変更し', to: '直ちに（改正B）パスワードを変更し' };

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await createUser('approver-2', ['STAFF', 'APPROVER']);
  await createUser('editor-approver', ['STAFF', 'EDITOR', 'APPROVER']);
  setClockForTests(at(TODAY));
});
afterEach(() => setClockForTests(at(TODAY)));

describe('two amendments in flight', () => {
  it('B drafted while A is scheduled starts from A; as of each date exactly A, then A+B', async () => {
    const slug = 'chain-story';
    await newDocument(slug);
    const a = await draftAndSubmit({ slug, ...A, effectiveDate: '2026-11-27' });
    expect(await approveAs('demo-approver', slug, a)).toMatchObject({ approved: true });

    await signInAs('demo-editor');
    const { number: b } = await startDraft({ slug });
    const draft = (await getDraftEditor(slug))!;
    expect(draft.base).toEqual({ number: a, edition: 2, effectiveDate: '2026-11-27', scheduled: true });
    expect(draft.text).toContain(A.to);
    await saveDraft({ slug, number: b, baseVersion: draft.version, text: draft.text.replace(B.from, B.to) });
    await submitRevision({ slug, number: b, changeReason: '改正B', effectiveDate: '2026-11-28' });

    await signInAs('demo-approver');
    const review = (await getReviewView(slug, b))!;
    expect(review.inForce).toMatchObject({ number: a, edition: 2, scheduled: true });
    expect(review.staleBase).toBe(false);
    // 改正前 is A, so the 新旧対照表 shows B's change only (against 第1版 it would show A's too).
    expect(review.comparison!.rows.filter((row) => row.kind !== 'unchanged').map((row) => row.key)).toEqual(['a6|a6']);
    expect(await approveRevision({ slug, number: b, comment: '承認します。' })).toMatchObject({ approved: true });

    expect(await textOn(slug, '2026-11-26')).not.toContain('改正A');
    const onA = await textOn(slug, '2026-11-27');
    expect(onA).toContain('改正A');
    expect(onA).not.toContain('改正B');
    const onB = await textOn(slug, '2026-11-28');
    expect(onB).toContain('改正A');
    expect(onB).toContain('改正B');

    expect(await editionsOf(slug)).toEqual([
      [1, 'APPROVED', 1],
      [a, 'APPROVED', 2],
      [b, 'APPROVED', 3],
    ]);
    const amends = await db().revision.findFirstOrThrow({ where: { document: { slug }, number: b }, select: { amends: { select: { number: true } } } });
    expect(amends.amends?.number).toBe(a);
    await signInAs('demo-staff');
    const view = await getDocumentView(slug);
    expect(view!.document.inForce).toMatchObject({ edition: 1 });
    expect(view!.document.scheduled).toMatchObject({ number: a, edition: 2, effectiveDate: '2026-11-27' });
  });

  it('an urgent change effective today, approved while A is scheduled: A is re-applied on top, confirmed, and as of its date both are there', async () => {
    const slug = 'chain-urgent';
    await newDocument(slug);
    const a = await draftAndSubmit({ slug, ...A, effectiveDate: '2026-11-28' });
    await approveAs('demo-approver', slug, a);

    await signInAs('demo-editor');
    expect((await getStartDraftOptions(slug))!.choices.map((c) => [c.number, c.scheduled])).toEqual([
      [1, false],
      [a, true],
    ]);
    const urgent = await draftAndSubmit({ slug, ...B, effectiveDate: TODAY, baseNumber: 1 });
    expect((await getDraftEditor(slug))!.base).toMatchObject({ number: 1, scheduled: false });

    await signInAs('demo-approver');
    const review = (await getReviewView(slug, urgent))!;
    expect(review.later.map((l) => l.number)).toEqual([a]);
    const result = await approveRevision({ slug, number: urgent, comment: '至急承認します。' });
    expect(result.approved).toBe(true);
    const [copy] = result.rebased!;
    expect(copy).toBeGreaterThan(urgent);

    // Until confirmed, the rebased A is in force on no date: on A's date the urgent change is.
    const beforeConfirm = await textOn(slug, '2026-11-28');
    expect(beforeConfirm).toContain('改正B');
    expect(beforeConfirm).not.toContain('改正A');
    const original = await db().revision.findFirstOrThrow({ where: { document: { slug }, number: a } });
    expect(original.status).toBe('REBASED');
    expect(original.plainText).toContain(A.to);
    expect(original.plainText).not.toContain(B.to);

    await signInAs('approver-2');
    const queue = await listApprovalQueue();
    expect(queue.find((q) => q.slug === slug)).toMatchObject({ number: copy, kind: 'confirm', canDecide: true });
    const confirmView = (await getReviewView(slug, copy!))!;
    expect(confirmView.inForce).toMatchObject({ number: urgent });
    expect(confirmView.rebasedFrom).toMatchObject({ number: a });
    await signInAs('demo-editor');
    await expect(confirmRevision({ slug, number: copy, comment: '' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await signInAs('approver-2');
    expect(await confirmRevision({ slug, number: copy, comment: '確認しました。' })).toEqual({ edition: 3 });

    const onA = await textOn(slug, '2026-11-28');
    expect(onA).toContain('改正A');
    expect(onA).toContain('改正B');
    expect(await textOn(slug, TODAY)).not.toContain('改正A');
    expect(await editionsOf(slug)).toEqual([
      [1, 'APPROVED', 1],
      [a, 'REBASED', null],
      [urgent, 'APPROVED', 2],
      [copy, 'APPROVED', 3],
    ]);
    const actions = await db().auditEvent.findMany({ where: { targetId: slug, action: { in: ['revision.approve', 'revision.confirm'] } }, orderBy: { seq: 'asc' }, select: { action: true, details: true } });
    expect(actions.map((e) => e.action)).toEqual(['revision.approve', 'revision.approve', 'revision.confirm']);
    expect(actions[1]!.details).toMatchObject({ revision: urgent, edition: 2, rebased: [{ from: a, fromEdition: 2, copy }] });
    expect(actions[2]!.details).toMatchObject({ revision: copy, edition: 3, rebasedFrom: a, amendsRevision: urgent });
  });

  it('where the urgent change overlaps the scheduled one, the approval does not go through and the editor gets both texts', async () => {
    const slug = 'chain-overlap';
    await newDocument(slug);
    const a = await draftAndSubmit({ slug, from: B.from, to: '直ちに（予定の改正）パスワードを変更し', effectiveDate: '2026-11-28' });
    await approveAs('demo-approver', slug, a);
    const urgent = await draftAndSubmit({ slug, from: B.from, to: '速やかに（急ぎの改正）パスワードを変更し', effectiveDate: TODAY, baseNumber: 1 });

    const result = await approveAs('demo-approver', slug, urgent);
    expect(result).toMatchObject({ approved: false, overlap: { scheduledNumber: a, scheduledEdition: 2 } });

    const refused = await db().revision.findFirstOrThrow({ where: { document: { slug }, number: urgent } });
    expect(refused.status).toBe('DRAFT');
    expect(refused.draftText).toContain('急ぎの改正');
    expect(await db().reviewDecision.count({ where: { revisionId: refused.id } })).toBe(0);
    const scheduled = await db().revision.findFirstOrThrow({ where: { document: { slug }, number: a } });
    expect(scheduled).toMatchObject({ status: 'APPROVED', edition: 2 });
    expect(await textOn(slug, TODAY)).not.toContain('急ぎの改正');
    expect(await textOn(slug, '2026-11-28')).toContain('予定の改正');

    await signInAs('demo-editor');
    const editor = (await getDraftEditor(slug))!;
    expect(editor.rebaseConflict).toMatchObject({ scheduled: { number: a, edition: 2 }, regions: 1 });
    expect(editor.rebaseConflict!.ours).toContain('急ぎの改正');
    expect(editor.rebaseConflict!.theirs).toContain('予定の改正');
    const event = await db().auditEvent.findFirstOrThrow({ where: { targetId: slug, action: 'revision.approve-overlap' } });
    expect(event).toMatchObject({ outcome: 'FAILED', details: { revision: urgent, scheduledRevision: a } });

    // Settled by the editor: the urgent change no longer touches A's sentence, and goes through.
    await saveDraft({ slug, number: urgent, baseVersion: editor.version, text: editor.text.replace('速やかに（急ぎの改正）パスワードを変更し', B.from).replace(A.from, '必要な事項を定める（急ぎの改正）。') });
    await submitRevision({ slug, number: urgent, changeReason: '調整後', effectiveDate: TODAY });
    expect(await approveAs('demo-approver', slug, urgent)).toMatchObject({ approved: true, rebased: [expect.any(Number)] });
  });
});

describe('a stale base is refused', () => {
  it('at submit and at approval, with a clear message, and nothing is applied', async () => {
    const slug = 'chain-stale';
    await newDocument(slug);
    await signInAs('demo-editor');
    const { number } = await startDraft({ slug });
    const editor = (await getDraftEditor(slug))!;
    await saveDraft({ slug, number, baseVersion: editor.version, text: editor.text.replace(A.from, A.to) });
    // Another revision lands meanwhile (the importer), in force from 2026-12-01.
    await unsafeImportRevision({ slug, kind: 'PROCEDURE', text: (await readFile(SOURCE, 'utf8')).replace(B.from, B.to), effectiveDate: '2026-12-01' });

    const atSubmit = await submitRevision({ slug, number, changeReason: '理由', effectiveDate: '2026-12-10' }).catch((e: unknown) => e);
    expect(atSubmit).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('古い版の上に改正を重ねることはできません') });
    expect((await db().revision.findFirstOrThrow({ where: { document: { slug }, number } })).status).toBe('DRAFT');

    // Dated before the imported one, its base is right: submitted.
    await submitRevision({ slug, number, changeReason: '理由', effectiveDate: '2026-11-30' });
    // The approver moves the date past the imported revision: stale there.
    await signInAs('demo-approver');
    await expect(approveRevision({ slug, number, comment: '', effectiveDate: '2026-12-05' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Another import lands between its base and its date: stale at approval.
    await unsafeImportRevision({ slug, kind: 'PROCEDURE', text: (await readFile(SOURCE, 'utf8')).replace('全ての職員等に適用する。', '全ての職員等に適用する（別の改正）。'), effectiveDate: '2026-11-29' });
    expect((await getReviewView(slug, number))!.staleBase).toBe(true);
    await expect(approveRevision({ slug, number, comment: '' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('もとにしています') });
    const after = await db().revision.findFirstOrThrow({ where: { document: { slug }, number } });
    expect(after.status).toBe('IN_REVIEW');
    expect(await db().reviewDecision.count({ where: { revisionId: after.id } })).toBe(0);
  });
});

describe('version numbers', () => {
  it('第n版 counts approved revisions in chain order: a withdrawn draft takes no number, and its page still opens as a 改正案', async () => {
    const slug = 'chain-numbering';
    await newDocument(slug);
    await signInAs('demo-editor');
    const { number: withdrawn } = await startDraft({ slug });
    await withdrawRevision({ slug, number: withdrawn });
    const approved = await draftAndSubmit({ slug, ...A, effectiveDate: '2026-12-01' });
    await approveAs('demo-approver', slug, approved);
    expect(await editionsOf(slug)).toEqual([
      [1, 'APPROVED', 1],
      [withdrawn, 'WITHDRAWN', null],
      [approved, 'APPROVED', 2],
    ]);
    await signInAs('demo-auditor');
    expect((await getRevisionPage(slug, approved))!.revision).toMatchObject({ number: approved, edition: 2, amendsNumber: 1 });
    expect((await getRevisionPage(slug, withdrawn))!.revision).toMatchObject({ number: withdrawn, edition: null, state: 'withdrawn' });
    expect((await getRevisionHistory(slug))!.revisions.map((r) => [r.number, r.edition])).toEqual([
      [approved, 2],
      [withdrawn, null],
      [1, 1],
    ]);
  });
});

describe('separation of duties and required approvals', () => {
  it('whoever submits a draft counts as its contributor and may not approve it', async () => {
    const slug = 'chain-submitter';
    await newDocument(slug);
    await signInAs('demo-editor');
    const { number } = await startDraft({ slug });
    const editor = (await getDraftEditor(slug))!;
    await saveDraft({ slug, number, baseVersion: editor.version, text: editor.text.replace(A.from, A.to) });
    await signInAs('editor-approver');
    await submitRevision({ slug, number, changeReason: '提出のみ', effectiveDate: '2026-12-01' });
    await expect(approveRevision({ slug, number, comment: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('自分が起案・編集した版') });
    await expect(rejectRevision({ slug, number, comment: '差し戻します' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await listApprovalQueue()).find((q) => q.slug === slug)).toMatchObject({ canDecide: false, cannotDecide: 'contributor' });
    expect((await approveAs('demo-approver', slug, number)).approved).toBe(true);
  });

  it('the number of approvals a revision needs is fixed when it is submitted', async () => {
    const slug = 'chain-required';
    await newDocument(slug);
    const first = await draftAndSubmit({ slug, ...A, effectiveDate: '2026-12-01' });
    await db().document.update({ where: { slug }, data: { requiredApprovals: 2 } });
    expect(await approveAs('demo-approver', slug, first)).toMatchObject({ approved: true, approvals: 1, required: 1 });

    const second = await draftAndSubmit({ slug, ...B, effectiveDate: '2026-12-02' });
    await db().document.update({ where: { slug }, data: { requiredApprovals: 1 } });
    expect(await approveAs('demo-approver', slug, second)).toMatchObject({ approved: false, approvals: 1, required: 2 });
    expect(await approveAs('approver-2', slug, second)).toMatchObject({ approved: true, approvals: 2, required: 2 });
  });
});

describe('the 施行日 is checked as it is entered', () => {
  it('names a collision with another revision, a past date, and a date that moves the draft off its base', async () => {
    const slug = 'chain-date-check';
    await newDocument(slug);
    const a = await draftAndSubmit({ slug, ...A, effectiveDate: '2026-12-06' });
    await approveAs('demo-approver', slug, a);
    await signInAs('demo-editor');
    const { number } = await startDraft({ slug });
    expect(await checkEffectiveDate({ slug, number, effectiveDate: '2026-12-06' })).toEqual({ ok: false, message: expect.stringContaining('既に第2版が施行されます') });
    expect(await checkEffectiveDate({ slug, number, effectiveDate: '2026-11-01' })).toEqual({ ok: false, message: expect.stringContaining('過去の日付') });
    expect(await checkEffectiveDate({ slug, number, effectiveDate: '2026-12-01' })).toMatchObject({ ok: false, message: expect.stringContaining('第2版をもとにしています') });
    expect(await checkEffectiveDate({ slug, number, effectiveDate: '2026-12-07' })).toEqual({ ok: true, amends: '第2版' });
  });
});

describe('the workflow refuses exactly the roles it must', () => {
  const slug = 'chain-roles';
  let draft = 0;
  let review = 0;
  beforeAll(async () => {
    await newDocument(slug);
    review = await draftAndSubmit({ slug, ...A, effectiveDate: '2026-12-01' });
  });

  it.each(['demo-staff', 'demo-auditor', 'demo-admin'])('%s may neither draft nor check dates nor approve, reject or confirm', async (who) => {
    await signInAs(who);
    await expect(startDraft({ slug })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(saveDraft({ slug, number: review, baseVersion: 1, text: 'x' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(submitRevision({ slug, number: review, changeReason: 'x', effectiveDate: '2026-12-01' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(withdrawRevision({ slug, number: review })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(checkEffectiveDate({ slug, number: review, effectiveDate: '2026-12-01' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(approveRevision({ slug, number: review, comment: '' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(rejectRevision({ slug, number: review, comment: 'x' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(confirmRevision({ slug, number: review, comment: '' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(getStartDraftOptions(slug)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('an editor drafts and checks dates but may not approve, reject or confirm', async () => {
    await signInAs('demo-editor');
    expect(await checkEffectiveDate({ slug, number: review, effectiveDate: '2026-12-02' })).toMatchObject({ ok: true });
    await expect(approveRevision({ slug, number: review, comment: '' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(rejectRevision({ slug, number: review, comment: 'x' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(confirmRevision({ slug, number: review, comment: '' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await withdrawRevision({ slug, number: review });
    draft = (await startDraft({ slug })).number;
    expect(draft).toBeGreaterThan(review);
  });

  it('an approver approves but may not draft', async () => {
    await signInAs('demo-approver');
    await expect(startDraft({ slug })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(checkEffectiveDate({ slug, number: draft, effectiveDate: '2026-12-02' })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('the data migration', () => {
  const adminUrl = inject('adminDatabaseUrl');

  it('numbers the stored approved revisions in chain order, links each to the one it amends, and keeps every stored number', async () => {
    const fresh = await createFreshDatabase(adminUrl, 'isms_chain_migrate');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chain-migrations-'));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true, filter: (src) => !src.includes('20261205100000_revision_chain') });
      await migrateDatabase({ databaseUrl: fresh.url, migrationsDir: dir });
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      try {
        const user = (await client.query<{ id: string }>(`INSERT INTO users (id, login_id, display_name) VALUES (gen_random_uuid(), 'old-editor', '旧編集者') RETURNING id`)).rows[0]!.id;
        const doc = (await client.query<{ id: string }>(`INSERT INTO documents (id, slug, kind, title, visibility, required_approvals) VALUES (gen_random_uuid(), 'old-doc', 'STANDARD', '旧文書', 'STAFF', 2) RETURNING id`)).rows[0]!.id;
        // Stored numbers with gaps: 2 was withdrawn; 4 took effect before 3 was imported for a later date.
        const rows: [number, string, string | null][] = [
          [1, 'APPROVED', '2021-04-01'],
          [2, 'WITHDRAWN', null],
          [3, 'APPROVED', '2025-04-01'],
          [4, 'APPROVED', '2023-04-01'],
          [5, 'IN_REVIEW', '2027-04-01'],
        ];
        for (const [number, status, date] of rows) {
          await client.query(
            `INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash, effective_date, submitted_by_id, contributor_ids)
             VALUES (gen_random_uuid(), $1, $2, $3, '{}', '', '', $4, $5, '{}')`,
            [doc, number, status, date, status === 'IN_REVIEW' ? user : null],
          );
        }
      } finally {
        await client.end();
      }
      await migrateDatabase({ databaseUrl: fresh.url });
      const check = new pg.Client({ connectionString: fresh.url });
      await check.connect();
      try {
        const result = await check.query<{ number: number; edition: number | null; amends: number | null; required_approvals: number | null; submitter_counts: boolean }>(
          `SELECT r.number, r.edition, a.number AS amends, r.required_approvals, (r.submitted_by_id IS NOT NULL AND r.submitted_by_id::text = ANY (r.contributor_ids)) AS submitter_counts
           FROM revisions r LEFT JOIN revisions a ON a.id = r.amends_revision_id ORDER BY r.number`,
        );
        expect(result.rows).toEqual([
          { number: 1, edition: 1, amends: null, required_approvals: null, submitter_counts: false },
          { number: 2, edition: null, amends: null, required_approvals: null, submitter_counts: false },
          { number: 3, edition: 3, amends: 4, required_approvals: null, submitter_counts: false },
          { number: 4, edition: 2, amends: 1, required_approvals: null, submitter_counts: false },
          { number: 5, edition: null, amends: null, required_approvals: 2, submitter_counts: true },
        ]);
      } finally {
        await check.end();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  });

  it('the seed keeps 第n版 equal to the numbers its links have always used', async () => {
    for (const slug of ['basic-policy', 'sample-standard', 'sample-procedure-media']) {
      const approved = await db().revision.findMany({ where: { document: { slug }, status: 'APPROVED', number: { lte: 2 } }, select: { number: true, edition: true } });
      for (const r of approved) expect(r.edition).toBe(r.number);
    }
    await signInAs('demo-staff');
    expect((await getRevisionPage('sample-standard', 2))!.revision).toMatchObject({ number: 2, edition: 2, amendsNumber: 1 });
  });
});
