import { walkNodes, type TDeepTree, type TNode } from '@/lib/policy-text/deep/tree';

/** Every article of a deep tree (in groups or not), in document order. */
export function deepArticles(tree: TDeepTree): TNode[] {
  const articles: TNode[] = [];
  walkNodes(tree, (node, parents) => {
    if (node.kind === 'article' && parents.every((p) => p.kind !== 'article')) articles.push(node);
  });
  return articles;
}

/** The text of an article's first paragraph (or its own text when it has no paragraphs). */
export function firstText(article: TNode): string {
  const first = article.children.find((c) => c.kind === 'paragraph');
  return (first ?? article).sentences.join('');
}
