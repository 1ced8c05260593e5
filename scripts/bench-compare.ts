/*
 * npm run bench:compare — server time of the 新旧対照表 engine on two 500-article revisions and on
 * pathological inputs (median / min / max of repeated runs, after one cold run). Prints figures;
 * asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { parsePolicyText } from '@/lib/policy-text';
import { compareTrees } from '@/lib/policy-text/compare';
import { articleSpecs, buildChapteredTree, buildTree } from '../tests/fixtures/compare/build-tree';
import { buildArticles, chapters, generateRevisionPair } from '../tests/fixtures/compare/generate-revisions';

const load = (file: string) => {
  const result = parsePolicyText(readFileSync(`prisma/seed-data/samples/${file}`, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.tree;
};

function time(name: string, runs: number, run: () => ReturnType<typeof compareTrees>): void {
  const times: number[] = [];
  let last = run();
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    last = run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${name} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} | ${times[0]!.toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${last.level}${last.degraded ? '（簡略化）' : ''} |`);
}

const standard = articleSpecs(load('standard-v1.txt'));
const safety = articleSpecs(load('safety-management-standard-v1.txt'));
const others = [...safety, ...articleSpecs(load('procedure-password-v1.txt'))];

console.log('| 比較 | median ms | min | max | 粒度 |\n|---|---|---|---|---|');
for (const seed of [7, 8, 9]) {
  const pair = generateRevisionPair(standard, { count: 500, seed, newArticles: safety });
  time(`500条 × 2版（seed ${seed}）`, 20, () => compareTrees(pair.before, pair.after));
}
time('無関係な500条どうし', 10, () => compareTrees(buildChapteredTree(chapters(buildArticles(standard, 500))), buildChapteredTree(chapters(buildArticles(others, 500, 'project')))));
const same = Array.from({ length: 10_000 }, () => ({ paragraphs: ['削除'] }));
time('同一の10,000条の先頭に1条挿入', 5, () => compareTrees(buildTree(same), buildTree([{ caption: '新設', paragraphs: ['この規程は、新たに設ける。'] }, ...same])));
time('サンプル対策基準 第1版 → 第2版', 20, () => compareTrees(load('standard-v1.txt'), load('standard-v2.txt')));
