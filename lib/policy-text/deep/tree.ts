import { z } from 'zod';

/*
 * The deep structured form of a regulation text (例規): one recursive node type, as deep as the
 * text goes, with levels named after e-Gov's 法令標準XML (v3):
 *   part 編 > chapter 章 > section 節 > subsection 款 > division 目   (groups, with a title)
 *   article 条 (見出し caption, 枝番 branch) > paragraph 項 > item 号 > subitem 号の細分 (depth 1, 2, …)
 * A node's content is kept by kind: sentences, remarks (備考), tables, children; a table written
 * after the children carries `afterChildren`. The canonical text and the XML write them in that order.
 *
 * Anchors (`id`) are derived from the numbering only, never from position or randomness, and
 * extend the scheme of lib/policy-text/tree.ts so every anchor handed out before keeps resolving:
 *   article 第7条 / 第７ / 7 -> a7 (第7条の2 -> a7-2)
 *   paragraph ２ -> a7-p2; paragraph 1 is the article's opening text: a7-p1
 *   item (3) of paragraph 1 -> a7-i3; of paragraph 2 -> a7-p2-i3
 *   sub-items at any depth -> a7-i3-s3, a2-i1-s2-s1-s2
 *   part pt1, chapter ch2, section ch2-sec1, subsection ch2-sec1-sub1, division ch2-sec1-sub1-div1
 *   supplementary provision sp1 (its paragraphs sp1-p2, its articles sp1-a1), appendix annex1
 *   top-level items of a declaration-style text i1 (sub-items i1-s1), top-level paragraphs p1
 *   `1 目的`-style units that each 章 numbers from 1 again: ch2-a1 (their anchors carry the group's)
 * Malformed numbering (the same (1) twice) gets a suffix (-x2) so anchors stay unique.
 */

export const DEEP_TREE_VERSION = 2;

export const GROUP_KINDS = ['part', 'chapter', 'section', 'subsection', 'division'] as const;
export type TGroupKind = (typeof GROUP_KINDS)[number];
export const NODE_KINDS = [...GROUP_KINDS, 'article', 'paragraph', 'item', 'subitem'] as const;
export type TNodeKind = (typeof NODE_KINDS)[number];

export const ZCell = z.object({
  text: z.string(),
  colspan: z.number().int().min(2).optional(),
  rowspan: z.number().int().min(2).optional(),
});
export type TCell = z.infer<typeof ZCell>;

export const ZRow = z.object({
  /** a header row (見出し行); header rows come first */
  header: z.boolean().optional(),
  cells: z.array(ZCell).min(1),
});
export type TRow = z.infer<typeof ZRow>;

export const ZRemarks = z.object({
  /** 備考 or 注, as written */
  label: z.string().min(1),
  /** each remark as written, its own number included: 「1　…」 */
  sentences: z.array(z.string()),
});
export type TRemarks = z.infer<typeof ZRemarks>;

export const ZTable = z.object({
  rows: z.array(ZRow).min(1),
  /** the table follows the node's children in the text */
  afterChildren: z.boolean().optional(),
  remarks: z.array(ZRemarks).optional(),
});
export type TTable = z.infer<typeof ZTable>;

export interface TNode {
  kind: TNodeKind;
  id: string;
  /** as written: 第1章, 第7条の2, 第７, ２, (1), ア, (ア), a; '' for an unnumbered paragraph 1 */
  label: string;
  num: number;
  /** 枝番: 2 for 第7条の2, 第3号の2 */
  branch?: number;
  /** depth of a sub-item below its item: 1 for ア, 2 for (ア) … (the schema's Subitem1 …) */
  depth?: number;
  /** an article's 見出し without brackets: 目的 */
  caption?: string;
  /** a group's title: 総則 for 第1章 総則 */
  title?: string;
  /** 本文 as paragraphs of text: the first is the text on the label's line; ただし書 and 後段 stay inside */
  sentences: string[];
  tables: TTable[];
  children: TNode[];
  remarks: TRemarks[];
}

