import { revisionHref } from '@/components/history/format';
import { historyMessages as m } from '@/lib/messages/history';
import { escapeHtml } from '@/lib/policy-text/render-html';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TArticleHistoryEntry } from '@/lib/server/history/get-revision-page';

/**
 * An article's own 沿革 under its text: 令和3年4月1日 制定 ／ 令和6年4月1日 一部改正, each a link to its
 * revision. HTML, because it goes inside the article's markup (PolicyText's articleFooter).
 */
export function articleHistoryHtml({ slug, article, entries, currentNumber }: { slug: string; article: string; entries: TArticleHistoryEntry[] | undefined; currentNumber: number }): string {
  if (!entries || entries.length === 0) return '';
  const items = entries.map((entry, index) => {
    const current = entry.revisionNumber === currentNumber ? ' aria-current="page"' : '';
    const label = m.revisionPage.articleHistoryEntry(formatWareki(entry.date), entry.label);
    return `<li class="flex gap-x-3">${index > 0 ? '<span aria-hidden="true">／</span>' : ''}<a href="${escapeHtml(revisionHref(slug, entry.revisionNumber))}"${current} class="dads-link aria-[current=page]:font-bold">${escapeHtml(label)}</a></li>`;
  });
  return `<div class="mt-2 flex flex-wrap gap-x-3 text-dns-14N-130 text-solid-gray-700"><span aria-hidden="true">${escapeHtml(m.revisionPage.articleHistory)}</span><ul aria-label="${escapeHtml(m.revisionPage.articleHistoryLabel(article))}" class="flex flex-wrap gap-x-3 gap-y-1">${items.join('')}</ul></div>`;
}
