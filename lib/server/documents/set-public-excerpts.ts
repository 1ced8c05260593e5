import 'server-only';
import { ZSetPublicExcerptsInput } from '@/lib/schemas/admin';
import { ZPolicyTree } from '@/lib/policy-text/tree';
import { parseInput } from '@/lib/server/admin/guard';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { todayInJapan, dateColumn } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/server/documents/errors';
import { getRequestContext } from '@/lib/server/request-context';

export interface TExcerptEditorView {
  slug: string;
  title: string;
  visibility: 'PUBLIC' | 'STAFF' | 'RESTRICTED';
  articles: { id: string; label: string; selected: boolean }[];
}

/** The articles of the revision in force, with the ones marked 外部に周知すべき事項; for editors. */
export async function getExcerptEditor(slug: string): Promise<TExcerptEditorView | null> {
  const actor = await getActor();
  if (actor.kind !== 'user' || !actor.permissions.has('document:manage')) return null;
  const document = await db().document.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      visibility: true,
      publicExcerptAnchors: true,
      revisions: {
        where: { status: 'APPROVED', effectiveDate: { lte: dateColumn(todayInJapan()) } },
        orderBy: { effectiveDate: 'desc' },
        take: 1,
        select: { content: true },
      },
    },
  });
  const revision = document?.revisions[0];
  if (!document || !revision) return null;
  const tree = ZPolicyTree.parse(revision.content);
  const articles = [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];
  const selected = new Set(document.publicExcerptAnchors);
  return {
    slug: document.slug,
    title: document.title,
    visibility: document.visibility,
    articles: articles.map((a) => ({ id: a.id, label: `${a.number}${a.caption ? `（${a.caption}）` : ''}`, selected: selected.has(a.id) })),
  };
}

/** Marks which articles of a non-public document form its public edition; recorded. */
export async function setPublicExcerpts(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'document:manage');
  const data = parseInput(ZSetPublicExcerptsInput, input);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const document = await tx.document.findUnique({ where: { slug: data.documentSlug }, select: { id: true, visibility: true, publicExcerptAnchors: true } });
    if (!document) throw new DalError('NOT_FOUND', '文書が見つかりません。');
    if (document.visibility === 'PUBLIC' && data.anchors.length > 0) throw new DalError('INVALID_INPUT', '公開文書には抜粋を設定できません。');
    const anchors = [...new Set(data.anchors)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    await tx.document.update({ where: { id: document.id }, data: { publicExcerptAnchors: anchors } });
    await recordEvent(tx, {
      action: 'document.excerpts-update',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: document.id,
      details: { slug: data.documentSlug, before: document.publicExcerptAnchors, after: anchors },
    });
  });
}
