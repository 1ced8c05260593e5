import type { TDeepTree, TNode } from '@/lib/policy-text/deep/tree';

const GROUP = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);

/**
 * The public edition of a tree (外部に周知すべき事項): the marked articles, whole, and the groups
 * (編・章・節・款・目) that hold them, and nothing else of the text — no header, preamble, other
 * provisions, 附則 or appendices.
 */
export function publicDeepEdition(tree: TDeepTree, anchors: readonly string[]): TDeepTree {
  const keep = new Set(anchors);
  const prune = (nodes: readonly TNode[]): TNode[] =>
    nodes.flatMap((node) => {
      if (node.kind === 'article') return keep.has(node.id) ? [node] : [];
      if (!GROUP.has(node.kind)) return [];
      const children = prune(node.children);
      return children.length > 0 ? [{ ...node, sentences: [], tables: [], remarks: [], children }] : [];
    });
  return { version: tree.version, title: tree.title, header: [], toc: [], preamble: [], body: prune(tree.body), tail: [] };
}
