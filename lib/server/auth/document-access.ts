import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TActor } from '@/lib/server/auth/actor';

/*
 * The visibility rule as a query filter, so that what a reader may not see is never
 * fetched at all (not fetched-then-hidden): lists, counts and lookups all go through it.
 */
export function visibleDocumentsWhere(actor: TActor): Prisma.DocumentWhereInput {
  switch (actor.kind) {
    case 'anonymous':
      return { visibility: 'PUBLIC' };
  }
}
