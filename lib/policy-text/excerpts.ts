import { mapArticleAnchors, type TArticleCorrespondence } from '@/lib/policy-text/compare';
import type { TDeepTree, TNode } from '@/lib/policy-text/deep/tree';

/*
 * Public excerpts (外部に周知すべき事項) are whole articles of one revision, named by their anchors
 * in that revision. A later revision inherits them by the article's identity (the alignment of the
 * 新旧対照表), never by number: after an article is inserted before 第23条, the old a23 is the new a24.
 * Articles are found under groups at any depth (編 > 章 > 節 > 款 > 目); 附則 articles are not excerpts.
 */

const GROUPS = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);

/** Every article of the main provisions, in reading order, at any group depth. */
export function allArticles(tree: TDeepTree): TNode[] {
  const out: TNode[] = [];
  const walk = (nodes: readonly TNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'article') out.push(node);
      else if (GROUPS.has(node.kind)) walk(node.children);
    }
  };
  walk(tree.body);
  return out;
}

/** 第23条（外部サービスの利用） */
export function articleLabel(article: Pick<TNode, 'label' | 'caption'>): string {
  return `${article.label}${article.caption ? `（${article.caption}）` : ''}`;
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
export function carryExcerpts(before: TDeepTree, after: TDeepTree, anchors: readonly string[]): TExcerptCarry {
  const marked = new Set(anchors);
  const articles = allArticles(before).filter((a) => marked.has(a.id));
  if (articles.length === 0) return { anchors: [], carried: [], dropped: [] };
  const map = mapArticleAnchors(before, after);
  const afterLabels = new Map(allArticles(after).map((a) => [a.id, articleLabel(a)]));
  const carried: TCarriedExcerpt[] = [];
  const dropped: TExcerptCarry['dropped'] = [];
  for (const article of articles) {
    const next = map.get(article.id);
    if (next) carried.push({ before: article.id, beforeLabel: articleLabel(article), after: next.after, afterLabel: afterLabels.get(next.after) ?? next.afterLabel, change: next.change });
    else dropped.push({ before: article.id, beforeLabel: articleLabel(article) });
  }
  return { anchors: sortAnchors(carried.map((c) => c.after)), carried, dropped };
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
