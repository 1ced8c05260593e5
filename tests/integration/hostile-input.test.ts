/*
 * Hostile input at the data access layer: every table below is "input × field × DAL function →
 * what the portal does". To cover a new form or endpoint, add a row to the table it belongs to
 * (TEXT_FIELDS for free text, LINE_FIELDS for titles and names, NUL_CALLS, SLUG_READERS,
 * EXTRA_FIELDS, OVERSIZED, HEAVY_TEXTS). The HTTP side is tests/e2e/hostile-input.spec.ts.
 * Work is measured and printed, never asserted against a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DRAFT_CHARS } from '@/lib/schemas/workflow';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { createAccount, listAccounts, updateAccount } from '@/lib/server/admin/accounts';
import { createDepartment, listDepartments, renameDepartment } from '@/lib/server/admin/departments';
import { addGrant } from '@/lib/server/admin/grants';
import { exportAuditCsv, listAuditEvents } from '@/lib/server/audit/list-events';
import { signInWithPassword } from '@/lib/server/auth/sign-in';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { saveDraftExcerpts } from '@/lib/server/excerpts/draft-excerpts';
import { compareRevisions } from '@/lib/server/history/compare-revisions';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { createDocument } from '@/lib/server/documents/create-document';
import { updateDocumentMetadata } from '@/lib/server/documents/update-document-metadata';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { rejectRevision } from '@/lib/server/workflow/reject-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { withdrawRevision } from '@/lib/server/workflow/withdraw-revision';
import { getDraftEditor, getReviewView } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';
import { deepArticles, firstText } from '../support/deep-tree';

const EDITOR = 'demo-editor';
const APPROVER = 'demo-approver';
const ADMIN = 'demo-admin';
const AUDITOR = 'demo-auditor';
/** the document whose drafts the workflow rows write into */
// a document without public excerpts: these drafts replace the whole text (see excerpts.test.ts)
const DRAFT_SLUG = 'sample-safety-management-standard';
const NO_CONTEXT = { clientAddress: '127.0.0.1', userAgent: 'vitest', requestId: null };

const figures: { table: string; row: string; chars: number; ms: number; outcome: string }[] = [];

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  setClockForTests(new Date('2026-11-26T03:00:00Z'));
});

afterAll(() => {
  setClockForTests(null);
  console.log(['hostile input: measured work (not asserted)', ...figures.map((f) => `  ${f.table} | ${f.row} | ${f.chars.toLocaleString('en')} chars | ${f.ms.toFixed(0)} ms | ${f.outcome}`)].join('\n'));
});

async function measured<T>(table: string, row: string, chars: number, run: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const started = performance.now();
  const settled = await run().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const outcome = 'error' in settled ? (settled.error instanceof DalError ? `refused ${settled.error.code}` : `threw ${String(settled.error).slice(0, 60)}`) : 'accepted';
  figures.push({ table, row, chars, ms: performance.now() - started, outcome });
  return settled;
}

const ids = { user: async (loginId: string) => (await db().user.findUniqueOrThrow({ where: { loginId } })).id, department: async (code: string) => (await db().department.findUniqueOrThrow({ where: { code } })).id };

/** The metadata form of a document as it is now, for calls that change one field of it. */
async function metadataOf(slug: string) {
  const d = await db().document.findUniqueOrThrow({ where: { slug }, include: { parent: true, department: true } });
  return { slug, title: d.title, visibility: d.visibility, requiredApprovals: d.requiredApprovals, reviewIntervalMonths: d.reviewIntervalMonths, parentSlug: d.parent?.slug ?? '', departmentCode: d.department?.code ?? '' };
}

/** The open draft of DRAFT_SLUG (started when there is none), as its editor sees it. */
async function openDraft() {
  await signInAs(EDITOR);
  const { number } = await startDraft({ slug: DRAFT_SLUG });
  return { number, editor: (await getDraftEditor(DRAFT_SLUG))! };
}

async function discardDraft(): Promise<void> {
  await signInAs(EDITOR);
  const open = await getDraftEditor(DRAFT_SLUG);
  if (open) await withdrawRevision({ slug: DRAFT_SLUG, number: open.number });
}

// ---------------------------------------------------------------------------------------------
// 1. Markup is text: XSS payloads in every free-text field are stored and handed back literally.
// ---------------------------------------------------------------------------------------------

const XSS_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<a href="javascript:window.__xss=3">規程</a>',
  'javascript:window.__xss=3',
  '<svg onload="window.__xss=4"><circle r="1"/></svg>',
  '"><script>window.__xss=5</script><"',
  '{{constructor.constructor(\'window.__xss=6\')()}}',
];

