import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepTreeFromLegacy, legacyAnchors } from '@/lib/policy-text/deep/from-legacy';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { type TDeepTree, ZDeepTree, collectAnchors, walkNodes } from '@/lib/policy-text/deep/tree';
import { parsePolicyText } from '@/lib/policy-text/parse';
import type { TPolicyTree } from '@/lib/policy-text/tree';
import { parseOrThrow } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const texts = [
  // the real basic policy as the corpus holds it (the seed's copy must stay the same text)
  '../shared/corpus/fuchu-information-security-basic-policy.txt',
  'prisma/seed-data/fuchu-information-security-basic-policy.txt',
  ...readdirSync(path.join(ROOT, 'prisma/seed-data/samples'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `prisma/seed-data/samples/${f}`),
];

function legacyTree(file: string): TPolicyTree {
  const result = parsePolicyText(readFileSync(path.join(ROOT, file), 'utf8'));
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.tree;
}

/** anchor → label, caption or title, and text without spaces (PDF joins may differ in spaces only) */
function contents(tree: TDeepTree): Map<string, string> {
  const out = new Map<string, string>();
  walkNodes(tree, (node) => out.set(node.id, [node.label, node.caption ?? node.title ?? '', node.sentences.join('').replace(/\s/g, '')].join('|')));
  return out;
}

describe.each(texts)('%s', (file) => {
  const legacy = legacyTree(file);
  const anchors = legacyAnchors(legacy);

  it('converts the stored tree to a valid deep tree that keeps every anchor', () => {
    const converted = deepTreeFromLegacy(legacy);
    expect(ZDeepTree.safeParse(converted).success).toBe(true);
    expect(anchors.length).toBeGreaterThan(5);
    const kept = new Set(collectAnchors(converted));
    expect(anchors.filter((a) => !kept.has(a))).toEqual([]);
  });

  it('parses with the deep parser to the same anchors and text as today’s parser', () => {
    const deep = parseOrThrow(readFileSync(path.join(ROOT, file), 'utf8'));
    const deepAnchors = collectAnchors(deep);
    expect(anchors.filter((a) => !deepAnchors.includes(a))).toEqual([]);
    // the only new anchors are the paragraphs inside 附則, which had none
    expect(deepAnchors.filter((a) => !anchors.includes(a)).every((a) => /^sp\d+-p\d+$/.test(a))).toBe(true);
    const before = contents(deepTreeFromLegacy(legacy));
    const after = contents(deep);
    for (const [id, value] of before) if (!id.startsWith('sp')) expect([id, after.get(id)]).toEqual([id, value]);
    expect(deep.title).toBe(legacy.title);
    expect(deep.header).toEqual(legacy.header);
    expect(deep.tail.filter((u) => u.kind === 'supplementary').map((u) => u.kind === 'supplementary' && u.effectiveDate)).toEqual(
      legacy.supplementaryProvisions.map((p) => p.effectiveDate),
    );
  });

  it('has the same canonical text as its converted stored tree: a re-import after the data migration is recognised by its hash', () => {
    const deep = parseDeepText(readFileSync(path.join(ROOT, file), 'utf8'));
    expect(deep.ok).toBe(true);
    expect(serializeDeepTree((deep as { tree: TDeepTree }).tree)).toBe(serializeDeepTree(deepTreeFromLegacy(legacy)));
  });
});
