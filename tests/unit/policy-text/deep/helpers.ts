import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '@/lib/policy-text/deep/decode';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { type TDeepTree, type TNode, type TTailUnit, walkNodes } from '@/lib/policy-text/deep/tree';

export const DEEP_FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/deep');

export function deepFixture(name: string): string {
  const decoded = decodeText(readFileSync(path.join(DEEP_FIXTURES, name)));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
}

export function parseOrThrow(text: string): TDeepTree {
  const result = parseDeepText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.tree;
}

export function nodeById(tree: TDeepTree, id: string): TNode {
  let found: TNode | undefined;
  walkNodes(tree, (node) => {
    if (node.id === id) found = node;
  });
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

export function unitById(tree: TDeepTree, id: string): TTailUnit {
  const found = tree.tail.find((u) => u.id === id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
}

/** [id, label, depth, first sentence] of a node and its descendants, parents first */
export function outline(node: TNode): [string, string, number | undefined, string | undefined][] {
  const out: [string, string, number | undefined, string | undefined][] = [];
  const walk = (n: TNode): void => {
    out.push([n.id, n.label, n.depth, n.sentences[0]]);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}
