import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAnchors, deepTreeFromLegacy, legacyAnchors, publicDeepEdition, readDeepTree } from '@/lib/policy-text/deep';
import { parseOrThrow } from '@/tests/support/policy-tree';

const corpus = readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/corpus/fuchu-information-security-basic-policy.txt'), 'utf8');

describe('readDeepTree', () => {
  it('converts a stored three-level tree, keeping every anchor', () => {
    const legacy = parseOrThrow(corpus);
    const deep = readDeepTree(JSON.parse(JSON.stringify(legacy)));
    expect(deep.version).toBe(2);
    const anchors = new Set(collectAnchors(deep));
    expect(legacyAnchors(legacy).filter((a) => !anchors.has(a))).toEqual([]);
  });

  it('reads a stored deep tree as it is, and refuses a malformed one', () => {
    const deep = deepTreeFromLegacy(parseOrThrow(corpus));
    expect(readDeepTree(JSON.parse(JSON.stringify(deep)))).toEqual(deep);
    expect(() => readDeepTree({ version: 2, title: 1 })).toThrow();
  });
});

describe('publicDeepEdition', () => {
  it('keeps only the marked articles and the groups that hold them', () => {
    const deep = deepTreeFromLegacy(parseOrThrow(corpus));
    const article = deep.body.find((n) => n.kind === 'article')!;
    const edition = publicDeepEdition(deep, [article.id]);
    expect(edition.body).toEqual([article]);
    expect(edition.preamble).toEqual([]);
    expect(edition.tail).toEqual([]);
    expect(collectAnchors(publicDeepEdition(deep, []))).toEqual([]);
  });
});