/**
 * One draft walked through the workflow per payload: body saved, submitted with the payload as
 * change reason, sent back by an approver with it as comment; the DAL's views are read back.
 */
const workflowRuns = new Map<string, Promise<{ draftText: string; articleText: string; changeReason: string; comment: string }>>();
function workflowWith(payload: string) {
  if (!workflowRuns.has(payload)) {
    workflowRuns.set(
      payload,
      (async () => {
        await discardDraft();
        const { number, editor } = await openDraft();
        const text = `${editor.text.split('\n')[0]}\n（悪意のある入力）\n第1条　${payload}\n`;
        await saveDraft({ slug: DRAFT_SLUG, number, baseVersion: editor.version, text });
        const draftText = (await getDraftEditor(DRAFT_SLUG))!.text;
        await submitRevision({ slug: DRAFT_SLUG, number, changeReason: payload, effectiveDate: '2027-01-15' });
        await signInAs(APPROVER);
        await getReviewView(DRAFT_SLUG, number);
        const stored = await db().revision.findFirstOrThrow({ where: { document: { slug: DRAFT_SLUG }, number }, select: { content: true } });
        const article = deepArticles(readDeepTree(stored.content))[0];
        await rejectRevision({ slug: DRAFT_SLUG, number, comment: payload });
        await signInAs(EDITOR);
        const back = (await getDraftEditor(DRAFT_SLUG))!;
        await withdrawRevision({ slug: DRAFT_SLUG, number });
        return { draftText, articleText: article ? firstText(article) : '', changeReason: back.changeReason ?? '', comment: back.decisions.at(-1)?.comment ?? '' };
      })(),
    );
  }
  return workflowRuns.get(payload)!;
}

let serial = 0;
/** Each row stores `text` through one DAL function and returns what the DAL hands back for display. */
const TEXT_FIELDS: { field: string; fn: string; store: (text: string) => Promise<string> }[] = [
  {
    field: '文書の表題',
    fn: 'createDocument',
    store: async (title) => {
      await signInAs(EDITOR);
      const slug = `xss-${(serial += 1)}`;
      await createDocument({ slug, kind: 'PROCEDURE', title, visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 });
      return (await getDraftEditor(slug))!.title;
    },
  },
  {
    field: '文書の表題',
    fn: 'updateDocumentMetadata',
    store: async (title) => {
      await signInAs(EDITOR);
      await updateDocumentMetadata({ ...(await metadataOf('sample-procedure-media')), title });
      return (await getDocumentView('sample-procedure-media'))!.document.title;
    },
  },
  { field: '改正案の本文（下書き）', fn: 'saveDraft', store: async (text) => (await workflowWith(text)).draftText },
  { field: '改正案の本文（条文）', fn: 'submitRevision', store: async (text) => (await workflowWith(text)).articleText },
  { field: '改正理由', fn: 'submitRevision', store: async (text) => (await workflowWith(text)).changeReason },
  { field: '差戻しのコメント', fn: 'rejectRevision', store: async (text) => (await workflowWith(text)).comment },
  {
    field: '部局名',
    fn: 'createDepartment',
    store: async (name) => {
      await signInAs(ADMIN);
      const code = `xss-${(serial += 1)}`;
      await createDepartment({ code, name });
      return (await listDepartments()).find((d) => d.code === code)!.name;
    },
  },
  {
    field: '部局名',
    fn: 'renameDepartment',
    store: async (name) => {
      await signInAs(ADMIN);
      await renameDepartment({ departmentId: await ids.department('welfare'), name });
      return (await listDepartments()).find((d) => d.code === 'welfare')!.name;
    },
  },
  {
    field: '氏名',
    fn: 'createAccount',
    store: async (displayName) => {
      await signInAs(ADMIN);
      const loginId = `xss-${(serial += 1)}`;
      await createAccount({ loginId, displayName, departmentCode: null, roles: ['STAFF'] });
      return (await listAccounts()).find((a) => a.loginId === loginId)!.displayName;
    },
  },
  {
    field: '氏名',
    fn: 'updateAccount',
    store: async (displayName) => {
      await signInAs(ADMIN);
      await updateAccount({ userId: await ids.user('demo-staff-other'), displayName, departmentCode: 'citizens', roles: ['STAFF'] });
      return (await listAccounts()).find((a) => a.loginId === 'demo-staff-other')!.displayName;
    },
  },
];

