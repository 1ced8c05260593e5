import Link from 'next/link';
import { revisionHref } from '@/components/history/format';
import { historyMessages as m } from '@/lib/messages/history';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TArticleHistoryEntry } from '@/lib/server/history/revisions';

/** An article's own 沿革 under its text: 令和3年4月1日 制定 ／ 令和6年4月1日 一部改正, each a link to its revision. */
export function ArticleHistory({ slug, article, entries, currentNumber }: { slug: string; article: string; entries: TArticleHistoryEntry[] | undefined; currentNumber: number }) {
  if (!entries || entries.length === 0) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-x-3 text-dns-14N-130 text-solid-gray-700">
      <span aria-hidden="true">{m.revisionPage.articleHistory}</span>
      <ul aria-label={m.revisionPage.articleHistoryLabel(article)} className="flex flex-wrap gap-x-3 gap-y-1">
        {entries.map((entry, index) => (
          <li key={`${entry.revisionNumber}-${entry.date}`} className="flex gap-x-3">
            {index > 0 && <span aria-hidden="true">／</span>}
            <Link
              href={revisionHref(slug, entry.revisionNumber)}
              aria-current={entry.revisionNumber === currentNumber ? 'page' : undefined}
              className="dads-link aria-[current=page]:font-bold"
            >
              {m.revisionPage.articleHistoryEntry(formatWareki(entry.date), entry.label)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
