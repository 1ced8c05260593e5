import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, listAccounts, resetPassword, setAccountStatus, updateAccount } from '@/lib/server/admin/accounts';
import { addGrant, listRestrictedGrants, revokeGrant } from '@/lib/server/admin/grants';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { verifyPassword } from '@/lib/server/auth/password';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { saveDraftExcerpts } from '@/lib/server/excerpts/draft-excerpts';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { TwoPersonRuleError } from '@/lib/server/admin/two-person-rule';
import { AUDIT_CHAIN_LOCK_KEY } from '@/lib/server/audit/chain-lock';
import { runAs, sessionCookiesOf, signInAs } from '../support/as-user';

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

async function snapshot() {
  const [users, departments, grants, revisions, events] = await Promise.all([
    db().user.findMany({ orderBy: { loginId: 'asc' }, select: { loginId: true, roles: true, status: true, passwordHash: true, departmentId: true, displayName: true } }),
    db().department.findMany({ orderBy: { code: 'asc' } }),
    db().documentGrant.findMany({ orderBy: { id: 'asc' } }),
    db().revision.findMany({ orderBy: [{ documentId: 'asc' }, { number: 'asc' }], select: { documentId: true, number: true, status: true, publicExcerptAnchors: true, publicExcerptsBasis: true } }),
    // a refusal itself is recorded (ADR 010): everything else stays as it was
    db().auditEvent.count({ where: { outcome: { not: 'DENIED' } } }),
  ]);
  return { users, departments, grants, revisions, events };
}

// The administration functions' refusals are in role-refusals.test.ts; the excerpts' stay here.
const MUTATIONS: Record<string, () => Promise<unknown>> = {
  saveDraftExcerpts: () => saveDraftExcerpts({ documentSlug: 'sample-safety-management-standard', number: 1, version: 1, anchors: ['a1', 'a2', 'a3'] }),
};

const ALLOWED: Record<string, string[]> = {
  saveDraftExcerpts: ['demo-editor'],
};

describe('every mutation refuses those without the permission and changes nothing', () => {
  const people = [null, 'demo-staff', 'demo-staff-other', 'demo-editor', 'demo-approver', 'demo-auditor', 'demo-admin'];
  for (const [name, run] of Object.entries(MUTATIONS)) {
    for (const who of people.filter((p) => !ALLOWED[name]!.includes(p ?? ''))) {
      it(`${name} as ${who ?? 'anonymous'} is refused`, async () => {
        await signInAs(who);
        const before = await snapshot();
        await expect(run()).rejects.toBeInstanceOf(PermissionDeniedError);
        expect(await snapshot()).toEqual(before);
      });
    }
  }
});

describe('administration', () => {
  it('creates an account with a password shown once, stored only as an Argon2id hash, and records it', async () => {
    await signInAs('demo-admin');
    const events = await db().auditEvent.count({ where: { action: 'account.create' } });
    const created = await createAccount({ loginId: 'new-staff', displayName: '新規 職員', departmentCode: 'welfare', roles: ['STAFF'] });
    expect(created.password).toHaveLength(16);
    const user = await db().user.findUniqueOrThrow({ where: { loginId: 'new-staff' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(created.password);
    expect(await verifyPassword(user.passwordHash, created.password)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: 'account.create' } })).toBe(events + 1);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'account.create' }, orderBy: { seq: 'desc' } });
    expect(JSON.stringify({ ...event, seq: String(event.seq) })).not.toContain(created.password);
    expect(event.actorLoginId).toBe('demo-admin');
  });

  it('refuses a login id already taken, with a Japanese message, and stores nothing', async () => {
    await signInAs('demo-admin');
    const before = await snapshot();
    const error = await createAccount({ loginId: 'demo-staff', displayName: '重複', departmentCode: null, roles: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DalError);
    expect((error as DalError).message).toContain('既に使われています');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with Japanese messages', async () => {
    await signInAs('demo-admin');
    const error = (await createAccount({ loginId: 'A B', displayName: '', departmentCode: null, roles: ['ROOT'] }).catch((e: unknown) => e)) as DalError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/ログインID/);
    expect(error.message).not.toMatch(/[A-Za-z]{6,}/);
  });

  it('an administrator cannot lock themselves out', async () => {
    await signInAs('demo-admin');
    const me = await db().user.findUniqueOrThrow({ where: { loginId: 'demo-admin' } });
    await expect(setAccountStatus({ userId: me.id, status: 'DISABLED' })).rejects.toBeInstanceOf(DalError);
    await expect(updateAccount({ userId: me.id, displayName: me.displayName, departmentCode: 'policy', roles: ['STAFF'] })).rejects.toBeInstanceOf(DalError);
  });

  it('a grant opens a restricted document to a department, and revoking closes it again', async () => {
    await signInAs('demo-staff-other');
    expect(await getDocumentView('sample-safety-management-standard')).toBeNull();
    await signInAs('demo-admin');
    const grant = await addGrant({ documentSlug: 'sample-safety-management-standard', granteeType: 'DEPARTMENT', grantee: 'citizens' });
    await signInAs('demo-staff-other');
    expect((await getDocumentView('sample-safety-management-standard'))?.document.edition).toBe('full');
    await signInAs('demo-admin');
    const listed = await listRestrictedGrants();
    expect(listed.find((d) => d.slug === 'sample-safety-management-standard')?.grants.map((g) => g.grantee)).toContain('citizens');
    await revokeGrant({ grantId: grant.id });
    await signInAs('demo-staff-other');
    expect(await getDocumentView('sample-safety-management-standard')).toBeNull();
  });

  it('resetting a password ends the account’s sessions', async () => {
    const sid = await signInAs('new-staff');
    expect(sid).not.toBeNull();
    const { cookieJar } = await import('../support/as-user');
    const staffCookies = new Map(cookieJar);
    await signInAs('demo-admin');
    const user = await db().user.findUniqueOrThrow({ where: { loginId: 'new-staff' } });
    await resetPassword({ userId: user.id });
    cookieJar.clear();
    for (const [k, v] of staffCookies) cookieJar.set(k, v);
    expect(await getDocumentView('sample-standard').then((v) => v?.document.edition)).toBe('excerpt');
  });

  it('lists accounts only for administrators', async () => {
    await signInAs('demo-auditor');
    await expect(listAccounts()).rejects.toBeInstanceOf(PermissionDeniedError);
    await signInAs('demo-admin');
    expect((await listAccounts()).map((a) => a.loginId)).toContain('demo-staff');
  });
});

