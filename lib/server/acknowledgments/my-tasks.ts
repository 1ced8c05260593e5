import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TAckObligation } from '@/lib/domain/acknowledgments';
import { getActor, type TActor } from '@/lib/server/auth/actor';
import { fullAccessSql } from '@/lib/server/auth/document-access';
import { todayInJapan } from '@/lib/server/clock';
import { listObligations } from '@/lib/server/acknowledgments/obligations';

/** The actor's own obligations (one document, or all), in any state. Only ever their own. */
export async function ownObligations(actor: Extract<TActor, { kind: 'user' }>, slug?: string): Promise<TAckObligation[]> {
  return listObligations({
    people: Prisma.sql`u.id = ${actor.id}::uuid`,
    documents: slug ? Prisma.sql`d.slug = ${slug} AND ${fullAccessSql(actor)}` : fullAccessSql(actor),
    today: todayInJapan(),
  });
}

/** 「第n版を確認してください」: the signed-in person's open tasks, overdue first; empty for anonymous readers. */
export async function listMyAcknowledgmentTasks(): Promise<TAckObligation[]> {
  const actor = await getActor();
  if (actor.kind !== 'user') return [];
  const tasks = (await ownObligations(actor)).filter((task) => task.state !== 'done');
  return tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'ja'));
}
