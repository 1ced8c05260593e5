/*
 * npm run bench:parse — time parseDeepText on generated texts of growing length and print the
 * figures. Linear time means the time per 1,000 lines stays flat; the target is 100,000 lines
 * in at most 1 s. Figures only: no assertion here (tests never time anything).
 */
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { generateDeepText } from '../tests/support/deep-text';
import { parsePolicyText } from '@/lib/policy-text/parse';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall-clock and CPU milliseconds (CPU time is what counts on a shared, loaded machine). */
function time(run: () => void, repeat: number): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    walls.push(performance.now() - start);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const rows: string[] = [];
for (const lines of [10_000, 50_000, 100_000, 200_000]) {
  const { text, lines: actual } = generateDeepText(lines);
  // warm up once so the figures measure the parser, not the JIT
  parseDeepText(text);
  const deep = time(() => {
    const result = parseDeepText(text);
    if (!result.ok) throw new Error('parse failed');
  }, 5);
  const legacy = time(() => parsePolicyText(text), 3);
  rows.push(
    `${String(actual).padStart(8)} lines  deep ${deep.cpu.toFixed(0).padStart(6)} ms CPU (${deep.wall.toFixed(0)} ms wall, ${((deep.cpu / actual) * 1000).toFixed(2)} ms CPU per 1,000 lines)  today's parser ${legacy.cpu.toFixed(0).padStart(6)} ms CPU  ratio ${(deep.cpu / legacy.cpu).toFixed(2)}`,
  );
}
console.log(`parseDeepText on generated deep texts (median of 5 runs; load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
for (const row of rows) console.log(row);
