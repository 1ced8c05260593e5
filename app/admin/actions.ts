'use server';

import { revalidatePath } from 'next/cache';
import { formText as text, formTexts as texts } from '@/lib/form-fields';
import { createAccount, resetPassword, setAccountStatus, updateAccount } from '@/lib/server/admin/accounts';
import { createDepartment, renameDepartment } from '@/lib/server/admin/departments';
import { addGrant, revokeGrant } from '@/lib/server/admin/grants';
import type { TActionResult } from '@/lib/domain/action-result';
import { runAction } from '@/lib/server/http/action-result';

/*
 * Public POST endpoints: each reads only the fields it knows (never the whole FormData, so a
 * stray `roles` or `status` is ignored), calls one DAL function, which checks the permission and
 * validates, and refreshes the administration screens on success.
 */



async function done<T>(result: Promise<TActionResult<T>>): Promise<TActionResult<T>> {
  const settled = await result;
  if (settled.ok) revalidatePath('/admin', 'layout');
  return settled;
}

export async function createAccountAction(_previous: unknown, formData: FormData) {
  const input = {
    loginId: text(formData, 'loginId'),
    displayName: text(formData, 'displayName'),
    departmentCode: text(formData, 'departmentCode'),
    roles: texts(formData, 'roles'),
  };
  return done(runAction(() => createAccount(input)));
}

export async function updateAccountAction(_previous: unknown, formData: FormData) {
  const input = {
    userId: text(formData, 'userId'),
    displayName: text(formData, 'displayName'),
    departmentCode: text(formData, 'departmentCode'),
    roles: texts(formData, 'roles'),
  };
  return done(runAction(() => updateAccount(input)));
}

export async function resetPasswordAction(_previous: unknown, formData: FormData) {
  const input = { userId: text(formData, 'userId') };
  return done(runAction(() => resetPassword(input)));
}

export async function setAccountStatusAction(_previous: unknown, formData: FormData) {
  const input = { userId: text(formData, 'userId'), status: text(formData, 'status') };
  return done(runAction(() => setAccountStatus(input)));
}

export async function createDepartmentAction(_previous: unknown, formData: FormData) {
  const input = { code: text(formData, 'code'), name: text(formData, 'name'), kind: text(formData, 'kind') || undefined, parentCode: text(formData, 'parentCode') };
  return done(runAction(() => createDepartment(input)));
}

export async function renameDepartmentAction(_previous: unknown, formData: FormData) {
  const input = { departmentId: text(formData, 'departmentId'), name: text(formData, 'name') };
  return done(runAction(() => renameDepartment(input)));
}

export async function addGrantAction(_previous: unknown, formData: FormData) {
  const input = { documentSlug: text(formData, 'documentSlug'), granteeType: text(formData, 'granteeType'), grantee: text(formData, 'grantee') };
  return done(runAction(() => addGrant(input)));
}

export async function revokeGrantAction(_previous: unknown, formData: FormData) {
  const input = { grantId: text(formData, 'grantId') };
  return done(runAction(() => revokeGrant(input)));
}
