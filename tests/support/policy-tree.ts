import { parsePolicyText } from '@/lib/policy-text/parse';
import type { TPolicyTree } from '@/lib/policy-text/tree';

/** The tree of a text the parser must accept; the parser's messages otherwise. */
export function parseOrThrow(text: string, options?: Parameters<typeof parsePolicyText>[1]): TPolicyTree {
  const result = parsePolicyText(text, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.tree;
}

/** Every node id in a tree, in document order. */
export function collectIds(value: unknown, ids: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectIds(v, ids));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string') ids.push(record.id);
    Object.values(record).forEach((v) => collectIds(v, ids));
  }
  return ids;
}
