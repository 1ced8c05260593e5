import 'server-only';
import { createHash } from 'node:crypto';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { DEEP_TREE_VERSION, ZDeepTree, type TDeepTree } from '@/lib/policy-text/deep/tree';
import type { Prisma } from '@/lib/generated/prisma/client';

/*
 * What a revision row stores for its text (docs/decisions/014): `content` is the deep tree
 * (ZDeepTree, version 2), `plainText` its canonical text (serializeDeepTree) and `contentHash`
 * the SHA-256 of that text. The canonical text depends only on the tree, so the same text
 * imported twice gets the same hash whatever its line breaks or spellings of labels were.
 */

export function contentHash(plainText: string): string {
  return createHash('sha256').update(plainText, 'utf8').digest('hex');
}

export interface TStoredContent {
  content: Prisma.InputJsonValue;
  plainText: string;
  contentHash: string;
}

/** The columns of a revision's text, from its deep tree (checked against the schema: never store a bridged tree). */
export function storedContent(tree: TDeepTree): TStoredContent {
  const checked = ZDeepTree.parse(tree);
  const plainText = serializeDeepTree(checked);
  return { content: checked as unknown as Prisma.InputJsonValue, plainText, contentHash: contentHash(plainText) };
}

/** The content of a revision that has no text yet (a new document's first draft). */
export function emptyDeepTree(): TDeepTree {
  return { version: DEEP_TREE_VERSION, title: '', header: [], toc: [], preamble: [], body: [], tail: [] };
}
