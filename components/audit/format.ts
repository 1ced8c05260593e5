import { auditMessages as m } from '@/lib/messages/audit';

/** The links an event's details make possible: the revision it names, and the comparison of the two it names. */
export function documentLinks(slug: string, details: unknown): { revision: { number: number; href: string } | null; compare: string | null } {
  const base = `/documents/${encodeURIComponent(slug)}`;
  const d = (details ?? {}) as { revision?: unknown; baseRevision?: unknown; from?: unknown; to?: unknown };
  const revision = typeof d.revision === 'number' ? d.revision : null;
  const compare =
    typeof d.from === 'number' && typeof d.to === 'number'
      ? { from: d.from, to: d.to }
      : revision !== null && typeof d.baseRevision === 'number'
        ? { from: d.baseRevision, to: revision }
        : null;
  return {
    revision: revision === null ? null : { number: revision, href: `${base}/revisions/${revision}` },
    compare: compare && `${base}/compare?from=${compare.from}&to=${compare.to}`,
  };
}

export function actionLabel(code: string): string {
  return m.actions[code] ?? m.actionPrefixes[code] ?? code;
}

export function roleLabel(code: string): string {
  return m.roles[code] ?? code;
}

export function targetTypeLabel(code: string): string {
  return m.targetTypes[code] ?? code;
}

/** The filter keys the screen, the CSV export and the pager share, in URL order. */
export const FILTER_KEYS = ['actor', 'action', 'document', 'outcome', 'from', 'to'] as const;
export type TFilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** A query string of the non-empty filters (and an optional cursor), with a leading "?" or empty. */
export function filterQuery(values: TFilterValues, before?: string | null): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = values[key]?.trim();
    if (value) params.set(key, value);
  }
  if (before) params.set('before', before);
  const query = params.toString();
  return query ? `?${query}` : '';
}
