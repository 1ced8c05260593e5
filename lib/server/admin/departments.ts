import 'server-only';
import { adminErrors } from '@/lib/messages/admin-errors';
import { ZCreateDepartmentInput, ZRenameDepartmentInput } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';

export interface TDepartmentRow {
  id: string;
  code: string;
  name: string;
  userCount: number;
  kind: 'BU' | 'KA' | 'KAKARI';
  /** steps below the top of its branch (0 for a 部), for indenting the tree */
  depth: number;
}

/** Departments for choosers and the administration screen; any signed-in person may list them. */
export async function listDepartments(): Promise<TDepartmentRow[]> {
  const actor = await getActor();
  requirePermission(actor, 'document:read-staff');
  const rows = await db().department.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: { id: true, code: true, name: true, kind: true, parentId: true, _count: { select: { users: true } } } });
  // in tree order: each unit followed by the units below it
  const out: TDepartmentRow[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const r of rows.filter((row) => row.parentId === parentId)) {
      out.push({ id: r.id, code: r.code, name: r.name, userCount: r._count.users, kind: r.kind, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function createDepartment(input: unknown): Promise<{ id: string }> {
  const actor = await getActor();
  requirePermission(actor, 'department:manage');
  const data = parseInput(ZCreateDepartmentInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    if (await tx.department.findUnique({ where: { code: data.code }, select: { id: true } })) {
      throw new DalError('CONFLICT', adminErrors.departmentCodeTaken(data.code));
    }
    const parent = data.parentCode ? await tx.department.findUnique({ where: { code: data.parentCode }, select: { id: true } }) : null;
    if (data.parentCode && !parent) throw new DalError('INVALID_INPUT', adminErrors.parentNotFound);
    if (data.kind === 'KAKARI' && !parent) throw new DalError('INVALID_INPUT', adminErrors.parentRequired);
    const last = await tx.department.aggregate({ _max: { sortOrder: true } });
    const department = await tx.department.create({ data: { code: data.code, name: data.name, kind: data.kind, parentId: parent?.id ?? null, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: { id: true } });
    await recordEvent(tx, { action: 'department.create', outcome: 'SUCCESS', actor, context, targetType: 'department', targetId: department.id, details: data });
    return department;
  });
}

export async function renameDepartment(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'department:manage');
  const data = parseInput(ZRenameDepartmentInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id: data.departmentId }, select: { name: true } });
    if (!before) throw new DalError('NOT_FOUND', adminErrors.departmentNotFound);
    await tx.department.update({ where: { id: data.departmentId }, data: { name: data.name } });
    await recordEvent(tx, { action: 'department.update', outcome: 'SUCCESS', actor, context, targetType: 'department', targetId: data.departmentId, details: { before: before.name, after: data.name } });
  });
}
