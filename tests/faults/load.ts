/*
 * Load without loss: anonymous readers, signed-in staff, searches and editors saving drafts with
 * unique markers (two of them on the same draft, so conflicts happen), for a bounded time against
 * the portal with its production settings. Afterwards every acknowledged save must be stored
 * exactly once, nothing half-there, the audit chain must verify, and no request may have failed.
 */
import { percentile, verifyNoLoss } from './harness';
import type { TCaseContext, TCaseResult } from './cases';
import { runWorkload, SEARCH_PATHS, type TRequestRecord } from './workload';

export interface TLoadFigures {
  seconds: number;
  requests: number;
  perSecond: number;
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  byKind: { kind: string; n: number; p50: number; p99: number; errors: number }[];
  saves: { saved: number; conflicts: number; failed: number };
}

export async function loadWithoutLoss(ctx: TCaseContext, seconds: number): Promise<{ result: TCaseResult; figures: TLoadFigures }> {
  const searchAvailable = (await (await ctx.workload({ readers: 1, staff: 0, editorSlugs: [] })).readers[0]!.get(SEARCH_PATHS[1]!)).status !== 404;
  const workload = await ctx.workload({
    readers: 4,
    staff: 2,
    searchers: searchAvailable ? 1 : 0,
    editorSlugs: ['basic-policy', 'basic-policy', 'sample-standard', 'sample-procedure-media'],
  });
  const requests: TRequestRecord[] = [];
  const saves: typeof ctx.saves = [];
  const started = performance.now();
  await runWorkload(workload, { stop: () => performance.now() - started > seconds * 1_000, requests, saves });
  const elapsed = (performance.now() - started) / 1_000;
  ctx.saves.push(...saves);

  const isError = (r: TRequestRecord) => r.response.status === 0 || r.response.status >= 400 || (r.kind === 'editor' && saves.find((s) => s.response === r.response)?.outcome === 'failed');
  const times = requests.map((r) => r.response.ms);
  const errors = requests.filter(isError);
  const kinds = [...new Set(requests.map((r) => r.kind))];
  const figures: TLoadFigures = {
    seconds: elapsed,
    requests: requests.length,
    perSecond: requests.length / elapsed,
    errorRate: requests.length ? errors.length / requests.length : 0,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    byKind: kinds.map((kind) => {
      const of = requests.filter((r) => r.kind === kind);
      return { kind, n: of.length, p50: percentile(of.map((r) => r.response.ms), 50), p99: percentile(of.map((r) => r.response.ms), 99), errors: of.filter(isError).length };
    }),
    saves: { saved: saves.filter((s) => s.outcome === 'saved').length, conflicts: saves.filter((s) => s.outcome === 'conflict').length, failed: saves.filter((s) => s.outcome === 'failed').length },
  };

  const problems = await verifyNoLoss(ctx.databaseUrl, ctx.saves);
  if (errors.length) {
    const sample = errors.slice(0, 3).map((r) => `${r.path} → ${r.response.status || r.response.networkError} ${r.response.status === 200 ? r.response.body.split('\n').find((l) => l.startsWith('1:'))?.slice(0, 160) : ''}`);
    problems.push(`${errors.length} failed requests (${sample.join('; ')})`);
  }
  if (figures.saves.saved === 0) problems.push('no save was acknowledged');
  const result: TCaseResult = {
    fault: `load: ${workload.readers.length} readers, ${workload.staff.length} staff, ${workload.searchers.length} searching, 4 editors (2 on one draft) for ${seconds} s`,
    happened:
      `${figures.requests} requests (${figures.perSecond.toFixed(1)}/s), error rate ${(figures.errorRate * 100).toFixed(2)} %, p50 ${Math.round(figures.p50)} ms, p99 ${Math.round(figures.p99)} ms; ` +
      `saves: ${figures.saves.saved} acknowledged, ${figures.saves.conflicts} conflicts kept as copies, ${figures.saves.failed} failed — each stored exactly once, chain verifies` +
      (searchAvailable ? '' : ' (no search endpoint in this build)'),
    pass: problems.length === 0,
    problems,
  };
  return { result, figures };
}
