/*
 * Target 4: the 新旧対照表 of two 500-article revisions, server time: the engine's own time as the
 * API reports it (elapsedMs) and the whole answer of GET /api/v1/documents/…/compare, as a
 * signed-in reader, one request at a time; the reference is `diffLines` (npm diff) of the two
 * plain texts in this process. The HTML screen of the same comparison is timed beside them.
 */
import { diffLines } from 'diff';
import pg from 'pg';
import { compareTrees } from '@/lib/policy-text/compare';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { generateDeepRevisionPair } from '../../../tests/fixtures/deep-compare/generate';
import { BENCH_COMPARE_SLUG, BENCH_PASSWORD, BENCH_STAFF } from '../generate-corpus';
import { expectStatus, fmt, measurement, median, request, signIn, type TBenchContext, type TPartResult } from '../lib';

export async function runCompare(ctx: TBenchContext): Promise<TPartResult> {
  const cookie = await signIn(ctx.baseUrl, BENCH_STAFF, BENCH_PASSWORD);
  const headers = { cookie };
  const api = `${ctx.baseUrl}/api/v1/documents/${BENCH_COMPARE_SLUG}/compare?from=1&to=2`;
  const page = `${ctx.baseUrl}/documents/${BENCH_COMPARE_SLUG}/compare?from=1&to=2`;
  const count = ctx.quick ? 5 : 20;

  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const texts = await client.query<{ plain_text: string }>(
    'SELECT r.plain_text FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 ORDER BY r.number',
    [BENCH_COMPARE_SLUG],
  );
  await client.end();
  const [before, after] = texts.rows.map((r) => r.plain_text);
  if (!before || !after) throw new Error(`${BENCH_COMPARE_SLUG}: two revisions expected`);
  const reference: number[] = [];
  diffLines(before, after);
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    diffLines(before, after);
    reference.push(performance.now() - t);
  }

  const firstAnswer = JSON.parse((await expectStatus(api, 200, headers)).body.toString('utf8')) as { comparison: { level: string; rows: unknown[] } };
  await expectStatus(page, 200, headers);
  const server: number[] = [];
  const engine: number[] = [];
  const pageTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const response = await request(api, { headers });
    if (response.status !== 200) throw new Error(`${api}: ${response.status}`);
    server.push(response.ms);
    bytes = response.body.length;
    engine.push((JSON.parse(response.body.toString('utf8')) as { elapsedMs: number }).elapsedMs);
    const html = await request(page, { headers });
    if (html.status !== 200) throw new Error(`${page}: ${html.status}`);
    pageTimes.push(html.ms);
  }
  // The engine's time against diffLines: both compute a comparison of texts already in memory.
  const ratio = median(engine) / median(reference);
  ctx.log(`  比較 API ${fmt(median(server))} ms（エンジン ${fmt(median(engine))} ms、${(bytes / 1000).toFixed(0)} kB）、画面 ${fmt(median(pageTimes))} ms、diffLines ${fmt(median(reference))} ms`);
  const deep = deepRatio(count);
  ctx.log(`  深い500条×2版: 新旧対照表 ${fmt(median(deep.ours))} ms CPU、diffLines ${fmt(median(deep.reference))} ms CPU（${fmt(deep.ratio, 2)} ×）`);
  return {
    measurements: [
      measurement('compare', '深い500条×2版 新旧対照表（compareTrees、CPU）', 'ms', deep.ours),
      measurement('compare', '深い500条×2版 diffLines（参照、CPU）', 'ms', deep.reference),
      measurement('compare', '500条×2版 比較 API（応答全体）', 'ms', server),
      measurement('compare', '500条×2版 比較エンジン（compareTrees）', 'ms', engine),
      measurement('compare', '500条×2版 新旧対照表の画面（HTML）', 'ms', pageTimes),
      measurement('compare', 'diffLines（参照）', 'ms', reference),
    ],
    targets: [
      { id: 16, label: '深い500条×2版（号の細分5段・表）の新旧対照表 / diffLines（同じ2版の本文、CPU時間）', measured: `${fmt(deep.ratio, 2)} ×`, target: '≤ 0.5 ×', pass: deep.ratio <= 0.5 },
      { id: 4, label: '500条×2版の比較 サーバ時間（比較の計算、API の elapsedMs）', measured: `${fmt(median(engine))} ms`, target: '≤ 100 ms', pass: median(engine) <= 100 },
      { id: 4, label: '同 / diffLines（同じ2版の平文）', measured: `${fmt(ratio, 2)} ×（diffLines ${fmt(median(reference))} ms）`, target: '≤ 5 ×', pass: ratio <= 5 },
      {
        id: 4,
        label: '同 API 応答全体（読み込み・権限・計算・JSON）',
        measured: `${fmt(median(server))} ms（${(bytes / 1e6).toFixed(1)} MB）`,
        target: '≤ 100 ms',
        pass: median(server) <= 100,
      },
    ],
    details: { level: firstAnswer.comparison.level, rows: firstAnswer.comparison.rows.length, apiBytes: bytes, ratio },
  };
}

/**
 * Issue 16 "Speed": two generated 500-article deep revisions (号の細分 five levels down, tables,
 * 附則 and 別表), compared in this process against diffLines of the same two texts; CPU time, so
 * the figure holds on a machine busy with the server and other work.
 */
function deepRatio(count: number): { ours: number[]; reference: number[]; ratio: number } {
  const pair = generateDeepRevisionPair({ count: 500, seed: 7 });
  const parse = (text: string): TDeepTree => {
    const result = parseDeepText(text);
    if (!result.ok) throw new Error('the generated deep revision does not parse');
    return result.tree;
  };
  const [before, after] = [parse(pair.before), parse(pair.after)];
  const cpu = (run: () => unknown): number => {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  compareTrees(before, after);
  diffLines(pair.before, pair.after);
  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < count; i += 1) {
    ours.push(cpu(() => compareTrees(before, after)));
    reference.push(cpu(() => diffLines(pair.before, pair.after)));
  }
  return { ours, reference, ratio: median(ours) / median(reference) };
}
