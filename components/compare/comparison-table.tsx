import { renderComparisonHtml, type TComparisonHtmlOptions } from '@/components/compare/comparison-html';

export type { TColumnOrder } from '@/components/compare/comparison-html';

/**
 * The 新旧対照表 (comparison-html.ts builds it as one escaped HTML string). Pass `fullHref`, the
 * address of the full view, wherever there is one: the changes-only view then links each folded
 * run to it instead of carrying the run's text in the page.
 */
export function ComparisonTable(props: TComparisonHtmlOptions) {
  return <div dangerouslySetInnerHTML={{ __html: renderComparisonHtml(props) }} />;
}