export const ZNode: z.ZodType<TNode> = z.object({
  kind: z.enum(NODE_KINDS),
  id: z.string().min(1),
  label: z.string(),
  num: z.number().int().nonnegative(),
  branch: z.number().int().positive().optional(),
  depth: z.number().int().positive().optional(),
  caption: z.string().optional(),
  title: z.string().optional(),
  sentences: z.array(z.string()),
  tables: z.array(ZTable),
  get children() {
    return z.array(ZNode);
  },
  remarks: z.array(ZRemarks),
});

export const ZSupplementary = z.object({
  kind: z.literal('supplementary'),
  id: z.string().min(1),
  /** 附則 or 付則, as the text spells it */
  label: z.string().min(1),
  /** the amending instrument in brackets: 令和４年５月２６日訓令第３号 */
  note: z.string().optional(),
  /** 抄 (an excerpt) */
  extract: z.boolean().optional(),
  /** paragraphs (the first often unnumbered) or articles */
  children: z.array(ZNode),
  /** ISO date of the first 「…から施行する」 */
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** every 施行 date named, in order, when there are several (a ただし書 may name a later one) */
  dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
});
export type TSupplementary = z.infer<typeof ZSupplementary>;

/** 別表 AppdxTable, 別記 AppdxNote, 様式 AppdxStyle, 付録 Appdx, 参考/別紙/別図 (kept as notes) */
export const APPENDIX_TYPES = ['table', 'note', 'style', 'appdx', 'reference'] as const;
export type TAppendixType = (typeof APPENDIX_TYPES)[number];

export const ZAppendix = z.object({
  kind: z.literal('appendix'),
  id: z.string().min(1),
  type: z.enum(APPENDIX_TYPES),
  /** as written: 別表第1, 様式第2号, 別記, 【参考】 */
  label: z.string().min(1),
  /** 第1 → 1 for 別表第1, 様式第1号 */
  num: z.number().int().positive().optional(),
  title: z.string().optional(),
  /** without brackets: 第2条関係 */
  relation: z.string().optional(),
  sentences: z.array(z.string()),
  tables: z.array(ZTable),
  children: z.array(ZNode),
  remarks: z.array(ZRemarks),
});
export type TAppendix = z.infer<typeof ZAppendix>;

export const ZDeepTree = z.object({
  version: z.literal(DEEP_TREE_VERSION),
  title: z.string(),
  /** header lines after the title: date, 訓令 number */
  header: z.array(z.string()),
  /** 制定文 */
  enactment: z.string().optional(),
  /** 目次 entries, kept for display; they are not articles (a 「本文」 line closing the 目次 is dropped) */
  toc: z.array(z.string()),
  preamble: z.array(z.string()),
  /** the main provisions: groups, articles, top-level items or paragraphs */
  body: z.array(ZNode),
  /** 附則 and appendices in the order of the text (a 附則 may follow a 別表) */
  tail: z.array(z.discriminatedUnion('kind', [ZSupplementary, ZAppendix])),
});
export type TDeepTree = z.infer<typeof ZDeepTree>;
export type TTailUnit = TDeepTree['tail'][number];

/** Calls `visit` for every node of the tree (body and tail), parents first. */
export function walkNodes(tree: TDeepTree, visit: (node: TNode, parents: readonly TNode[]) => void): void {
  const stack: TNode[] = [];
  const walk = (nodes: readonly TNode[]): void => {
    for (const node of nodes) {
      visit(node, stack);
      stack.push(node);
      walk(node.children);
      stack.pop();
    }
  };
  walk(tree.body);
  for (const unit of tree.tail) walk(unit.children);
}

/** Every anchor of the tree: nodes, 附則 and appendices. */
export function collectAnchors(tree: TDeepTree): string[] {
  const ids: string[] = [];
  walkNodes(tree, (node) => ids.push(node.id));
  for (const unit of tree.tail) ids.push(unit.id);
  return ids;
}

export function emptyNode(kind: TNodeKind, id: string, label: string, num: number): TNode {
  return { kind, id, label, num, sentences: [], tables: [], children: [], remarks: [] };
}
