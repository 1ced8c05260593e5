import { ZPolicyTree } from '@/lib/policy-text/tree';
import { deepTreeFromLegacy } from '@/lib/policy-text/deep/from-legacy';
import { DEEP_TREE_VERSION, ZDeepTree, type TDeepTree } from '@/lib/policy-text/deep/tree';

/*
 * A revision's stored `content` as the deep tree. Rows written before the deep tree hold the
 * three-level TPolicyTree (no `version`); they are converted on read, keeping every anchor, until
 * the data migration has rewritten them (and afterwards for a backup restored from before it).
 */
export function readDeepTree(content: unknown): TDeepTree {
  if (typeof content === 'object' && content !== null && (content as { version?: unknown }).version === DEEP_TREE_VERSION) {
    return ZDeepTree.parse(content);
  }
  return deepTreeFromLegacy(ZPolicyTree.parse(content));
}
