import 'server-only';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { excerptsErrors } from '@/lib/messages/excerpts-errors';
import { allArticles, articleLabel, carryExcerpts, sortAnchors, type TCarriedExcerpt } from '@/lib/policy-text/excerpts';
import { ZSetDraftExcerptsInput } from '@/lib/schemas/excerpts';
import { ZSlug } from '@/lib/schemas/documents';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { dateColumn, todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { baseExcerpts, draftCarry, excerptRevisionSelect } from '@/lib/server/excerpts/revision-excerpts';
import { getRequestContext } from '@/lib/server/request-context';
import { lockRevision } from '@/lib/server/workflow/load';

/*
 * The screen 「外部に周知すべき事項の設定」 edits the open draft's list (the list of an approved
 * revision never changes: it is part of what was approved). It shows what the draft inherits from
 * the revision it amends: which public articles carry forward, renumbered or amended, and which
 * are dropped because the draft deletes them.
 */

export interface TExcerptArticle {
  id: string;
  label: string;
}

export interface TDraftExcerpts {
  number: number;
  status: 'DRAFT' | 'IN_REVIEW';
  /** the draft text's version the list is shown for; a save names it */
  version: number;
  /** the draft text parses (otherwise no article can be chosen yet) */
  parsed: boolean;
  /** the articles of the draft's current text, with the ones chosen */
  articles: (TExcerptArticle & { selected: boolean })[];
  /** the revision the draft amends */
  baseNumber: number | null;
  /** the base revision's public articles that the draft keeps (perhaps renumbered or amended) */
  carried: TCarriedExcerpt[];
  /** the base revision's public articles that the draft deletes */
  dropped: { before: string; beforeLabel: string }[];
  /** chosen in this draft beyond what it inherits */
  added: TExcerptArticle[];
  /** inherited but taken off in this draft */
  removed: TExcerptArticle[];
  /** the editor confirmed the list against the draft's current text */
  confirmed: boolean;
  /** public articles were renumbered, deleted or rewritten since: submitting needs a confirmation */
  needsConfirmation: boolean;
}

export interface TExcerptEditorView {
  slug: string;
  title: string;
  visibility: 'PUBLIC' | 'STAFF' | 'RESTRICTED';
  /** the revision in force today and its public articles */
  inForce: { number: number; articles: TExcerptArticle[] } | null;
  /** the open draft (or revision in review); null when there is none */
  draft: TDraftExcerpts | null;
}

const articlesOf = (tree: TDeepTree, anchors: readonly string[]): TExcerptArticle[] => {
  const keep = new Set(anchors);
  return allArticles(tree)
    .filter((a) => keep.has(a.id))
    .map((a) => ({ id: a.id, label: articleLabel(a) }));
};

/** For editors (revision:draft); null for anyone else and for an unknown slug, like a missing document. */
export async function getExcerptEditor(slug: string): Promise<TExcerptEditorView | null> {
  const actor = await getActor();
  if (actor.kind !== 'user' || !actor.permissions.has('revision:draft')) return null;
  if (!ZSlug.safeParse(slug).success) return null;
  const document = await db().document.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, visibility: true } });
  if (!document) return null;
  const [inForce, open] = await Promise.all([
    db().revision.findFirst({
      where: { documentId: document.id, status: 'APPROVED', isAbolition: false, effectiveDate: { lte: dateColumn(todayInJapan()) } },
      orderBy: { effectiveDate: 'desc' },
      select: { number: true, content: true, publicExcerptAnchors: true },
    }),
    db().revision.findFirst({ where: { documentId: document.id, status: { in: ['DRAFT', 'IN_REVIEW'] } }, select: { ...excerptRevisionSelect, version: true } }),
  ]);
  return {
    slug: document.slug,
    title: document.title,
    visibility: document.visibility,
    inForce: inForce ? { number: inForce.number, articles: articlesOf(readDeepTree(inForce.content), inForce.publicExcerptAnchors) } : null,
    draft: open ? await draftExcerpts(open) : null,
  };
}

/**
 * The public articles of a revision in review, as its approvers see them before approving: what it
 * carries forward, drops and adds. Null for a public document, or when it is not open.
 */
