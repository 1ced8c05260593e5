import 'server-only';
import { getActor } from '@/lib/server/auth/actor';
import { todayInJapan } from '@/lib/server/clock';
import { findVisibleSummaries } from '@/lib/server/documents/summarize';
import type { TLibraryNode } from '@/lib/domain/documents';

const KIND_ORDER = { BASIC_POLICY: 0, STANDARD: 1, SAFETY_MANAGEMENT_STANDARD: 2, PROCEDURE: 3 } as const;

/**
 * The library as a hierarchy (basic policy → standards → procedures) of the documents the
 * reader may see. A visible document whose parent is hidden from the reader stands at the top
 * level, so that the tree never reveals that a hidden parent exists.
 */
export async function listLibrary(options: { asOf?: string } = {}): Promise<TLibraryNode[]> {
  const actor = await getActor();
  const asOf = options.asOf ?? todayInJapan();
  const { rows, summaries } = await findVisibleSummaries(actor, asOf);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'ja'));

  const nodes = new Map(rows.map((row) => [row.id, { ...byId.get(row.id)!, children: [] as TLibraryNode[] }]));
  const roots: TLibraryNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
