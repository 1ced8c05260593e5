import { CopyLinks } from '@/components/reader/copy-link';
import { renderPolicyTextHtml, type TArticleFooterHtml } from '@/lib/policy-text/render-html';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';

/*
 * The structured regulation text at any depth (編・章・節・款・目, 条, 項, 号 and 号の細分 to the tenth
 * level, tables, 備考, 附則 and appendices): every node with an anchor carries it as its id. The
 * markup is built as one string (lib/policy-text/render-html.ts, which escapes everything taken
 * from the text): a standard is thousands of elements, and as React elements they were most of a
 * reader page's server time. The copy-link buttons in it are handled by the one CopyLinks.
 */
export function PolicyText({ tree, articleFooter }: { tree: TDeepTree; articleFooter?: TArticleFooterHtml }) {
  return (
    <div className="pt max-w-[42em] pr-[1.5em] text-std-16N-170 leading-[1.85] text-solid-gray-900 md:pr-[1.75em] md:text-std-17N-170 md:leading-[1.85] print:max-w-none print:pr-0">
      <div dangerouslySetInnerHTML={{ __html: renderPolicyTextHtml(tree, { articleFooter }) }} />
      <CopyLinks />
    </div>
  );
}
