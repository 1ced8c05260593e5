import { CopyLinks } from '@/components/reader/copy-link';
import { renderPolicyTextHtml, type TArticleFooterHtml } from '@/lib/policy-text/render-html';
import type { TPolicyTree } from '@/lib/policy-text/tree';

/*
 * The structured regulation text: every article, paragraph, item and sub-item carries its anchor
 * id. The markup is built as one string (lib/policy-text/render-html.ts, which escapes everything
 * taken from the text): a standard is thousands of elements, and as React elements they were most
 * of a reader page's server time. The copy-link buttons in it are handled by the one CopyLinks.
 */
export function PolicyText({ tree, articleFooter }: { tree: TPolicyTree; articleFooter?: TArticleFooterHtml }) {
  return (
    <div className="max-w-[42em] pr-[1.5em] text-std-16N-170 leading-[1.85] text-solid-gray-900 md:pr-[1.75em] md:text-std-17N-170 md:leading-[1.85] print:max-w-none print:pr-0">
      <div dangerouslySetInnerHTML={{ __html: renderPolicyTextHtml(tree, { articleFooter }) }} />
      <CopyLinks />
    </div>
  );
}
