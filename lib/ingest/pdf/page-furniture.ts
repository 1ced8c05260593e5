import type { TPdfLine, TPdfPage } from '@/lib/ingest/pdf/read-pdf';

/*
 * Running heads, running feet and page numbers: lines among the top or bottom few of a page
 * that recur at the same height on most pages (a page number in them masked, so 「規程集 3/10」 recurs too),
 * and lines that are a page number by their form (「- 3 -」「3 / 10」「3」「P.3」「3ページ」).
 */

const EDGE_LINES = 2;
const PAGE_NUMBER = /^(?:[-－‐―—–−]\s*[0-9０-９]{1,4}\s*[-－‐―—–−]|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|[0-9０-９]{1,4}|[pP]\.?\s*[0-9０-９]{1,4}|[0-9０-９]{1,4}\s*(?:ページ|頁)|第\s*[0-9０-９]{1,4}\s*(?:ページ|頁)|[(（]\s*[0-9０-９]{1,4}\s*[)）])$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/[\s\u3000]+/g, ' ').trim());
}

function lineText(line: TPdfLine): string {
  return line.segments.map((s) => s.text).join(' ');
}

const EMBEDDED_PAGE_NUMBER = /(?:[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|[-－‐―—–−]\s*[0-9０-９]{1,4}\s*[-－‐―—–−]|[0-9０-９]{1,4}\s*(?:ページ|頁))$/;

/** Height and text, the page number in it masked: 「規程集 3 / 10」 recurs, 「第3条」 and 「第4条」 do not. */
function furnitureKey(line: TPdfLine): string {
  const text = line.segments.map((s) => (isPageNumber(s.text) ? '#' : s.text.replace(EMBEDDED_PAGE_NUMBER, '#'))).join(' ');
  return `${Math.round(line.y / 3)}|${text.replace(/[\s\u3000]+/g, '')}`;
}

/**
 * The first or last line of a page whose first or last part is a page number in an unmistakable
 * form (「3 / 10」「- 3 -」「3ページ」, not a bare 3 that may be a table cell): a running head or
 * foot even on a one-page file, where nothing repeats.
 */
function isRunningHeadWithNumber(line: TPdfLine, page: TPdfPage): boolean {
  if (line !== page.lines[0] && line !== page.lines.at(-1)) return false;
  if (line.segments.length < 2 || line.segments.length > 3) return false;
  const ends = [line.segments[0]?.text ?? '', line.segments.at(-1)?.text ?? ''];
  return ends.some((text) => isPageNumber(text) && !/^[0-9０-９]+$/.test(text.trim()));
}

export interface TFurnitureResult {
  pages: TPdfPage[];
  repeated: number;
  pageNumbers: number;
}

/** The pages without their running heads, feet and page numbers. */
export function removePageFurniture(pages: readonly TPdfPage[]): TFurnitureResult {
  const edges = (page: TPdfPage): TPdfLine[] => {
    const n = page.lines.length;
    const top = page.lines.slice(0, Math.min(EDGE_LINES, n));
    const bottom = page.lines.slice(Math.max(top.length, n - EDGE_LINES));
    return [...top, ...bottom];
  };
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(edges(page).map(furnitureKey));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const textPages = pages.filter((p) => p.lines.length > 0).length;
  const minimum = Math.max(2, Math.ceil(textPages / 2));
  let repeated = 0;
  let pageNumbers = 0;
  const cleaned = pages.map((page) => {
    const drop = new Set<TPdfLine>();
    for (const line of edges(page)) {
      if (isPageNumber(lineText(line))) {
        drop.add(line);
        pageNumbers++;
      } else if (textPages >= 2 && (counts.get(furnitureKey(line)) ?? 0) >= minimum) {
        drop.add(line);
        repeated++;
      } else if (isRunningHeadWithNumber(line, page)) {
        drop.add(line);
        pageNumbers++;
      }
    }
    return { ...page, lines: page.lines.filter((line) => !drop.has(line)) };
  });
  return { pages: cleaned, repeated, pageNumbers };
}
