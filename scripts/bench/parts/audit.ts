/*
 * Target 6: one filtered page of the audit trail with the corpus's events (1,000,000 by default),
 * as an auditor, one request at a time: the JSON page (GET /api/v1/audit/events) and the /audit
 * screen. The filters are those of `npm run bench:audit`, with values taken from the trail.
 */
import pg from 'pg';
import { auditFilters } from '../audit-events';
import { BENCH_AUDITOR, BENCH_PASSWORD } from '../generate-corpus';
import { fmt, measurement, median, request, signIn, type TBenchContext, type TPartResult } from '../lib';

export async function runAudit(ctx: TBenchContext): Promise<TPartResult> {
  const cookie = await signIn(ctx.baseUrl, BENCH_AUDITOR, BENCH_PASSWORD);
  const headers = { cookie };
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const total = Number((await client.query<{ n: string }>('SELECT coalesce(max(seq), 0)::text AS n FROM audit_events')).rows[0]!.n);
  const sample = async (sql: string) => (await client.query<{ v: string }>(sql)).rows[0]?.v ?? '';
  const actor = await sample("SELECT actor_login_id AS v FROM audit_events WHERE actor_login_id LIKE 'bench-%' ORDER BY seq LIMIT 1 OFFSET 42");
  const document = await sample("SELECT target_id AS v FROM audit_events WHERE target_type = 'document' AND target_id LIKE 'bench-%' ORDER BY seq LIMIT 1 OFFSET 1234");
  await client.end();
  const filters = auditFilters(total, [{ loginId: actor, department: '' }], [document]);
  const count = ctx.quick ? 5 : 20;
  const result: TPartResult = { measurements: [], targets: [] };
  let worstApi = { label: '', ms: 0 };
  let worstPage = { label: '', ms: 0 };
  for (const [label, filter] of Object.entries(filters)) {
    const query = new URLSearchParams(filter).toString();
    const api = `${ctx.baseUrl}/api/v1/audit/events${query ? `?${query}` : ''}`;
    const page = `${ctx.baseUrl}/audit${query ? `?${query}` : ''}`;
    const apiTimes: number[] = [];
    const pageTimes: number[] = [];
    let events = 0;
    for (let i = 0; i <= count; i += 1) {
      const a = await request(api, { headers });
      const b = await request(page, { headers });
      if (a.status !== 200 || b.status !== 200) throw new Error(`${label}: ${a.status} / ${b.status}`);
      events = (JSON.parse(a.body.toString('utf8')) as { events: unknown[] }).events.length;
      // the first request of each filter warms its plan and pages; it is not counted
      if (i === 0) continue;
      apiTimes.push(a.ms);
      pageTimes.push(b.ms);
    }
    ctx.log(`  ${label}: ${events} 件、API ${fmt(median(apiTimes))} ms、画面 ${fmt(median(pageTimes))} ms`);
    result.measurements.push(measurement('audit', `監査 API ${label}`, 'ms', apiTimes), measurement('audit', `監査画面 ${label}`, 'ms', pageTimes));
    if (median(apiTimes) > worstApi.ms) worstApi = { label, ms: median(apiTimes) };
    if (median(pageTimes) > worstPage.ms) worstPage = { label, ms: median(pageTimes) };
  }
  result.targets.push(
    { id: 6, label: `監査記録 ${total.toLocaleString()} 件の絞り込み 1 ページ（API、最も遅い条件）`, measured: `${fmt(worstApi.ms)} ms（${worstApi.label}）`, target: '≤ 50 ms', pass: worstApi.ms <= 50 },
    { id: 6, label: '同（/audit 画面、最も遅い条件）', measured: `${fmt(worstPage.ms)} ms（${worstPage.label}）`, target: '≤ 50 ms', pass: worstPage.ms <= 50 },
  );
  return result;
}