export async function getReviewExcerpts(slug: string, number: number): Promise<TDraftExcerpts | null> {
  const actor = await getActor();
  if (actor.kind !== 'user' || !actor.permissions.has('revision:read-all')) return null;
  if (!ZSlug.safeParse(slug).success || !Number.isInteger(number)) return null;
  const revision = await db().revision.findFirst({
    where: { document: { slug, visibility: { not: 'PUBLIC' } }, number, status: { in: ['DRAFT', 'IN_REVIEW'] } },
    select: { ...excerptRevisionSelect, version: true },
  });
  return revision ? draftExcerpts(revision) : null;
}

async function draftExcerpts(draft: Parameters<typeof draftCarry>[1] & { version: number }): Promise<TDraftExcerpts> {
  const client = db();
  const status: TDraftExcerpts['status'] = draft.status === 'IN_REVIEW' ? 'IN_REVIEW' : 'DRAFT';
  // In review the submitted text is the content, its list fixed at submission.
  const parsed = status === 'IN_REVIEW' ? ({ ok: true, tree: readDeepTree(draft.content) } as const) : parseDeepText(draft.draftText ?? '');
  const baseNumber = draft.baseRevisionId ? ((await client.revision.findUnique({ where: { id: draft.baseRevisionId }, select: { number: true } }))?.number ?? null) : null;
  const empty = { number: draft.number, status, version: draft.version, baseNumber, carried: [], dropped: [], added: [], removed: [], confirmed: false, needsConfirmation: false };
  if (!parsed.ok) return { ...empty, parsed: false, articles: [] };
  const tree = parsed.tree;
  const base = await baseExcerpts(client, draft);
  const fromBase = base ? carryExcerpts(base.tree, tree, base.anchors) : { anchors: [], carried: [], dropped: [] };
  // The same list the approval will carry onto the text (in review: the one fixed at submission).
  const { carry, confirmed, needsConfirmation } = await draftCarry(client, draft, tree);
  const selected = new Set(carry.anchors);
  const inherited = new Set(fromBase.anchors);
  return {
    ...empty,
    parsed: true,
    articles: allArticles(tree).map((a) => ({ id: a.id, label: articleLabel(a), selected: selected.has(a.id) })),
    carried: fromBase.carried,
    dropped: fromBase.dropped,
    added: articlesOf(tree, [...selected].filter((a) => !inherited.has(a))),
    removed: articlesOf(tree, [...inherited].filter((a) => !selected.has(a))),
    confirmed: status === 'IN_REVIEW' || confirmed,
    needsConfirmation: status === 'DRAFT' && needsConfirmation,
  };
}

/**
 * The editor's list for the open draft, confirmed against the draft's current text (named by its
 * version: a list chosen for an older text is refused, since its articles may have moved).
 */
export async function saveDraftExcerpts(input: unknown): Promise<{ anchors: string[] }> {
  const actor = await getActor();
  requirePermission(actor, 'revision:draft');
  const data = parseInput(ZSetDraftExcerptsInput, input);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const { document, revision } = await lockRevision(tx, data.documentSlug, data.number);
    if (revision.status !== 'DRAFT') throw new DalError('CONFLICT', excerptsErrors.inReview);
    const { visibility } = await tx.document.findUniqueOrThrow({ where: { id: document.id }, select: { visibility: true } });
    if (visibility === 'PUBLIC' && data.anchors.length > 0) throw new DalError('INVALID_INPUT', excerptsErrors.publicDocument);
    if (revision.version !== data.version) throw new DalError('CONFLICT', excerptsErrors.staleVersion);
    const parsed = parseDeepText(revision.draftText ?? '');
    if (!parsed.ok) throw new DalError('INVALID_INPUT', excerptsErrors.unparsable);
    const known = new Set(allArticles(parsed.tree).map((a) => a.id));
    if (data.anchors.some((a) => !known.has(a))) throw new DalError('INVALID_INPUT', excerptsErrors.unknownArticle);
    const anchors = sortAnchors(data.anchors);
    const before = (await draftCarry(tx, revision, parsed.tree)).carry.anchors;
    const contributorIds = revision.contributorIds.includes(actor.id) ? revision.contributorIds : [...revision.contributorIds, actor.id];
    await tx.revision.update({ where: { id: revision.id }, data: { publicExcerptAnchors: anchors, publicExcerptsBasis: revision.draftText ?? '', contributorIds } });
    await recordEvent(tx, {
      action: 'document.excerpts-update',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'document',
      targetId: data.documentSlug,
      details: { revision: data.number, version: revision.version, before, after: anchors },
    });
    return { anchors };
  });
}
