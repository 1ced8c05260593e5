import { messages as m } from '@/lib/messages/ja';
import { escapeHtml } from '@/lib/policy-text/html/escape';

/*
 * Copies the address of one node (components/reader/copy-link.tsx handles the clicks of all of
 * them). One short class (globals.css: .copy-link), because a standard has hundreds.
 */
export function copyLinkButton(id: string, target: string): string {
  return `<button type="button" class="copy-link" data-copy-link="${escapeHtml(id)}"><span class="sr-only">${escapeHtml(m.reader.copyLinkFor(target))}</span><span aria-hidden="true" class="copy-link-tip">${escapeHtml(m.reader.copyLink)}</span></button>`;
}
