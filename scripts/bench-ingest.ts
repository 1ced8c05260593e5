/*
 * npm run bench:ingest — time a 1,000-article Word file (Word's automatic numbering three
 * levels deep, a table every 10 articles) from bytes to the parsed deep tree (importDocx), and
 * mammoth alone on the same file (convertToHtml, and extractRawText); the target is
 * importDocx ≤ 3 × mammoth. Figures only: tests never time anything.
 */
import mammoth from 'mammoth';
import { importDocx } from '@/lib/ingest/import-docx';
import { largeDocx } from '../tests/fixtures/ingest/word-sample';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall-clock and CPU milliseconds (CPU time is what counts on a shared, loaded machine). */
async function time(run: () => unknown, repeat: number): Promise<{ wall: number; cpu: number }> {
  await run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await run();
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
    walls.push(performance.now() - start);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const articles = Number(process.argv[2] ?? '1000');
const repeat = Number(process.argv[3] ?? '5');
const file = await largeDocx(articles);
const check = importDocx(new Uint8Array(file));
if (!check.ok) throw new Error(check.message);
console.log(`Word file: ${articles} articles, ${(file.length / 1024).toFixed(0)} KB, ${check.text.split('\n').length - 1} lines of text, ${check.tree.body.length} articles parsed`);

const ours = await time(() => importDocx(new Uint8Array(file)), repeat);
const html = await time(() => mammoth.convertToHtml({ buffer: file }), repeat);
const raw = await time(() => mammoth.extractRawText({ buffer: file }), repeat);
const row = (name: string, t: { wall: number; cpu: number }) => `${name.padEnd(36)} ${t.wall.toFixed(0).padStart(6)} ms wall ${t.cpu.toFixed(0).padStart(6)} ms cpu`;
console.log(row('importDocx (bytes → parsed tree)', ours));
console.log(row('mammoth.convertToHtml', html));
console.log(row('mammoth.extractRawText', raw));
console.log(`ratio importDocx / mammoth.convertToHtml: ${(ours.cpu / html.cpu).toFixed(2)} × (cpu), ${(ours.wall / html.wall).toFixed(2)} × (wall); target ≤ 3 ×`);
