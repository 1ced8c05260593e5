import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { can, type TActor } from '@/lib/server/auth/actor';
import { dateColumn } from '@/lib/server/clock';

/*
 * The visibility rules as query filters, so that what a reader may not see is never fetched at
 * all (not fetched-then-hidden): lists, counts and lookups all go through them.
 *   PUBLIC      anyone, signed in or not
 *   STAFF       every signed-in account
 *   RESTRICTED  accounts granted access by department, role or name; and EDITOR, APPROVER and
 *               AUDITOR, whose duties need every document
 * A non-public document whose revision in force has public excerpts (外部に周知すべき事項) has a
 * public edition: everyone else sees those articles of that revision only, and nothing of its
 * other revisions (lib/server/excerpts).
 */
export function fullAccessWhere(actor: TActor): Prisma.DocumentWhereInput {
  if (actor.kind === 'anonymous') return { visibility: 'PUBLIC' };
  // Spelled out rather than `{}`: an empty filter inside OR matches nothing in Prisma.
  if (can(actor, 'document:read-all')) return { visibility: { in: ['PUBLIC', 'STAFF', 'RESTRICTED'] } };
  const grantees: Prisma.DocumentGrantWhereInput[] = [{ userId: actor.id }];
  if (actor.departmentId) grantees.push({ departmentId: actor.departmentId });
  if (actor.roles.length > 0) grantees.push({ role: { in: actor.roles } });
  return {
    OR: [{ visibility: { in: ['PUBLIC', 'STAFF'] } }, { visibility: 'RESTRICTED', grants: { some: { OR: grantees } } }],
  };
}

/**
 * `fullAccessWhere` in SQL, over the documents table aliased `d`, for the raw queries of search.
 * The same rules clause for clause; tests/integration/search.test.ts checks that both select the
 * same documents for every kind of reader.
 */
export function fullAccessSql(actor: TActor): Prisma.Sql {
  if (actor.kind === 'anonymous') return Prisma.sql`d.visibility = 'PUBLIC'`;
  if (can(actor, 'document:read-all')) return Prisma.sql`d.visibility IN ('PUBLIC', 'STAFF', 'RESTRICTED')`;
  const grantees = [Prisma.sql`g.user_id = ${actor.id}::uuid`];
  if (actor.departmentId) grantees.push(Prisma.sql`g.department_id = ${actor.departmentId}::uuid`);
  if (actor.roles.length > 0) grantees.push(Prisma.sql`g.role::text = ANY(${actor.roles as string[]}::text[])`);
  return Prisma.sql`(d.visibility IN ('PUBLIC', 'STAFF') OR (d.visibility = 'RESTRICTED' AND EXISTS (
    SELECT 1 FROM document_grants g WHERE g.document_id = d.id AND (${Prisma.join(grantees, ' OR ')}))))`;
}

/**
 * Documents the actor may see at all: in full, or perhaps as their public edition, when some
 * revision in force by `today` has public excerpts. Whether the revision in force on the date asked
 * for has any is decided per document afterwards (findVisibleSummaries); a revision not yet in
 * force never makes a document visible.
 */
export function visibleDocumentsWhere(actor: TActor, today: string): Prisma.DocumentWhereInput {
  return {
    OR: [
      fullAccessWhere(actor),
      { revisions: { some: { status: 'APPROVED', isAbolition: false, effectiveDate: { lte: dateColumn(today) }, publicExcerptAnchors: { isEmpty: false } } } },
    ],
  };
}

/** The public edition of a revision: its marked articles and the groups that hold them (lib/policy-text/deep). */
export { publicDeepEdition as publicEdition } from '@/lib/policy-text/deep/public-edition';
