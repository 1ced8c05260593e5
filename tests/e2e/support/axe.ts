import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe walks every element: a long page takes tens of seconds on a busy 2-core machine. */
export const AXE_TEST_TIMEOUT = 120_000;

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the portal promises (target size included). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * Runs axe over the whole page as it stands and fails with one readable line per offending
 * element, so a violation names the rule, the element and what axe found wrong.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
  const found = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'n/a'}) ${node.target.join(' ')}: ${(node.failureSummary ?? violation.help).replace(/\s+/g, ' ')}`),
  );
  expect(found, `axe on ${screen} (${page.url()})`).toEqual([]);
}