describe('the two-person rule: what widens an administrator’s own access is done by another administrator', () => {
  const userOf = (loginId: string) => db().user.findUniqueOrThrow({ where: { loginId }, include: { department: true } });
  const lastDenied = () => db().auditEvent.findFirst({ where: { outcome: 'DENIED' }, orderBy: { seq: 'desc' } });
  const refusal = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TwoPersonRuleError);
    return error as TwoPersonRuleError;
  };

  beforeAll(async () => {
    await signInAs('demo-admin');
    for (const loginId of ['second-admin', 'third-admin']) {
      await createAccount({ loginId, displayName: `${loginId} 管理者`, departmentCode: 'welfare', roles: ['ADMIN'] });
    }
  });

  for (const role of ['EDITOR', 'APPROVER', 'AUDITOR', 'STAFF'] as const) {
    it(`an administrator cannot give themselves ${role}; the refusal is in the trail and nothing changes`, async () => {
      await signInAs('demo-admin');
      const me = await userOf('demo-admin');
      const before = await snapshot();
      const error = await refusal(updateAccount({ userId: me.id, displayName: me.displayName, departmentCode: me.department?.code, roles: ['ADMIN', role] }));
      expect(error.message).toBe('自分自身の役割は変更できません。役割の変更は、別のシステム管理者に依頼してください。');
      const after = await snapshot();
      // nothing changes but the refusal, which the snapshot leaves out and lastDenied finds
      expect(after).toEqual(before);
      const denied = await lastDenied();
      expect(denied).toMatchObject({ action: 'account.update', actorLoginId: 'demo-admin', targetId: me.id, details: { reason: 'own-roles', roles: ['ADMIN', role] } });
    });
  }

  it('an administrator cannot move themselves to another department, but may correct their own name', async () => {
    await signInAs('demo-admin');
    const me = await userOf('demo-admin');
    const error = await refusal(updateAccount({ userId: me.id, displayName: me.displayName, departmentCode: 'general-affairs', roles: me.roles }));
    expect(error.message).toContain('所属部局は変更できません');
    expect((await userOf('demo-admin')).department?.code).toBe('policy');
    await updateAccount({ userId: me.id, displayName: 'システム 管理者（改名）', departmentCode: 'policy', roles: me.roles });
    expect((await userOf('demo-admin')).displayName).toBe('システム 管理者（改名）');
  });

  it('another administrator gives the role, and the trail names both', async () => {
    await signInAs('second-admin');
    const first = await userOf('demo-admin');
    await updateAccount({ userId: first.id, displayName: first.displayName, departmentCode: 'policy', roles: ['ADMIN', 'AUDITOR'] });
    expect((await userOf('demo-admin')).roles).toEqual(['ADMIN', 'AUDITOR']);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'account.update', outcome: 'SUCCESS' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ actorLoginId: 'second-admin', targetId: first.id, details: { before: { roles: ['ADMIN'] }, after: { roles: ['ADMIN', 'AUDITOR'] } } });
    // and takes it away again, for the tests below
    await updateAccount({ userId: first.id, displayName: first.displayName, departmentCode: 'policy', roles: ['ADMIN'] });
  });

  const RESTRICTED = 'sample-safety-management-standard';
  const SELF_GRANTS = [
    { granteeType: 'USER', grantee: 'demo-admin', message: '自分自身には閲覧権限を付与できません。' },
    { granteeType: 'DEPARTMENT', grantee: 'policy', message: '自分が所属する部局（政策総務部）には閲覧権限を付与できません。' },
    { granteeType: 'ROLE', grantee: 'ADMIN', message: '自分が持つ役割（システム管理者）には閲覧権限を付与できません。' },
  ] as const;
  for (const { granteeType, grantee, message } of SELF_GRANTS) {
    it(`an administrator cannot grant a restricted document to themselves through ${granteeType}`, async () => {
      await signInAs('demo-admin');
      const before = await snapshot();
      const error = await refusal(addGrant({ documentSlug: RESTRICTED, granteeType, grantee }));
      expect(error.message).toContain(message);
      expect(error.message).toContain('別のシステム管理者に依頼してください');
      expect((await snapshot()).grants).toEqual(before.grants);
      expect(await lastDenied()).toMatchObject({ action: 'grant.create', actorLoginId: 'demo-admin', targetId: RESTRICTED, details: { reason: 'own-grant', granteeType, grantee } });
      expect(await getDocumentView(RESTRICTED)).toBeNull();
    });
  }

  it('another administrator grants it, and the first administrator can then read the document', async () => {
    await signInAs('second-admin');
    const grant = await addGrant({ documentSlug: RESTRICTED, granteeType: 'USER', grantee: 'demo-admin' });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'grant.create', outcome: 'SUCCESS' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ actorLoginId: 'second-admin', targetId: grant.id, details: { granteeType: 'USER', grantee: 'demo-admin' } });
    await signInAs('demo-admin');
    expect((await getDocumentView(RESTRICTED))?.document.edition).toBe('full');
    // Revoking one's own grant narrows access: allowed.
    await revokeGrant({ grantId: grant.id });
    expect(await getDocumentView(RESTRICTED)).toBeNull();
  });

  it('grants that do not reach the administrator are theirs to give', async () => {
    await signInAs('demo-admin');
    const grant = await addGrant({ documentSlug: RESTRICTED, granteeType: 'DEPARTMENT', grantee: 'welfare' });
    await revokeGrant({ grantId: grant.id });
  });

  it('no administrator can leave fewer than two: the last other one keeps ADMIN and stays enabled', async () => {
    const third = await userOf('third-admin');
    await signInAs('demo-admin');
    // three administrators: one may go
    await setAccountStatus({ userId: third.id, status: 'DISABLED' });
    const second = await userOf('second-admin');
    const before = await snapshot();
    const removed = await refusal(updateAccount({ userId: second.id, displayName: second.displayName, departmentCode: 'welfare', roles: ['STAFF'] }));
    expect(removed.code).toBe('CONFLICT');
    expect(removed.message).toContain('先にほかのアカウントをシステム管理者にしてください');
    await refusal(setAccountStatus({ userId: second.id, status: 'DISABLED' }));
    const after = await snapshot();
    expect({ ...after, events: before.events }).toEqual(before);
    expect(await lastDenied()).toMatchObject({ action: 'account.disable', actorLoginId: 'demo-admin', targetId: second.id, details: { reason: 'last-other-administrator' } });
    // changes that keep ADMIN, and disabled administrators, are not counted against it
    await updateAccount({ userId: second.id, displayName: '二人目 管理者', departmentCode: 'welfare', roles: ['ADMIN', 'STAFF'] });
    await updateAccount({ userId: third.id, displayName: third.displayName, departmentCode: 'welfare', roles: ['STAFF'] });
    await setAccountStatus({ userId: third.id, status: 'ACTIVE' });
  });

  it('two administrators removing each other at once: one change goes through, two administrators remain', async () => {
    await signInAs('demo-admin');
    const third = await userOf('third-admin');
    await updateAccount({ userId: third.id, displayName: third.displayName, departmentCode: 'welfare', roles: ['ADMIN'] });
    const [first, second] = [await userOf('demo-admin'), await userOf('second-admin')];
    const [asFirst, asSecond] = [await sessionCookiesOf('demo-admin'), await sessionCookiesOf('second-admin')];
    // Holding the audit chain's lock stops each change just before its event, after it has
    // counted and written: both are in flight at once, whatever the timing of this machine.
    const chain = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await chain.connect();
    await chain.query('SELECT pg_advisory_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    let results: PromiseSettledResult<void>[];
    try {
      const both = Promise.allSettled([
        runAs(asFirst, () => setAccountStatus({ userId: second.id, status: 'DISABLED' })),
        runAs(asSecond, () => setAccountStatus({ userId: first.id, status: 'DISABLED' })),
      ]);
      for (let i = 0; i < 200; i += 1) {
        const { rows } = await chain.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
        if (rows[0]!.n >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await chain.query('SELECT pg_advisory_unlock($1)', [AUDIT_CHAIN_LOCK_KEY]);
      results = await both;
    } finally {
      await chain.end();
    }
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(TwoPersonRuleError);
    expect(await db().user.count({ where: { status: 'ACTIVE', roles: { has: 'ADMIN' } } })).toBe(2);
  });
});
