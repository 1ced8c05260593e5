/**
 * The last day a superseded revision was in force: the day before its successor took effect
 * (a revision superseded on 令和6年4月1日 was in force until 令和6年3月31日).
 */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function revisionHref(slug: string, n: number): string {
  return `/documents/${slug}/revisions/${n}`;
}

export function historyHref(slug: string): string {
  return `/documents/${slug}/revisions`;
}

export type TCompareOptions = {
  /** 改正前 in the left column */
  beforeFirst?: boolean;
  /** every article in full, none folded to （略） */
  all?: boolean;
};

/**
 * The 新旧対照表 of two revisions, the older (lower number) always as 改正前, so that a link
 * from either revision gives the same table.
 */
export function compareHref(slug: string, a: number, b: number, options: TCompareOptions = {}): string {
  const params = new URLSearchParams({ from: String(Math.min(a, b)), to: String(Math.max(a, b)) });
  if (options.beforeFirst) params.set('order', 'before-first');
  if (options.all) params.set('all', '1');
  return `/documents/${slug}/compare?${params.toString()}`;
}

/** The 新旧対照表 of two revisions as a Word file (the API answers it with the page's access). */
export function compareDocxHref(slug: string, from: number, to: number): string {
  return `/api/v1/documents/${encodeURIComponent(slug)}/compare?from=${from}&to=${to}&format=docx`;
}
