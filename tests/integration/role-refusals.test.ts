import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TImportPreview } from '@/lib/domain/ingest';
import { createDocumentFromFile } from '@/lib/server/ingest/create-from-file';
import { readPolicyFile } from '@/lib/server/ingest/read-policy-file';
import { createAccount, listAccounts, resetPassword, setAccountStatus, updateAccount } from '@/lib/server/admin/accounts';
import { createDepartment, listDepartments, renameDepartment } from '@/lib/server/admin/departments';
import { addGrant, listRestrictedGrants, revokeGrant } from '@/lib/server/admin/grants';
import { getAuditEvent } from '@/lib/server/audit/get-event';
import { exportAuditCsv, listAuditEvents } from '@/lib/server/audit/list-events';
import { getLastVerification, verifyAuditChainForAuditor } from '@/lib/server/audit/verify-for-auditor';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { searchDocuments } from '@/lib/server/search/search-documents';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { createDocument } from '@/lib/server/documents/create-document';
import { updateDocumentMetadata } from '@/lib/server/documents/update-document-metadata';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { getDraftEditor, listApprovalQueue } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';

/*
 * Who may call each function of the data layer, found by calling it as each kind of person:
 * anonymous, an account with no role, and one of each role (the demo accounts; all but the
 * administrator also hold STAFF). A change to who may do what must change a line here and show up
 * as a behaviour, not as a table compared with a copy of itself. (The revision workflow's writes
 * and the public excerpts are covered beside their own code.)
 */
const PEOPLE = ['anonymous', 'no-role', 'demo-staff', 'demo-editor', 'demo-approver', 'demo-auditor', 'demo-admin'] as const;
type TWho = (typeof PEOPLE)[number];
const signIn = (who: TWho) => signInAs(who === 'anonymous' ? null : who);

const SIGNED_IN = PEOPLE.filter((p) => p !== 'anonymous');
const ADMIN: TWho[] = ['demo-admin'];
const READ_ALL: TWho[] = ['demo-editor', 'demo-approver', 'demo-auditor'];

let run = 0;
const importFile = async () => new File([await readFile('tests/fixtures/ingest/standard.docx')], 'standard.docx');
let editorRead: TImportPreview;
const unique = (prefix: string) => `${prefix}-${(run += 1)}`;
const userId = (loginId: string) => db().user.findUniqueOrThrow({ where: { loginId }, select: { id: true } }).then((u) => u.id);

async function snapshot() {
  const [users, departments, grants, documents, revisions] = await Promise.all([
    db().user.findMany({ orderBy: { loginId: 'asc' }, select: { loginId: true, roles: true, status: true, passwordHash: true, departmentId: true, displayName: true, sessionsValidAfter: true } }),
    db().department.findMany({ orderBy: { code: 'asc' } }),
    db().documentGrant.findMany({ orderBy: { id: 'asc' } }),
    db().document.findMany({ orderBy: { slug: 'asc' } }),
    db().revision.count(),
  ]);
  return { users, departments, grants, documents, revisions };
}

interface TCase {
  /** who may call it; everyone else is refused (anonymous: asked to sign in) */
  allowed: readonly TWho[];
  /** whether a refused call must leave the database as it was (every write) */
  writes: boolean;
  call: () => Promise<unknown>;
}

