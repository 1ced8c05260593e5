import { toFullWidthDigits } from '@/lib/policy-text/normalize';
import { isNumericStyle, parseLabels } from '@/lib/policy-text/deep/labels';
import type { TDeepTree, TNode } from '@/lib/policy-text/deep/tree';

/*
 * How a provision is cited in Japanese: 第2条第2項第1号ア(イ)b. 項 is named only where the
 * article has more than one; 号 with numbers are 第n号, sub-items are cited by their labels.
 */

function findPath(nodes: readonly TNode[], anchor: string, path: TNode[]): TNode[] | null {
  for (const node of nodes) {
    path.push(node);
    if (node.id === anchor) return path;
    const found = findPath(node.children, anchor, path);
    if (found) return found;
    path.pop();
  }
  return null;
}

function compact(label: string): string {
  return label.replace(/[\s\u3000]/g, '').replace(/[.．]$/, '');
}

function numberText(num: number, fullWidth: boolean): string {
  return fullWidth ? toFullWidthDigits(num) : String(num);
}

// A text repeats a few dozen item labels; the search index cites every provision of every revision.
const NUMERIC_ITEM = new Map<string, boolean>();

/** 号 numbered (1) ⑴ 一 1 are cited 第n号; ア イ … by their label. */
function isNumericItem(label: string): boolean {
  let numeric = NUMERIC_ITEM.get(label);
  if (numeric === undefined) {
    const style = parseLabels(`${label} x`)[0]?.style;
    numeric = style !== undefined && isNumericStyle(style);
    if (NUMERIC_ITEM.size < 10_000) NUMERIC_ITEM.set(label, numeric);
  }
  return numeric;
}

function cite(path: readonly TNode[], target: TNode): string {
  let out = '';
  let fullWidth = false;
  let article: TNode | undefined;
  for (const node of path) {
    switch (node.kind) {
      case 'part':
      case 'chapter':
      case 'section':
      case 'subsection':
      case 'division':
        // named when cited itself, or when its articles are numbered from 1 within it (ch2-a1)
        if (node === target || path.some((n) => n.kind === 'article' && n.id.startsWith(`${node.id}-a`))) out += compact(node.label);
        break;
      case 'article':
        article = node;
        fullWidth = /[０-９]/.test(node.label);
        out += /^[0-9０-９]/.test(node.label) ? `第${compact(node.label).replace(/[^0-9０-９]/g, '')}` : compact(node.label);
        break;
      case 'paragraph': {
        const siblings = article?.children.length ?? 0;
        if (node.num >= 2 || siblings > 1) out += `第${numberText(node.num, fullWidth)}項`;
        break;
      }
      case 'item': {
        out += isNumericItem(node.label) ? `第${numberText(node.num, fullWidth)}号${node.branch ? `の${numberText(node.branch, fullWidth)}` : ''}` : compact(node.label);
        break;
      }
      default:
        out += compact(node.label);
    }
  }
  return out;
}

/**
 * The citation of the last node of a path from the top of the body (or of a 附則's or an
 * appendix's children, then prefixed with its label): what citeAnchor gives for that node, for a
 * caller that walks the tree and knows the path already (search units: linear, not a lookup each).
 */
export function citePath(path: readonly TNode[]): string {
  const target = path[path.length - 1];
  return target ? cite(path, target) : '';
}

/** The citation of an anchor (「第2条第1号ア(イ)b」), or null when the tree has no such anchor. */
export function citeAnchor(tree: TDeepTree, anchor: string): string | null {
  const inBody = findPath(tree.body, anchor, []);
  if (inBody) return cite(inBody, inBody[inBody.length - 1] as TNode);
  for (const unit of tree.tail) {
    const head = unit.label;
    if (unit.id === anchor) return head;
    const path = findPath(unit.children, anchor, []);
    if (path) return head + cite(path, path[path.length - 1] as TNode);
  }
  return null;
}
