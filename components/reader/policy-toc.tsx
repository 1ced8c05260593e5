import type { ReactNode } from 'react';
import { TocDisclosure } from '@/components/reader/toc-disclosure';
import { messages as m } from '@/lib/messages/ja';
import type { TArticle, TPolicyTree } from '@/lib/policy-text/tree';

function articleLabel(article: TArticle): string {
  return article.caption ? `${article.number}（${article.caption}）` : article.number;
}

function TocLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="block rounded-4 py-1 text-blue-1000 no-underline hover:underline hover:underline-offset-4">
      {children}
    </a>
  );
}

function ArticleLinks({ articles }: { articles: TArticle[] }) {
  if (articles.length === 0) return null;
  return (
    <ol className="space-y-0.5">
      {articles.map((article) => (
        <li key={article.id}>
          <TocLink href={`#${article.id}`}>{articleLabel(article)}</TocLink>
        </li>
      ))}
    </ol>
  );
}

/** 目次 built from the tree (not from the text's own 目次 lines), so every entry is a working link. */
export function PolicyToc({ tree, hasHistory }: { tree: TPolicyTree; hasHistory: boolean }) {
  const firstProvision = tree.supplementaryProvisions[0];
  return (
    <TocDisclosure>
      <ol className="mt-2 space-y-0.5 text-std-16N-170 lg:mt-3">
        {tree.items.map((item) => (
          <li key={item.id}>
            <TocLink href={`#${item.id}`}>
              <span className="line-clamp-2">
                {item.label} {item.text}
              </span>
            </TocLink>
          </li>
        ))}
        {tree.articles.map((article) => (
          <li key={article.id}>
            <TocLink href={`#${article.id}`}>{articleLabel(article)}</TocLink>
          </li>
        ))}
        {tree.chapters.map((chapter) => (
          <li key={chapter.id} className="pt-2">
            <TocLink href={`#${chapter.id}`}>
              <span className="font-bold">
                {chapter.number} {chapter.title}
              </span>
            </TocLink>
            <div className="ml-[1em]">
              <ArticleLinks articles={chapter.articles} />
              {chapter.sections.map((section) => (
                <div key={section.id}>
                  <TocLink href={`#${section.id}`}>
                    {section.number} {section.title}
                  </TocLink>
                  <div className="ml-[1em]">
                    <ArticleLinks articles={section.articles} />
                  </div>
                </div>
              ))}
            </div>
          </li>
        ))}
        {firstProvision && (
          <li className="mt-2 border-t border-solid-gray-200 pt-2">
            <TocLink href={`#${firstProvision.id}`}>{firstProvision.heading}</TocLink>
          </li>
        )}
        {tree.annexes.map((annex) => (
          <li key={annex.id}>
            <TocLink href={`#${annex.id}`}>{annex.title}</TocLink>
          </li>
        ))}
        {hasHistory && (
          <li>
            <TocLink href="#history">{m.reader.history}</TocLink>
          </li>
        )}
      </ol>
    </TocDisclosure>
  );
}
