import { TOP_CONTEXT } from '@/lib/policy-text/html/cite';
import { escapeHtml } from '@/lib/policy-text/html/escape';
import { nodesHtml, type TRenderOptions } from '@/lib/policy-text/html/nodes';
import { tailHtml } from '@/lib/policy-text/html/tail';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';

/*
 * The markup of a regulation text (the deep tree, any depth), as one HTML string.
 *
 * A standard of 30 articles is a few thousand elements. Rendered as React elements, every request
 * paid for them twice (the RSC payload, then the HTML from it), and that was most of a reader
 * page's server time (bench/RESULTS.md, docs/decisions/006). As one string the page carries it once
 * per pass, and building it is plain concatenation (lib/policy-text/html/*).
 *
 * Everything taken from the text is escaped with `escapeHtml`, and nothing else reaches the output
 * from a tree: the unit tests feed markup through every field.
 */

export { escapeHtml };
export type { TArticleFooterHtml } from '@/lib/policy-text/html/nodes';

const text = escapeHtml;

export function renderPolicyTextHtml(tree: TDeepTree, options: TRenderOptions = {}): string {
  const out: string[] = [];
  if (tree.header.length > 0) out.push('<div class="pt-header">', ...tree.header.map((line) => `<p>${text(line)}</p>`), '</div>');
  if (tree.enactment) out.push(`<p class="pt-enact">${text(tree.enactment)}</p>`);
  if (tree.preamble.length > 0) out.push('<div class="pt-pre">', ...tree.preamble.map((line) => `<p>${text(line)}</p>`), '</div>');
  if (tree.body.length > 0) out.push(`<div class="pt-body">${nodesHtml(tree.body, TOP_CONTEXT, 2, options)}</div>`);
  out.push(tailHtml(tree.tail, options));
  return out.join('');
}
