import { isNumericStyle, parseLabels } from '@/lib/policy-text/deep/labels';
import { toFullWidthDigits } from '@/lib/policy-text/normalize';
import type { TNode } from '@/lib/policy-text/deep/tree';

/*
 * The citation of each node (「第2条第1号ア(イ)b」), built on the way down while the text is
 * rendered: the copy-link buttons name what they copy with it. citeAnchor (deep/citation.ts) finds
 * one anchor from the root, which for every node of a long standard would be quadratic; this gives
 * the same names (a unit test compares the two on the corpus).
 */
export interface TCiteContext {
  /** the 附則 or appendix label the text sits in; '' in the main provisions */
  head: string;
  /** the citation of the enclosing node, head included */
  prefix: string;
  /** enclosing 編・章・節…: named only for articles numbered within them (ch2-a1 → 第2章第1) */
  groups: readonly { id: string; label: string }[];
  /** the enclosing article: 項 are named when it has more than one child */
  article: TNode | null;
  /** the article writes its numbers in full-width digits (第３第２項) */
  fullWidth: boolean;
}

export const TOP_CONTEXT: TCiteContext = { head: '', prefix: '', groups: [], article: null, fullWidth: false };

const GROUP_KINDS = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);

function compact(label: string): string {
  return label.replace(/[\s\u3000]/g, '').replace(/[.．]$/, '');
}

function numberText(num: number, fullWidth: boolean): string {
  return fullWidth ? toFullWidthDigits(num) : String(num);
}

/** How the node itself is cited. */
export function citeNode(node: TNode, ctx: TCiteContext): string {
  if (GROUP_KINDS.has(node.kind)) return ctx.head + compact(node.label);
  switch (node.kind) {
    case 'article': {
      const groups = ctx.groups.filter((g) => node.id.startsWith(`${g.id}-a`)).map((g) => compact(g.label)).join('');
      const own = /^[0-9０-９]/.test(node.label) ? `第${compact(node.label).replace(/[^0-9０-９]/g, '')}` : compact(node.label);
      return ctx.prefix + groups + own;
    }
    case 'paragraph':
      return node.num >= 2 || (ctx.article?.children.length ?? 0) > 1 ? `${ctx.prefix}第${numberText(node.num, ctx.fullWidth)}項` : ctx.prefix;
    case 'item': {
      const style = parseLabels(`${node.label} x`)[0]?.style;
      if (style && isNumericStyle(style)) return `${ctx.prefix}第${numberText(node.num, ctx.fullWidth)}号${node.branch ? `の${numberText(node.branch, ctx.fullWidth)}` : ''}`;
      return ctx.prefix + compact(node.label);
    }
    default:
      return ctx.prefix + compact(node.label);
  }
}

/** The context of a node's children, given the node's own citation. */
export function childContext(node: TNode, citation: string, ctx: TCiteContext): TCiteContext {
  if (GROUP_KINDS.has(node.kind)) return { ...ctx, groups: [...ctx.groups, { id: node.id, label: node.label }] };
  if (node.kind === 'article') return { ...ctx, prefix: citation, article: node, fullWidth: /[０-９]/.test(node.label) };
  return { ...ctx, prefix: citation };
}

/** The name of a paragraph's own button: its citation, with 第1項 where the citation leaves it out. */
export function paragraphName(node: TNode, citation: string, ctx: TCiteContext): string {
  return citation === ctx.prefix ? `${citation}第${numberText(node.num, ctx.fullWidth)}項` : citation;
}
