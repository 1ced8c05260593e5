import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { ZDeepTree } from '@/lib/policy-text/deep/tree';
import { deepTreeToLawXml, lawXmlToDeepTree } from '@/lib/policy-text/deep/xml';
import { DEEP_FIXTURES, deepFixture, parseOrThrow } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const deepNames = readdirSync(DEEP_FIXTURES).filter((f) => f.endsWith('.txt'));
const otherTexts = [
  'prisma/seed-data/fuchu-information-security-basic-policy.txt',
  ...readdirSync(path.join(ROOT, 'prisma/seed-data/samples'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `prisma/seed-data/samples/${f}`),
  ...readdirSync(path.join(ROOT, 'tests/fixtures/policy-texts'))
    .filter((f) => f !== 'essay.txt')
    .map((f) => `tests/fixtures/policy-texts/${f}`),
];
const corpus: [string, () => string][] = [
  ...deepNames.map((name): [string, () => string] => [`deep/${name}`, () => deepFixture(name)]),
  ...otherTexts.map((file): [string, () => string] => [file, () => readFileSync(path.join(ROOT, file), 'utf8')]),
];

/** JSON form, as the tree is stored: drops keys whose value is undefined */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe.each(corpus)('%s', (_name, read) => {
  const tree = parseOrThrow(read());

  it('is a valid deep tree', () => {
    expect(ZDeepTree.safeParse(tree).success).toBe(true);
  });

  it('round-trips through its canonical text: parse(serialize(tree)) equals tree', () => {
    const again = parseDeepText(serializeDeepTree(tree));
    expect(again.ok && stored(again.tree)).toEqual(stored(tree));
  });

  it('round-trips through 法令標準XML: text → tree → XML → tree gives the same tree', () => {
    const back = lawXmlToDeepTree(deepTreeToLawXml(tree));
    expect(back.ok && stored(back.tree)).toEqual(stored(tree));
  });
});

it('the corpus holds at least twelve deep fixtures', () => {
  expect(deepNames.length).toBeGreaterThanOrEqual(12);
});
