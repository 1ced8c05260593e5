import 'server-only';
import { adminErrors } from '@/lib/messages/admin-errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLES } from '@/lib/domain/roles';
import { ZAddGrantInput, ZRevokeGrantInput } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordingRefusal, refuseOwnGrant } from '@/lib/server/admin/two-person-rule';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';

export interface TGrantRow {
  id: string;
  granteeType: 'DEPARTMENT' | 'ROLE' | 'USER';
  /** 部局名, role code or login id */
  grantee: string;
  granteeLabel: string;
  createdAt: string;
}

export interface TRestrictedDocumentGrants {
  slug: string;
  title: string;
  grants: TGrantRow[];
}

/**
 * RESTRICTED documents with their grants, for administrators. Titles only: managing who may read
 * a document does not let the administrator read it.
 */
export async function listRestrictedGrants(): Promise<TRestrictedDocumentGrants[]> {
  const actor = await getActor();
  requirePermission(actor, 'grant:manage');
  const documents = await db().document.findMany({
    where: { visibility: 'RESTRICTED' },
    orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }],
    select: {
      slug: true,
      title: true,
      grants: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, role: true, createdAt: true, department: { select: { code: true, name: true } }, user: { select: { loginId: true, displayName: true } } },
      },
    },
  });
  return documents.map((d) => ({
    slug: d.slug,
    title: d.title,
    grants: d.grants.map((g) => ({
      id: g.id,
      createdAt: g.createdAt.toISOString(),
      ...(g.department
        ? { granteeType: 'DEPARTMENT' as const, grantee: g.department.code, granteeLabel: g.department.name }
        : g.role
          ? { granteeType: 'ROLE' as const, grantee: g.role, granteeLabel: g.role }
          : { granteeType: 'USER' as const, grantee: g.user?.loginId ?? '', granteeLabel: `${g.user?.displayName ?? ''}（${g.user?.loginId ?? ''}）` }),
    })),
  }));
}

export async function addGrant(input: unknown): Promise<{ id: string }> {
  const actor = await getActor();
  requirePermission(actor, 'grant:manage');
  const data = parseInput(ZAddGrantInput, input);
  const context = await getRequestContext();
  const attempt = { actor, context, action: 'grant.create', targetType: 'document', targetId: data.documentSlug, details: { granteeType: data.granteeType, grantee: data.grantee } };
  return recordingRefusal(attempt, () => db().$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { slug: data.documentSlug }, select: { id: true, visibility: true } });
    if (!document || document.visibility !== 'RESTRICTED') throw new DalError('INVALID_INPUT', adminErrors.grantNeedsRestricted);
    let target: { departmentId?: string; role?: Role; userId?: string };
    if (data.granteeType === 'DEPARTMENT') {
      const department = await tx.department.findUnique({ where: { code: data.grantee }, select: { id: true } });
      if (!department) throw new DalError('INVALID_INPUT', adminErrors.departmentNotFound);
      target = { departmentId: department.id };
    } else if (data.granteeType === 'ROLE') {
      if (!(ROLES as readonly string[]).includes(data.grantee)) throw new DalError('INVALID_INPUT', adminErrors.roleInvalid);
      target = { role: data.grantee as Role };
    } else {
      const user = await tx.user.findUnique({ where: { loginId: data.grantee }, select: { id: true } });
      if (!user) throw new DalError('INVALID_INPUT', adminErrors.accountNotFound);
      target = { userId: user.id };
    }
    refuseOwnGrant(actor, target);
    const existing = await tx.documentGrant.findFirst({ where: { documentId: document.id, ...target }, select: { id: true } });
    if (existing) throw new DalError('CONFLICT', adminErrors.grantExists);
    const grant = await tx.documentGrant.create({ data: { documentId: document.id, createdById: actor.id, ...target }, select: { id: true } });
    await recordEvent(tx, {
      action: 'grant.create',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'grant',
      targetId: grant.id,
      details: { documentSlug: data.documentSlug, granteeType: data.granteeType, grantee: data.grantee },
    });
    return grant;
  }));
}

export async function revokeGrant(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'grant:manage');
  const { grantId } = parseInput(ZRevokeGrantInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const grant = await tx.documentGrant.findUnique({ where: { id: grantId }, select: { id: true, role: true, document: { select: { slug: true } }, department: { select: { code: true } }, user: { select: { loginId: true } } } });
    if (!grant) throw new DalError('NOT_FOUND', adminErrors.grantNotFound);
    await tx.documentGrant.delete({ where: { id: grantId } });
    await recordEvent(tx, {
      action: 'grant.revoke',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'grant',
      targetId: grantId,
      details: { documentSlug: grant.document.slug, department: grant.department?.code ?? null, role: grant.role, user: grant.user?.loginId ?? null },
    });
  });
}
