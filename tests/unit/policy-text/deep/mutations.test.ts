import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { ZDeepTree } from '@/lib/policy-text/deep/tree';
import { deepTreeToLawXml, lawXmlToDeepTree } from '@/lib/policy-text/deep/xml';
import { DEEP_FIXTURES, deepFixture } from './helpers';

/** A fixed pseudo-random sequence, so a failure names a case that can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('texts cut at random (lines left out, two lines swapped)', () => {
  const texts = readdirSync(DEEP_FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map(deepFixture);

  it('always parse to a valid tree that round-trips through 法令標準XML', () => {
    const random = sequence(20261205);
    for (let n = 0; n < 150; n++) {
      const lines = (texts[Math.floor(random() * texts.length)] ?? '').split(/\r?\n/).filter(() => random() > 0.15);
      if (random() < 0.3) {
        const a = Math.floor(random() * lines.length);
        const b = Math.floor(random() * lines.length);
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      }
      const result = parseDeepText(lines.join('\n'));
      if (!result.ok) continue;
      expect(ZDeepTree.safeParse(result.tree).success, `case ${n}`).toBe(true);
      const back = lawXmlToDeepTree(deepTreeToLawXml(result.tree));
      expect(back.ok && stored(back.tree), `case ${n}`).toEqual(stored(result.tree));
    }
  }, 120_000);
});
