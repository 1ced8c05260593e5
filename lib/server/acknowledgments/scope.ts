import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TDepartmentKind } from '@/lib/domain/acknowledgments';
import { requirePermission, type TActor } from '@/lib/server/auth/actor';
import { ackScopeOf } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';

export interface TUnit {
  id: string;
  code: string;
  name: string;
  kind: TDepartmentKind;
  parentId: string | null;
  /** the 部 at the top of its branch (itself for a 部) */
  rootId: string;
  depth: number;
}

/** Every department with its place in the hierarchy, in tree order. */
export async function loadUnits(): Promise<TUnit[]> {
  const rows = await db().department.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true, sortOrder: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
  const byParent = new Map<string | null, typeof rows>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const out: TUnit[] = [];
  const walk = (parentId: string | null, rootId: string | null, depth: number) => {
    for (const row of byParent.get(parentId) ?? []) {
      const root = rootId ?? row.id;
      out.push({ id: row.id, code: row.code, name: row.name, kind: row.kind, parentId: row.parentId, rootId: root, depth });
      walk(row.id, root, depth + 1);
    }
  };
  walk(null, null, 0);
  return out;
}

/** The unit and every unit below it. */
export function subtree(units: readonly TUnit[], unitId: string): string[] {
  const ids = new Set([unitId]);
  for (const unit of units) if (unit.parentId && ids.has(unit.parentId)) ids.add(unit.id);
  return [...ids];
}

export type TBoardScope = { kind: 'city'; units: TUnit[] } | { kind: 'unit'; rootUnitId: string; units: TUnit[] };

/**
 * Whose acknowledgments the actor may see (the permission table's ACK_SCOPE): the whole city, or
 * their own department and the units below it. An actor with the permission but no department
 * sees nobody's rather than everybody's. Refusals are recorded.
 */
export async function boardScope(actor: TActor, action: string): Promise<TBoardScope> {
  requirePermission(actor, 'acknowledgment:read', { action });
  const all = await loadUnits();
  const scope = ackScopeOf(actor.roles);
  if (scope === 'city') return { kind: 'city', units: all };
  if (scope !== 'unit' || !actor.departmentId) return { kind: 'unit', rootUnitId: '', units: [] };
  const ids = new Set(subtree(all, actor.departmentId));
  return { kind: 'unit', rootUnitId: actor.departmentId, units: all.filter((u) => ids.has(u.id)) };
}

/** The people of the given units, over `users u`. */
export function peopleInUnits(unitIds: readonly string[]): Prisma.Sql {
  return unitIds.length === 0 ? Prisma.sql`false` : Prisma.sql`u.department_id = ANY(${unitIds as string[]}::uuid[])`;
}
