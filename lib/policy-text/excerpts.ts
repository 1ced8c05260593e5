import { mapArticleAnchors, type TArticleCorrespondence } from '@/lib/policy-text/compare';
import type { TArticle, TPolicyTree } from '@/lib/policy-text/tree';

/*
 * Public excerpts (外部に周知すべき事項) are whole articles of one revision, named by their anchors
 * in that revision. A later revision inherits them by the article's identity (the alignment of the
 * 新旧対照表), never by number: after an article is inserted before 第23条, the old a23 is the new a24.
 */

/** Every article of a tree, in reading order. */
export function allArticles(tree: TPolicyTree): TArticle[] {
  return [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];
}

/** 第23条（外部サービスの利用） */
export function articleLabel(article: Pick<TArticle, 'number' | 'caption'>): string {
  return `${article.number}${article.caption ? `（${article.caption}）` : ''}`;
}

/** Anchors in a stable order (a2 before a10), without duplicates. */
export function sortAnchors(anchors: Iterable<string>): string[] {
  return [...new Set(anchors)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export type TCarriedExcerpt = {
  before: string;
  beforeLabel: string;
  after: string;
  afterLabel: string;
  change: TArticleCorrespondence['change'];
};

export type TExcerptCarry = {
  /** the excerpts in the later revision */
  anchors: string[];
  /** each excerpt of the earlier revision that the later one still has, in the earlier one's order */
  carried: TCarriedExcerpt[];
  /** excerpts whose article the later revision deleted */
  dropped: { before: string; beforeLabel: string }[];
};

/** The excerpts of `before` (its anchors) as they stand in `after`; anchors `before` does not have are ignored. */
export function carryExcerpts(before: TPolicyTree, after: TPolicyTree, anchors: readonly string[]): TExcerptCarry {
  const marked = new Set(anchors);
  const articles = allArticles(before).filter((a) => marked.has(a.id));
  if (articles.length === 0) return { anchors: [], carried: [], dropped: [] };
  const map = mapArticleAnchors(before, after);
  const carried: TCarriedExcerpt[] = [];
  const dropped: TExcerptCarry['dropped'] = [];
  for (const article of articles) {
    const next = map.get(article.id);
    if (next) carried.push({ before: article.id, beforeLabel: articleLabel(article), after: next.after, afterLabel: articleLabelIn(after, next.after) ?? next.afterLabel, change: next.change });
    else dropped.push({ before: article.id, beforeLabel: articleLabel(article) });
  }
  return { anchors: sortAnchors(carried.map((c) => c.after)), carried, dropped };
}

function articleLabelIn(tree: TPolicyTree, anchor: string): string | null {
  const article = allArticles(tree).find((a) => a.id === anchor);
  return article ? articleLabel(article) : null;
}

/**
 * Whether a carry needs the editor's confirmation: the list itself changes, because an excerpt was
 * renumbered, dropped with its article, or its article rewritten in place (全部改正: perhaps no
 * longer the same article). An amended public article carries forward as it is; the approver sees
 * its new text in the 新旧対照表.
 */
export function carryChangesExcerpts(carry: TExcerptCarry): boolean {
  return carry.dropped.length > 0 || carry.carried.some((c) => c.before !== c.after || c.change === 'rewritten');
}