describe('markup in free text is stored and handed back as literal text', () => {
  for (const { field, fn, store } of TEXT_FIELDS) {
    for (const payload of XSS_PAYLOADS) {
      it(`${field} (${fn}) keeps ${JSON.stringify(payload)} as typed`, async () => {
        const shown = await store(payload);
        expect(shown).toContain(payload);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Titles and names are one line of visible text: bidi controls refused, zero-width removed.
// ---------------------------------------------------------------------------------------------

type TLineOutcome = { stored: string } | { refused: RegExp };
const LINE_INPUTS: { input: string; what: string; expected: TLineOutcome }[] = [
  { what: 'U+202E RIGHT-TO-LEFT OVERRIDE', input: '情報\u202Eティリュキセ', expected: { refused: /表示方向/ } },
  { what: 'U+202D LEFT-TO-RIGHT OVERRIDE', input: '\u202D情報セキュリティ', expected: { refused: /表示方向/ } },
  { what: 'U+2067 RLI … U+2069 PDI', input: '情報\u2067セキュリティ\u2069', expected: { refused: /表示方向/ } },
  { what: 'U+200F RIGHT-TO-LEFT MARK', input: '情報セキュリティ\u200F', expected: { refused: /表示方向/ } },
  { what: 'U+200B ZERO WIDTH SPACE inside', input: '情報\u200Bセキュリティ', expected: { stored: '情報セキュリティ' } },
  { what: 'U+FEFF BOM in front', input: '\uFEFF情報セキュリティ', expected: { stored: '情報セキュリティ' } },
  { what: 'U+200D ZWJ and U+2060 WORD JOINER', input: '情報\u200Dセキュ\u2060リティ', expected: { stored: '情報セキュリティ' } },
  { what: 'only zero-width characters', input: '\u200B\u200C\uFEFF', expected: { refused: /入力してください/ } },
  { what: 'a line break', input: '情報\nセキュリティ', expected: { refused: /改行や制御文字/ } },
  { what: 'U+2028 LINE SEPARATOR', input: '情報\u2028セキュリティ', expected: { refused: /改行や制御文字/ } },
  { what: 'U+0085 NEXT LINE (C1 control)', input: '情報\u0085セキュリティ', expected: { refused: /改行や制御文字/ } },
  { what: 'U+0007 BELL', input: '情報\u0007セキュリティ', expected: { refused: /改行や制御文字/ } },
];

const LINE_FIELDS = TEXT_FIELDS.filter((f) => ['文書の表題', '部局名', '氏名'].includes(f.field));

describe('titles and names: bidi controls and line breaks refused, zero-width characters removed', () => {
  for (const { field, fn, store } of LINE_FIELDS) {
    for (const { what, input, expected } of LINE_INPUTS) {
      it(`${field} (${fn}) with ${what}: ${'stored' in expected ? 'normalised' : 'refused'}`, async () => {
        const settled = await store(input).then(
          (shown) => ({ shown }),
          (error: unknown) => ({ error }),
        );
        if ('stored' in expected) {
          expect(settled).toEqual({ shown: expected.stored });
        } else {
          expect('error' in settled && settled.error).toBeInstanceOf(DalError);
          expect((settled as { error: DalError }).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(expected.refused) });
        }
      });
    }
  }
});

/** Slugs as they might come out of a URL after decoding, or typed into the creation form. */
const HOSTILE_SLUGS = [
  'basic\u202Epolicy',
  'basic-policy\u200B',
  '\uFEFFbasic-policy',
  'basic-policy\u0000',
  '../basic-policy',
  '..%2Fbasic-policy',
  'basic-policy/../../etc/passwd',
  'basic%E2%80%AEpolicy',
  'basic-policy%00',
  'BASIC-POLICY',
  'ｂａｓｉｃ-policy',
  'basic-policy ',
  'a'.repeat(10_000),
];

const SLUG_READERS: { fn: string; as: string | null; read: (slug: string) => Promise<unknown> }[] = [
  { fn: 'getDocumentView', as: null, read: (slug) => getDocumentView(slug) },
  { fn: 'getRevisionHistory', as: AUDITOR, read: (slug) => getRevisionHistory(slug) },
  { fn: 'getRevisionPage', as: AUDITOR, read: (slug) => getRevisionPage(slug, 1) },
  { fn: 'compareRevisions', as: AUDITOR, read: (slug) => compareRevisions(slug, 1, 2) },
  { fn: 'getDraftEditor', as: EDITOR, read: (slug) => getDraftEditor(slug) },
  { fn: 'getReviewView', as: APPROVER, read: (slug) => getReviewView(slug, 1) },
];

describe('hostile slugs: refused when creating, "not found" when reading', () => {
  for (const slug of HOSTILE_SLUGS) {
    const label = JSON.stringify(slug.length > 40 ? `${slug.slice(0, 12)}…(${slug.length})` : slug);
    it(`createDocument refuses slug ${label}`, async () => {
      await signInAs(EDITOR);
      await expect(createDocument({ slug, kind: 'PROCEDURE', title: '試験', visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });
    for (const { fn, as, read } of SLUG_READERS) {
      it(`${fn} answers null for slug ${label}`, async () => {
        await signInAs(as);
        expect(await read(slug)).toBeNull();
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// 3. NUL: a typed INVALID_INPUT from every DAL function that takes text, never a database error.
// ---------------------------------------------------------------------------------------------

const NUL = '\u0000';
/** the open draft the workflow rows of the NUL and size tables write into (opened before them) */
let draft = { slug: DRAFT_SLUG, number: 0, baseVersion: 0 };
async function openSharedDraft(): Promise<void> {
  const { number, editor } = await openDraft();
  draft = { slug: DRAFT_SLUG, number, baseVersion: editor.version };
}

const NUL_CALLS: { fn: string; field: string; as: string; call: () => Promise<unknown> }[] = [
  { fn: 'createDocument', field: 'title', as: EDITOR, call: () => createDocument({ slug: 'nul-doc', kind: 'PROCEDURE', title: `表題${NUL}`, visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }) },
  { fn: 'createDocument', field: 'parentSlug', as: EDITOR, call: () => createDocument({ slug: 'nul-doc', kind: 'PROCEDURE', title: '表題', parentSlug: `basic-policy${NUL}`, visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }) },
  { fn: 'createDocument', field: 'departmentCode', as: EDITOR, call: () => createDocument({ slug: 'nul-doc', kind: 'PROCEDURE', title: '表題', departmentCode: `general-affairs${NUL}`, visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }) },
  { fn: 'updateDocumentMetadata', field: 'title', as: EDITOR, call: async () => updateDocumentMetadata({ ...(await metadataOf('sample-procedure-media')), title: `表題${NUL}` }) },
  { fn: 'startDraft', field: 'slug', as: EDITOR, call: () => startDraft({ slug: `${DRAFT_SLUG}${NUL}` }) },
  { fn: 'saveDraft', field: 'text', as: EDITOR, call: () => saveDraft({ ...draft, text: `第1条　本文${NUL}` }) },
  { fn: 'submitRevision', field: 'changeReason', as: EDITOR, call: () => submitRevision({ ...draft, changeReason: `理由${NUL}`, effectiveDate: '2027-01-15' }) },
  { fn: 'approveRevision', field: 'comment', as: APPROVER, call: () => approveRevision({ slug: DRAFT_SLUG, number: 1, comment: `承認${NUL}` }) },
  { fn: 'rejectRevision', field: 'comment', as: APPROVER, call: () => rejectRevision({ slug: DRAFT_SLUG, number: 1, comment: `差戻し${NUL}` }) },
  { fn: 'withdrawRevision', field: 'slug', as: EDITOR, call: () => withdrawRevision({ slug: `${DRAFT_SLUG}${NUL}`, number: 1 }) },
  { fn: 'createDepartment', field: 'name', as: ADMIN, call: () => createDepartment({ code: 'nul-dept', name: `部${NUL}` }) },
  { fn: 'createDepartment', field: 'code', as: ADMIN, call: () => createDepartment({ code: `nul${NUL}`, name: '部' }) },
  { fn: 'renameDepartment', field: 'name', as: ADMIN, call: async () => renameDepartment({ departmentId: await ids.department('citizens'), name: `部${NUL}` }) },
  { fn: 'createAccount', field: 'displayName', as: ADMIN, call: () => createAccount({ loginId: 'nul-user', displayName: `氏名${NUL}`, departmentCode: null, roles: ['STAFF'] }) },
  { fn: 'createAccount', field: 'departmentCode', as: ADMIN, call: () => createAccount({ loginId: 'nul-user', displayName: '氏名', departmentCode: `welfare${NUL}`, roles: ['STAFF'] }) },
  { fn: 'createAccount', field: 'roles[]', as: ADMIN, call: () => createAccount({ loginId: 'nul-user', displayName: '氏名', departmentCode: null, roles: [`STAFF${NUL}`] }) },
  { fn: 'updateAccount', field: 'displayName', as: ADMIN, call: async () => updateAccount({ userId: await ids.user('demo-staff'), displayName: `氏名${NUL}`, departmentCode: 'general-affairs', roles: ['STAFF'] }) },
  { fn: 'addGrant', field: 'grantee', as: ADMIN, call: () => addGrant({ documentSlug: 'sample-safety-management-standard', granteeType: 'USER', grantee: `demo-staff-other${NUL}` }) },
  { fn: 'saveDraftExcerpts', field: 'anchors[]', as: EDITOR, call: () => saveDraftExcerpts({ documentSlug: 'sample-standard', number: 1, version: 1, anchors: [`a1${NUL}`] }) },
  { fn: 'listAuditEvents', field: 'actor', as: AUDITOR, call: () => listAuditEvents({ actor: `demo-editor${NUL}` }) },
  { fn: 'listAuditEvents', field: 'action', as: AUDITOR, call: () => listAuditEvents({ action: `draft.${NUL}` }) },
  { fn: 'listAuditEvents', field: 'document', as: AUDITOR, call: () => listAuditEvents({ document: `basic-policy${NUL}` }) },
  { fn: 'exportAuditCsv', field: 'actor', as: AUDITOR, call: () => exportAuditCsv({ actor: NUL }) },
];

describe('a NUL byte is refused with a typed error and nothing is written', () => {
  beforeAll(openSharedDraft);
  for (const { fn, field, as, call } of NUL_CALLS) {
    it(`${fn}: NUL in ${field} → INVALID_INPUT`, async () => {
      await signInAs(as);
      const events = await db().auditEvent.count();
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DalError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('NUL') });
      expect(await db().auditEvent.count()).toBe(events);
    });
  }

  it('signInWithPassword: NUL in the login id is an ordinary failed sign-in, not a database error', async () => {
    expect(await signInWithPassword({ loginId: `demo-staff${NUL}`, password: 'demo-password-2026' }, NO_CONTEXT)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword({ loginId: 'demo-staff', password: `demo-password-2026${NUL}` }, NO_CONTEXT)).toEqual({ ok: false, reason: 'invalid' });
  });

  afterAll(discardDraft);
});

// ---------------------------------------------------------------------------------------------
// 4. Extra fields a form never sends are ignored: state, approver and role come from the DAL.
// ---------------------------------------------------------------------------------------------

const EXTRA_FIELDS: { fn: string; extra: Record<string, unknown>; as: string; run: (extra: Record<string, unknown>) => Promise<void> }[] = [
  {
    fn: 'createDocument',
    as: EDITOR,
    extra: { status: 'APPROVED', approvedById: 'approver', publicExcerptAnchors: ['a1'], id: '00000000-0000-4000-8000-000000000000', sortOrder: -1 },
    run: async (extra) => {
      await createDocument({ slug: 'extra-fields', kind: 'PROCEDURE', title: '余分な項目', visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12, ...extra });
      const document = await db().document.findUniqueOrThrow({ where: { slug: 'extra-fields' }, include: { revisions: true } });
      expect(document.id).not.toBe(extra.id);
      expect(document.revisions.map((r) => r.publicExcerptAnchors)).toEqual([[]]);
      expect(document.revisions.map((r) => [r.status, r.approvedById])).toEqual([['DRAFT', null]]);
    },
  },
  {
    fn: 'updateDocumentMetadata',
    as: EDITOR,
    extra: { kind: 'BASIC_POLICY', newSlug: 'hijacked', publicExcerptAnchors: ['a1'] },
    run: async (extra) => {
      await updateDocumentMetadata({ ...(await metadataOf('sample-procedure-media')), ...extra });
      const document = await db().document.findUniqueOrThrow({ where: { slug: 'sample-procedure-media' }, include: { revisions: true } });
      expect([document.kind, document.revisions.flatMap((r) => r.publicExcerptAnchors)]).toEqual(['PROCEDURE', []]);
    },
  },
  {
    fn: 'saveDraft',
    as: EDITOR,
    extra: { status: 'APPROVED', approvedById: 'approver', version: 999, contributorIds: [], effectiveDate: '2026-11-26' },
    run: async (extra) => {
      const { number, editor } = await openDraft();
      const approverId = await ids.user(APPROVER);
      await saveDraft({ slug: DRAFT_SLUG, number, baseVersion: editor.version, text: editor.text, ...extra, approvedById: approverId });
      const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: DRAFT_SLUG }, number } });
      expect([revision.status, revision.approvedById, revision.version, revision.effectiveDate]).toEqual(['DRAFT', null, editor.version + 1, null]);
      expect(revision.contributorIds).toContain(await ids.user(EDITOR));
    },
  },
  {
    fn: 'submitRevision',
    as: EDITOR,
    extra: { status: 'APPROVED', approvedAt: '2026-11-26T00:00:00Z', requiredApprovals: 0 },
    run: async (extra) => {
      const { number } = await openDraft();
      await submitRevision({ slug: DRAFT_SLUG, number, changeReason: '余分な項目', effectiveDate: '2027-02-01', ...extra, approvedById: await ids.user(APPROVER) });
      const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: DRAFT_SLUG }, number } });
      expect([revision.status, revision.approvedById, revision.approvedAt]).toEqual(['IN_REVIEW', null, null]);
    },
  },
  {
    fn: 'approveRevision',
    as: APPROVER,
    extra: { reviewerId: 'someone-else', decision: 'REJECT', required: 0 },
    run: async (extra) => {
      const revision = await db().revision.findFirstOrThrow({ where: { document: { slug: DRAFT_SLUG }, status: 'IN_REVIEW' } });
      await approveRevision({ slug: DRAFT_SLUG, number: revision.number, comment: '承認', ...extra, approvedById: await ids.user(EDITOR) });
      const after = await db().revision.findUniqueOrThrow({ where: { id: revision.id }, include: { decisions: true } });
      expect(after.approvedById).toBe(await ids.user(APPROVER));
      expect(after.decisions.map((d) => [d.decision, d.reviewerId])).toEqual([['APPROVE', await ids.user(APPROVER)]]);
    },
  },
  {
    fn: 'createAccount',
    as: ADMIN,
    extra: { role: 'ADMIN', status: 'DISABLED', passwordHash: 'known-hash', sessionsValidAfter: '2099-01-01' },
    run: async (extra) => {
      await createAccount({ loginId: 'extra-fields', displayName: '余分 項目', departmentCode: null, roles: ['STAFF'], ...extra });
      const user = await db().user.findUniqueOrThrow({ where: { loginId: 'extra-fields' } });
      expect([user.roles, user.status, user.passwordHash === extra.passwordHash]).toEqual([['STAFF'], 'ACTIVE', false]);
    },
  },
  {
    fn: 'updateAccount',
    as: ADMIN,
    extra: { loginId: 'hijacked', status: 'DISABLED', role: 'ADMIN', passwordHash: null },
    run: async (extra) => {
      const userId = await ids.user('demo-staff');
      await updateAccount({ userId, displayName: '総務 花子（デモ）', departmentCode: 'general-affairs', roles: ['STAFF'], ...extra });
      const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
      expect([user.loginId, user.status, user.roles, user.passwordHash !== null]).toEqual(['demo-staff', 'ACTIVE', ['STAFF'], true]);
    },
  },
  {
    fn: 'createDepartment',
    as: ADMIN,
    extra: { id: '00000000-0000-4000-8000-000000000001', sortOrder: -100 },
    run: async (extra) => {
      await createDepartment({ code: 'extra-fields', name: '余分部', ...extra });
      const department = await db().department.findUniqueOrThrow({ where: { code: 'extra-fields' } });
      expect(department.id).not.toBe(extra.id);
      expect(department.sortOrder).toBeGreaterThan(0);
    },
  },
  {
    fn: 'saveDraftExcerpts',
    as: EDITOR,
    extra: { visibility: 'PUBLIC', documentId: 'x', publicExcerptsBasis: 'x', status: 'APPROVED' },
    run: async (extra) => {
      const slug = 'sample-procedure-password';
      const { number } = await startDraft({ slug });
      const { version } = await db().revision.findFirstOrThrow({ where: { document: { slug }, number } });
      await saveDraftExcerpts({ documentSlug: slug, number, version, anchors: ['a1'], ...extra });
      const document = await db().document.findUniqueOrThrow({ where: { slug }, include: { revisions: { where: { number } } } });
      expect(document.visibility).not.toBe('PUBLIC');
      expect(document.revisions.map((r) => [r.status, r.publicExcerptAnchors, r.publicExcerptsBasis === r.draftText])).toEqual([['DRAFT', ['a1'], true]]);
      await withdrawRevision({ slug, number });
    },
  },
  {
    fn: 'addGrant',
    as: ADMIN,
    extra: { role: 'ADMIN', userId: 'x', departmentId: 'x' },
    run: async (extra) => {
      const { id } = await addGrant({ documentSlug: 'sample-safety-management-standard', granteeType: 'DEPARTMENT', grantee: 'welfare', ...extra });
      const grant = await db().documentGrant.findUniqueOrThrow({ where: { id }, include: { department: true } });
      expect([grant.role, grant.userId, grant.department?.code]).toEqual([null, null, 'welfare']);
    },
  },
];

describe('extra fields (status, approvedById, role, visibility …) are ignored', () => {
  for (const { fn, as, extra, run } of EXTRA_FIELDS) {
    it(`${fn} ignores ${Object.keys(extra).join(', ')}`, async () => {
      await signInAs(as);
      await run(extra);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 5. Enormous or deeply nested input is refused before any work is done on it.
// ---------------------------------------------------------------------------------------------

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}
function nestedObject(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

const OVERSIZED: { row: string; as: string; chars: number; call: () => Promise<unknown> }[] = [
  { row: `saveDraft: text of ${(MAX_DRAFT_CHARS + 1).toLocaleString('en')} chars`, as: EDITOR, chars: MAX_DRAFT_CHARS + 1, call: () => saveDraft({ ...draft, text: '第'.repeat(MAX_DRAFT_CHARS + 1) }) },
  { row: 'saveDraft: text of 20,000,000 chars', as: EDITOR, chars: 20_000_000, call: () => saveDraft({ ...draft, text: 'あ'.repeat(20_000_000) }) },
  { row: 'saveDraft: text nested 100,000 arrays deep', as: EDITOR, chars: 100_000, call: () => saveDraft({ ...draft, text: nested(100_000) }) },
  { row: 'createDocument: title nested 100,000 objects deep', as: EDITOR, chars: 100_000, call: () => createDocument({ slug: 'nested', kind: 'PROCEDURE', title: nestedObject(100_000), visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }) },
  { row: 'createDocument: title of 1,000,000 chars', as: EDITOR, chars: 1_000_000, call: () => createDocument({ slug: 'huge-title', kind: 'PROCEDURE', title: '表'.repeat(1_000_000), visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }) },
  { row: 'submitRevision: change reason of 1,000,000 chars', as: EDITOR, chars: 1_000_000, call: () => submitRevision({ ...draft, changeReason: '理'.repeat(1_000_000), effectiveDate: '2027-01-15' }) },
  { row: 'rejectRevision: comment of 1,000,000 chars', as: APPROVER, chars: 1_000_000, call: () => rejectRevision({ slug: DRAFT_SLUG, number: 1, comment: 'コ'.repeat(1_000_000) }) },
  { row: 'saveDraftExcerpts: 100,000 anchors', as: EDITOR, chars: 100_000, call: () => saveDraftExcerpts({ documentSlug: 'sample-standard', number: 1, version: 1, anchors: Array.from({ length: 100_000 }, (_, i) => `a${i + 1}`) }) },
  { row: 'createAccount: 100,000 roles', as: ADMIN, chars: 100_000, call: () => createAccount({ loginId: 'many-roles', displayName: '多', departmentCode: null, roles: Array.from({ length: 100_000 }, () => 'STAFF') }) },
  { row: 'listAuditEvents: actor of 1,000,000 chars', as: AUDITOR, chars: 1_000_000, call: () => listAuditEvents({ actor: 'a'.repeat(1_000_000) }) },
  { row: 'listAuditEvents: before = 10^40', as: AUDITOR, chars: 41, call: () => listAuditEvents({ before: '1'.repeat(41) }) },
];

describe('enormous or deeply nested input is refused with a typed error', () => {
  beforeAll(openSharedDraft);
  for (const { row, as, chars, call } of OVERSIZED) {
    it(row, async () => {
      await signInAs(as);
      const { error } = await measured('oversized', row, chars, call);
      expect(error).toBeInstanceOf(DalError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    });
  }
  afterAll(discardDraft);
});

// ---------------------------------------------------------------------------------------------
// 6. Texts that make parsers backtrack: saved, parsed on submission and compared for the approver
//    in bounded work; the answer is a parsed revision or a typed PARSE_FAILED with its line.
// ---------------------------------------------------------------------------------------------

const HEAD = '（サンプル）試験規程\n（目的）\n第1条　この規程は、';
const HEAVY_TEXTS: { row: string; text: () => string }[] = [
  { row: '"(" × 100,000 on one line', text: () => HEAD + '('.repeat(100_000) },
  { row: '"（" × 100,000', text: () => HEAD + '（'.repeat(100_000) },
  { row: '"(((" runs of 100,000 with ")" at the end', text: () => `${HEAD}${'((('.repeat(33_333)})` },
  { row: 'ア × 100,000 on one line', text: () => HEAD + 'ア'.repeat(100_000) },
  { row: 'ア on 50,000 lines (sub-item labels)', text: () => `${HEAD}\n${'ア\n'.repeat(50_000)}` },
  { row: '第 × 100,000 on one line', text: () => HEAD + '第'.repeat(100_000) },
  { row: '第 on 50,000 lines (article starts)', text: () => `${HEAD}\n${'第\n'.repeat(50_000)}` },
  { row: '第 + 100,000 spaces + x', text: () => `第${' '.repeat(100_000)}x` },
  { row: '第 + 100,000 digits + 条', text: () => `${HEAD}\n第${'1'.repeat(100_000)}条` },
  { row: '第 + 一 × 100,000 + 条', text: () => `${HEAD}\n第${'一'.repeat(100_000)}条` },
  { row: '20,000 articles out of order', text: () => `${HEAD}\n${Array.from({ length: 20_000 }, (_, i) => `第${20_000 - i}条　本文`).join('\n')}` },
  { row: '(1) on 50,000 lines (items)', text: () => `${HEAD}\n${'(1)　項目\n'.repeat(50_000)}` },
  { row: 'items and sub-items alternating, 30,000 lines', text: () => `${HEAD}\n${Array.from({ length: 30_000 }, (_, i) => `${['(1)', 'ア', '(ア)', 'a'][i % 4]}　x`).join('\n')}` },
  { row: '　 (ideographic space) × 100,000 + x', text: () => `${HEAD}${'　'.repeat(100_000)}x` },
  { row: 'tab × 100,000 + x', text: () => `${HEAD}${'\t'.repeat(100_000)}x` },
  { row: '令和 × 50,000 in a supplementary provision', text: () => `${HEAD}\n附則\nこの規程は、${'令和'.repeat(50_000)}年から施行する。` },
  { row: '"- 3 -" page numbers on 50,000 lines', text: () => `${HEAD}\n${'- 3 -\n'.repeat(50_000)}` },
  { row: `largest accepted draft: ${MAX_DRAFT_CHARS.toLocaleString('en')} chars of articles`, text: () => largestDraft() },
];

function largestDraft(): string {
  const lines = [HEAD + '定める。'];
  for (let n = 2, length = lines[0]!.length; length < MAX_DRAFT_CHARS - 200; n += 1) {
    lines.push(`第${n}条　職員は、情報資産を適切に管理しなければならない。${'（注記）'.repeat(20)}`);
    length += lines.at(-1)!.length + 1;
  }
  return lines.join('\n').slice(0, MAX_DRAFT_CHARS);
}

describe('texts built to make the parser backtrack are handled in bounded work', () => {
  let day = 1;
  for (const { row, text } of HEAVY_TEXTS) {
    it(row, async () => {
      const body = text();
      expect(body.length).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
      await discardDraft();
      const { number, editor } = await openDraft();
      const saved = await measured('heavy text', `${row}: saveDraft`, body.length, () => saveDraft({ slug: DRAFT_SLUG, number, baseVersion: editor.version, text: body }));
      expect(saved.value).toMatchObject({ ok: true });
      const effectiveDate = `2027-03-${String((day += 1) % 28 || 28).padStart(2, '0')}`;
      const submitted = await measured('heavy text', `${row}: submitRevision (parse)`, body.length, () => submitRevision({ slug: DRAFT_SLUG, number, changeReason: '負荷試験', effectiveDate }));
      if (submitted.error) {
        expect(submitted.error).toBeInstanceOf(DalError);
        expect(submitted.error).toMatchObject({ code: 'PARSE_FAILED', message: expect.stringMatching(/\d+行目/) });
      } else {
        await signInAs(APPROVER);
        const review = await measured('heavy text', `${row}: getReviewView (新旧対照表)`, body.length, () => getReviewView(DRAFT_SLUG, number));
        expect(review.value).toMatchObject({ number });
      }
    });
  }
  afterAll(discardDraft);
});

describe('audit filters are matched as text, not as patterns', () => {
  for (const pattern of ['%', '_', '.*', 'draft.%', '\\', "' OR '1'='1"]) {
    it(`actor / action ${JSON.stringify(pattern)} match nothing`, async () => {
      await signInAs(AUDITOR);
      expect((await listAuditEvents({ actor: pattern })).events).toEqual([]);
      expect((await listAuditEvents({ action: pattern })).events).toEqual([]);
    });
  }
});
