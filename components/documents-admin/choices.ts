import type { TParentChoice } from '@/components/documents-admin/document-form';
import type { TLibraryNode } from '@/lib/domain/documents';

/** The library as an indented list of possible parents, leaving out `exclude` and everything under it (no cycles). */
export function parentChoices(nodes: TLibraryNode[], exclude?: string, depth = 0): TParentChoice[] {
  return nodes.flatMap((node) => (node.slug === exclude ? [] : [{ slug: node.slug, title: node.title, depth }, ...parentChoices(node.children, exclude, depth + 1)]));
}

export function findNode(nodes: TLibraryNode[], slug: string): TLibraryNode | null {
  for (const node of nodes) {
    if (node.slug === slug) return node;
    const found = findNode(node.children, slug);
    if (found) return found;
  }
  return null;
}