const CASES: Record<string, TCase> = {
  // administration
  listAccounts: { allowed: ADMIN, writes: false, call: () => listAccounts() },
  createAccount: { allowed: ADMIN, writes: true, call: () => createAccount({ loginId: unique('made'), displayName: '作成 試験', departmentCode: 'welfare', roles: ['EDITOR'] }) },
  updateAccount: { allowed: ADMIN, writes: true, call: async () => updateAccount({ userId: await userId('role-target'), displayName: unique('改名'), departmentCode: 'welfare', roles: ['APPROVER'] }) },
  resetPassword: { allowed: ADMIN, writes: true, call: async () => resetPassword({ userId: await userId('role-target') }) },
  setAccountStatus: { allowed: ADMIN, writes: true, call: async () => setAccountStatus({ userId: await userId('role-target'), status: 'DISABLED' }) },
  listDepartments: { allowed: SIGNED_IN, writes: false, call: () => listDepartments() },
  createDepartment: { allowed: ADMIN, writes: true, call: () => createDepartment({ code: unique('dept'), name: '試験部' }) },
  renameDepartment: {
    allowed: ADMIN,
    writes: true,
    call: async () => renameDepartment({ departmentId: (await db().department.findUniqueOrThrow({ where: { code: 'welfare' } })).id, name: unique('福祉部') }),
  },
  listRestrictedGrants: { allowed: ADMIN, writes: false, call: () => listRestrictedGrants() },
  addGrant: { allowed: ADMIN, writes: true, call: () => addGrant({ documentSlug: 'sample-procedure-media', granteeType: 'USER', grantee: 'role-target' }) },
  revokeGrant: { allowed: ADMIN, writes: true, call: async () => revokeGrant({ grantId: (await db().documentGrant.findFirstOrThrow({ where: { document: { slug: 'sample-procedure-media' } } })).id }) },
  // the audit trail: auditors all of it, administrators its administrative part
  listAuditEvents: { allowed: ['demo-auditor', 'demo-admin'], writes: false, call: () => listAuditEvents({}) },
  exportAuditCsv: { allowed: ['demo-auditor', 'demo-admin'], writes: false, call: () => exportAuditCsv({}) },
  getAuditEvent: {
    allowed: ['demo-auditor', 'demo-admin'],
    writes: false,
    call: async () => getAuditEvent({ seq: (await db().auditEvent.findFirstOrThrow({ where: { action: 'department.create' } })).seq.toString() }),
  },
  verifyAuditChainForAuditor: { allowed: ['demo-auditor'], writes: false, call: () => verifyAuditChainForAuditor() },
  getLastVerification: { allowed: ['demo-auditor'], writes: false, call: () => getLastVerification() },
  // document management
  createDocument: {
    allowed: ['demo-editor'],
    writes: true,
    call: () => createDocument({ slug: unique('role-doc'), kind: 'PROCEDURE', title: '権限試験手順', visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }),
  },
  updateDocumentMetadata: {
    allowed: ['demo-editor'],
    writes: true,
    call: () => updateDocumentMetadata({ slug: 'sample-procedure-media', title: unique('題名'), parentSlug: 'sample-standard', departmentCode: 'general-affairs', visibility: 'PUBLIC', requiredApprovals: 2, reviewIntervalMonths: 6 }),
  },
  // 文書を取り込む and ファイルから改正案を作る: a file is read only for those who may draft
  readPolicyFile: { allowed: ['demo-editor'], writes: true, call: async () => readPolicyFile({ file: await importFile() }) },
  readPolicyFileForAmendment: { allowed: ['demo-editor'], writes: true, call: async () => readPolicyFile({ slug: 'sample-procedure-media', file: await importFile() }) },
  createDocumentFromFile: {
    allowed: ['demo-editor'],
    writes: true,
    call: () => createDocumentFromFile({ slug: unique('role-import'), kind: 'PROCEDURE', title: '取込み権限試験', visibility: 'STAFF', requiredApprovals: '1', reviewIntervalMonths: '12', receipt: editorRead.receipt, text: editorRead.text }),
  },
  // the workflow's screens: the draft for editors, the queue for approvers
  getDraftEditor: { allowed: ['demo-editor'], writes: false, call: () => getDraftEditor('sample-standard') },
  listApprovalQueue: { allowed: ['demo-approver'], writes: false, call: () => listApprovalQueue() },
};

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  // A signed-in account with no role and no department; and an account to change.
  await db().user.create({ data: { loginId: 'no-role', displayName: '役割 なし', roles: [], passwordHash: 'unused' } });
  await db().user.create({ data: { loginId: 'role-target', displayName: '対象 職員', roles: ['STAFF'], passwordHash: 'unused' } });
  await db().documentGrant.create({ data: { document: { connect: { slug: 'sample-procedure-media' } }, department: { connect: { code: 'citizens' } } } });
  await signInAs('demo-admin');
  await createDepartment({ code: 'role-audit-probe', name: '記録用' });
  await signInAs('demo-editor');
  await startDraft({ slug: 'sample-standard' });
  editorRead = await readPolicyFile({ file: await importFile() });
});

describe('each data-layer function refuses exactly the people it must', () => {
  for (const [name, { allowed, writes, call }] of Object.entries(CASES)) {
    for (const who of PEOPLE) {
      const may = allowed.includes(who);
      it(`${name}: ${who} ${may ? 'may' : 'is refused'}`, async () => {
        await signIn(who);
        if (may) {
          await expect(call()).resolves.not.toThrow();
          return;
        }
        const before = writes ? await snapshot() : null;
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(PermissionDeniedError);
        expect((error as PermissionDeniedError).permission === 'sign-in').toBe(who === 'anonymous');
        if (before) expect(await snapshot()).toEqual(before);
      });
    }
  }
});

describe('what a function shows depends on who asks', () => {
  it('administrators see the administrative part of the trail only; auditors all of it', async () => {
    await signIn('demo-admin');
    const admin = await listAuditEvents({});
    expect(admin.scope).toBe('administrative');
    expect(admin.events.length).toBeGreaterThan(0);
    expect(admin.events.every((e) => /^(account|department|grant)\./.test(e.action))).toBe(true);
    await signIn('demo-auditor');
    const auditor = await listAuditEvents({});
    expect(auditor.scope).toBe('all');
    expect(auditor.events.some((e) => !/^(account|department|grant)\./.test(e.action))).toBe(true);
  });

  // RESTRICTED granted to 総務部 (demo-staff's department), STAFF, PUBLIC
  const READS: Record<TWho, ['full' | 'excerpt' | null, 'full' | 'excerpt' | null, 'full' | 'excerpt' | null]> = {
    anonymous: [null, null, 'full'],
    'no-role': [null, 'full', 'full'],
    'demo-staff': ['full', 'full', 'full'],
    'demo-editor': ['full', 'full', 'full'],
    'demo-approver': ['full', 'full', 'full'],
    'demo-auditor': ['full', 'full', 'full'],
    'demo-admin': [null, 'full', 'full'],
  };
  for (const who of PEOPLE) {
    it(`${who} reads restricted, staff and public documents as their duties and grants allow`, async () => {
      await signIn(who);
      const editions = await Promise.all(['sample-safety-management-standard', 'sample-procedure-password', 'basic-policy'].map(async (slug) => (await getDocumentView(slug))?.document.edition ?? null));
      expect(editions).toEqual(READS[who]);
    });
  }

  for (const who of SIGNED_IN) {
    const readsAll = READ_ALL.includes(who);
    it(`${who} ${readsAll ? 'sees' : 'does not see'} drafts in a document's history, and ${readsAll ? 'may' : 'may not'} search every revision`, async () => {
      await signIn(who);
      const history = await getRevisionHistory('sample-standard');
      expect(history?.revisions.some((r) => r.status === 'DRAFT')).toBe(readsAll);
      expect(history?.revisions.some((r) => r.status === 'APPROVED')).toBe(true);
      expect((await searchDocuments({ q: '目的', scope: 'all' })).scope).toBe(readsAll ? 'all' : 'current');
    });
  }
});
