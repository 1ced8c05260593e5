/*
 * npm run bench:compare — the 新旧対照表 engine on two 500-article revisions and on pathological
 * inputs (median / min / max of repeated runs, after one cold run), and against jsdiff's
 * diffLines on two 500-article DEEP revisions (号の細分 five levels down, tables; issue 16
 * "Speed": ours ≤ 0.5 × diffLines). Times are CPU time of this process (process.cpuUsage), so a
 * machine shared with other work still gives comparable figures; wall time is printed beside.
 * A full garbage collection precedes each series (see measure). Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { diffLines } from 'diff';
import { parsePolicyText } from '@/lib/policy-text';
import { compareTrees } from '@/lib/policy-text/compare';
import { deepTreeFromLegacy } from '@/lib/policy-text/deep/from-legacy';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import type { TPolicyTree } from '@/lib/policy-text/tree';
import { articleSpecs, buildChapteredTree, buildTree } from '../tests/fixtures/compare/build-tree';
import { buildArticles, chapters, generateRevisionPair } from '../tests/fixtures/compare/generate-revisions';
import { generateDeepRevisionPair } from '../tests/fixtures/deep-compare/generate';

const load = (file: string) => {
  const result = parsePolicyText(readFileSync(`prisma/seed-data/samples/${file}`, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.tree;
};
/** The three-level trees built below, read as deep trees the way stored old revisions are. */
const deep = (tree: TPolicyTree): TDeepTree => deepTreeFromLegacy(tree);

type TTimes = { cpu: number[]; wall: number[] };

// A full collection before each series, so that a series never pays for the garbage the one
// before it left (the 新旧対照表 leaves far more than diffLines); inside a series each run pays
// for its own and its predecessors' garbage, as in steady use.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function measure(runs: number, run: () => unknown): TTimes {
  collect();
  run();
  const times: TTimes = { cpu: [], wall: [] };
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    run();
    times.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    times.cpu.push((used.user + used.system) / 1000);
  }
  return times;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const range = (values: number[]): string => `${median(values).toFixed(1)} | ${Math.min(...values).toFixed(1)} | ${Math.max(...values).toFixed(1)}`;

function time(name: string, runs: number, run: () => ReturnType<typeof compareTrees>): void {
  let last = run();
  const times = measure(runs, () => (last = run()));
  console.log(`| ${name} | ${range(times.cpu)} | ${median(times.wall).toFixed(1)} | ${last.level}${last.degraded ? '（簡略化）' : ''} |`);
}

const standard = articleSpecs(load('standard-v1.txt'));
const safety = articleSpecs(load('safety-management-standard-v1.txt'));
const others = [...safety, ...articleSpecs(load('procedure-password-v1.txt'))];

console.log('| 比較 | CPU median ms | min | max | wall median ms | 粒度 |\n|---|---|---|---|---|---|');
for (const seed of [7, 8, 9]) {
  const pair = generateRevisionPair(standard, { count: 500, seed, newArticles: safety });
  time(`500条 × 2版（seed ${seed}）`, 20, () => compareTrees(deep(pair.before), deep(pair.after)));
}
time('無関係な500条どうし', 10, () => compareTrees(deep(buildChapteredTree(chapters(buildArticles(standard, 500)))), deep(buildChapteredTree(chapters(buildArticles(others, 500, 'project'))))));
const same = Array.from({ length: 10_000 }, () => ({ paragraphs: ['削除'] }));
time('同一の10,000条の先頭に1条挿入', 5, () => compareTrees(deep(buildTree(same)), deep(buildTree([{ caption: '新設', paragraphs: ['この規程は、新たに設ける。'] }, ...same]))));
time('サンプル対策基準 第1版 → 第2版', 20, () => compareTrees(deep(load('standard-v1.txt')), deep(load('standard-v2.txt'))));

// Issue 16 "Speed": two 500-article deep revisions, the 新旧対照表 against diffLines of the same texts.
console.log('\n| 深い500条 × 2版 | 新旧対照表 CPU ms | diffLines CPU ms | 比 | 目標 | 粒度 |\n|---|---|---|---|---|---|');
for (const seed of [7, 8, 9]) {
  const pair = generateDeepRevisionPair({ count: 500, seed });
  const parse = (text: string): TDeepTree => {
    const result = parseDeepText(text);
    if (!result.ok) throw new Error('the generated text does not parse');
    return result.tree;
  };
  const [before, after] = [parse(pair.before), parse(pair.after)];
  let level = '';
  const ours = measure(10, () => {
    const c = compareTrees(before, after);
    level = `${c.level}${c.degraded ? '（簡略化）' : ''}`;
  });
  const reference = measure(10, () => diffLines(pair.before, pair.after));
  const ratio = median(ours.cpu) / median(reference.cpu);
  const lines = pair.before.split('\n').length;
  console.log(`| seed ${seed}（${lines.toLocaleString()}行、${(pair.before.length / 1000).toFixed(0)}千字） | ${median(ours.cpu).toFixed(1)} | ${median(reference.cpu).toFixed(1)} | ${ratio.toFixed(2)} × | ≤ 0.5 × ${ratio <= 0.5 ? '✓' : '✗'} | ${level} |`);
}
