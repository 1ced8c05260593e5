import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, listAccounts, resetPassword, setAccountStatus, updateAccount } from '@/lib/server/admin/accounts';
import { createDepartment, renameDepartment } from '@/lib/server/admin/departments';
import { addGrant, listRestrictedGrants, revokeGrant } from '@/lib/server/admin/grants';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { verifyPassword } from '@/lib/server/auth/password';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/server/documents/errors';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { setPublicExcerpts } from '@/lib/server/documents/set-public-excerpts';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { signInAs } from '../support/as-user';

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

async function snapshot() {
  const [users, departments, grants, documents, events] = await Promise.all([
    db().user.findMany({ orderBy: { loginId: 'asc' }, select: { loginId: true, roles: true, status: true, passwordHash: true, departmentId: true, displayName: true } }),
    db().department.findMany({ orderBy: { code: 'asc' } }),
    db().documentGrant.findMany({ orderBy: { id: 'asc' } }),
    db().document.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, publicExcerptAnchors: true } }),
    // a refusal itself is recorded (ADR 008): everything else stays as it was
    db().auditEvent.count({ where: { outcome: { not: 'DENIED' } } }),
  ]);
  return { users, departments, grants, documents, events };
}

const someUserId = async () => (await db().user.findUniqueOrThrow({ where: { loginId: 'demo-staff-other' } })).id;
const someGrantId = async () => (await db().documentGrant.findFirstOrThrow()).id;
const someDepartmentId = async () => (await db().department.findFirstOrThrow()).id;

// Every mutating DAL function, as a direct call with valid input.
const MUTATIONS: Record<string, () => Promise<unknown>> = {
  createAccount: () => createAccount({ loginId: 'intruder', displayName: '侵入者', departmentCode: 'general-affairs', roles: ['ADMIN'] }),
  updateAccount: async () => updateAccount({ userId: await someUserId(), displayName: 'x', departmentCode: null, roles: ['ADMIN'] }),
  resetPassword: async () => resetPassword({ userId: await someUserId() }),
  setAccountStatus: async () => setAccountStatus({ userId: await someUserId(), status: 'DISABLED' }),
  createDepartment: () => createDepartment({ code: 'intruders', name: '侵入部' }),
  renameDepartment: async () => renameDepartment({ departmentId: await someDepartmentId(), name: '改名' }),
  addGrant: () => addGrant({ documentSlug: 'sample-safety-management-standard', granteeType: 'DEPARTMENT', grantee: 'citizens' }),
  revokeGrant: async () => revokeGrant({ grantId: await someGrantId() }),
  setPublicExcerpts: () => setPublicExcerpts({ documentSlug: 'sample-safety-management-standard', anchors: ['a1', 'a2', 'a3'] }),
};

const ALLOWED: Record<string, string[]> = {
  createAccount: ['demo-admin'],
  updateAccount: ['demo-admin'],
  resetPassword: ['demo-admin'],
  setAccountStatus: ['demo-admin'],
  createDepartment: ['demo-admin'],
  renameDepartment: ['demo-admin'],
  addGrant: ['demo-admin'],
  revokeGrant: ['demo-admin'],
  setPublicExcerpts: ['demo-editor'],
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
