/*
 * The faults, each staged on the portal while people work, and what each must come to. A case
 * returns what happened in words and figures; the runner prints them as one table.
 */
import pg from 'pg';
import { AUDIT_CHAIN_LOCK_KEY } from '@/lib/server/audit/chain-lock';
import { HttpClient } from './http-client';
import { answersInJapanese, draftText, leaksInternals, marker, percentile, sha256, sleep, sql, type DraftSession, type THarness, type TSaveRecord, verifyNoLoss } from './harness';
import { runWorkload, type TRequestRecord, type TWorkload } from './workload';

export interface TCaseResult {
  fault: string;
  happened: string;
  pass: boolean;
  problems: string[];
}

export interface TCaseContext extends THarness {
  /** every save sent in the whole run, for the no-loss checks */
  saves: TSaveRecord[];
  /** a workload of fresh clients; editors work on the named documents */
  workload: (shape: { readers: number; staff: number; searchers?: number; editorSlugs: string[] }) => Promise<TWorkload>;
  /** one editor session on a document's open draft, synchronised with the database */
  editor: (slug: string) => Promise<{ session: DraftSession; baseText: string }>;
  figures: Record<string, string>;
}

// The audit chain's advisory lock (AUDIT_CHAIN_LOCK_KEY): holding it stops a save after its
// UPDATE and before its audit event, that is, in the middle of its transaction.
const ANSWER_WITHIN_MS = 2_000;
const NOTICE_MS = 250;
const ms = (value: number) => `${Math.round(value)} ms`;

async function holdChainLock(databaseUrl: string): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
  return {
    release: async () => {
      await client.query('COMMIT').catch(() => undefined);
      await client.end();
    },
  };
}

/** The portal's backend that waits for the chain lock with a transaction that has already written. */
async function blockedSaveBackend(databaseUrl: string): Promise<{ pid: number; xid: string } | null> {
  for (let i = 0; i < 100; i += 1) {
    const rows = await sql<{ pid: number; xid: string | null }>(
      databaseUrl,
      `SELECT pid, backend_xid::text AS xid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'isms-policy-portal' AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
    );
    const hit = rows.find((r) => r.xid !== null);
    if (hit) return { pid: hit.pid, xid: hit.xid! };
    await sleep(50);
  }
  return null;
}

async function draftRow(databaseUrl: string, session: DraftSession) {
  const [row] = await sql<{ version: number; draft_text: string }>(
    databaseUrl,
    'SELECT r.version, r.draft_text FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = $2',
    [session.slug, session.number],
  );
  return row!;
}

async function storedAnywhere(databaseUrl: string, text: string): Promise<number> {
  const [row] = await sql<{ n: string }>(
    databaseUrl,
    `SELECT (SELECT count(*) FROM audit_events WHERE action = 'draft.save' AND details->>'textHash' = $1)
          + (SELECT count(*) FROM revisions WHERE draft_text = $2)
          + (SELECT count(*) FROM draft_conflict_copies WHERE text = $2) AS n`,
    [sha256(text), text],
  );
  return Number(row!.n);
}

function describeStatuses(records: TRequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const key = r.response.status === 0 ? 'no answer' : String(r.response.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}×${k}`).join(', ');
}

/** When the database came back: the first moment a page is served again. */
async function waitForRecovery(baseUrl: string, since: number, path = '/documents/basic-policy'): Promise<number | null> {
  const client = new HttpClient(baseUrl, 5_000);
  while (performance.now() - since < 20_000) {
    const response = await client.get(path);
    if (response.status === 200) return performance.now() - since;
    await sleep(25);
  }
  return null;
}

/** PostgreSQL stops (connections cut, new ones refused) while readers and editors work, then comes back. */
export async function databaseStopped(ctx: TCaseContext): Promise<TCaseResult> {
  const fault = 'PostgreSQL stopped while 3 readers, 2 staff and 2 editors work; back after 3 s';
  const workload = await ctx.workload({ readers: 3, staff: 2, editorSlugs: ['sample-standard', 'sample-procedure-media'] });
  const requests: TRequestRecord[] = [];
  const saves: TSaveRecord[] = [];
  let stop = false;
  const running = runWorkload(workload, { stop: () => stop, requests, saves, searchPaths: [] });
  await sleep(1_500);
  const cutAt = performance.now();
  await ctx.proxy.down();
  await sleep(3_000);
  const upAt = performance.now();
  await ctx.proxy.up();
  const recovery = await waitForRecovery(ctx.portal().baseUrl, upAt);
  const recoveredAt = recovery === null ? Infinity : upAt + recovery;
  await sleep(1_500);
  stop = true;
  await running;
  ctx.saves.push(...saves);

  const end = (r: TRequestRecord) => r.started + r.response.ms;
  // Requests already running at the cut, or sent before the portal has noticed it (the first
  // failed connection tells it), fail with the error page; everything after must be a quick 503.
  const during = requests.filter((r) => r.started >= cutAt + NOTICE_MS && end(r) <= upAt);
  const inFlight = requests.filter((r) => r.started < cutAt + NOTICE_MS && end(r) > cutAt);
  const afterRecovery = requests.filter((r) => r.started > recoveredAt + 200);
  const problems: string[] = [];
  const slow = during.filter((r) => r.response.ms > ANSWER_WITHIN_MS);
  if (during.length === 0) problems.push('no request was made while PostgreSQL was down');
  if (during.some((r) => r.response.status !== 503)) problems.push(`while down: ${describeStatuses(during)} (expected 503 only)`);
  if (slow.length) problems.push(`${slow.length} answers took longer than ${ms(ANSWER_WITHIN_MS)} (slowest ${ms(Math.max(...slow.map((r) => r.response.ms)))})`);
  if (during.some((r) => !answersInJapanese(r.response))) problems.push('a 503 answer without a Japanese message');
  if (inFlight.some((r) => ![200, 500, 503].includes(r.response.status))) problems.push(`in flight at the cut: ${describeStatuses(inFlight)}`);
  if (requests.some((r) => leaksInternals(r.response.body))) problems.push('an answer shows a stack trace or internal error text');
  if (requests.some((r) => r.response.status === 0)) problems.push(`${requests.filter((r) => r.response.status === 0).length} requests got no answer (hang or reset)`);
  if (recovery === null) problems.push('the portal did not recover within 20 s of PostgreSQL coming back');
  const badAfter = afterRecovery.filter((r) => r.response.status !== 200);
  if (badAfter.length) problems.push(`after recovery: ${describeStatuses(badAfter)} among ${afterRecovery.length} requests`);
  if (!saves.some((s) => s.outcome === 'saved' && s.started > recoveredAt)) problems.push('no save succeeded after recovery');
  const ackedWhileDown = saves.filter((s) => s.outcome !== 'failed' && s.started >= cutAt && s.started + s.response.ms <= upAt);
  if (ackedWhileDown.length) problems.push(`${ackedWhileDown.length} saves acknowledged while PostgreSQL was down`);
  problems.push(...(await verifyNoLoss(ctx.databaseUrl, ctx.saves)));

  const firstAnswer = during.length ? Math.min(...during.map((r) => end(r) - cutAt)) : NaN;
  ctx.figures['down: slowest answer while down'] = ms(Math.max(0, ...during.map((r) => r.response.ms)));
  ctx.figures['down: p50 answer while down'] = ms(percentile(during.map((r) => r.response.ms), 50));
  ctx.figures['down: recovery after PostgreSQL is back'] = recovery === null ? 'none' : ms(recovery);
  const happened =
    `${during.length} requests while down: ${describeStatuses(during)}, slowest ${ms(Math.max(0, ...during.map((r) => r.response.ms)))} (first answer ${ms(firstAnswer)} after the cut); ` +
    `${inFlight.length} in flight at the cut or within ${ms(NOTICE_MS)} of it: ${describeStatuses(inFlight)}; ` +
    `pages served again ${recovery === null ? 'never' : ms(recovery)} after PostgreSQL came back, no restart; ` +
    `saves: ${saves.filter((s) => s.outcome === 'saved').length} acknowledged and stored, ${saves.filter((s) => s.outcome === 'failed').length} refused (none acknowledged while down)`;
  return { fault, happened, pass: problems.length === 0, problems };
}

/** The network to PostgreSQL goes silent (packets dropped): nothing may wait for ever. */
export async function networkPartition(ctx: TCaseContext): Promise<TCaseResult> {
  const statementTimeout = Number(ctx.settings().DATABASE_STATEMENT_TIMEOUT_MS);
  const deadline = statementTimeout + 2_000 + 1_500;
  const fault = `network to PostgreSQL silent for 7 s (connections open, nothing answers), 2 readers and 1 editor working`;
  const workload = await ctx.workload({ readers: 2, staff: 0, editorSlugs: ['sample-procedure-password'] });
  const requests: TRequestRecord[] = [];
  const saves: TSaveRecord[] = [];
  let stop = false;
  const running = runWorkload(workload, { stop: () => stop, requests, saves, searchPaths: [] });
  await sleep(1_000);
  const cutAt = performance.now();
  await ctx.proxy.partition();
  await sleep(7_000);
  const upAt = performance.now();
  await ctx.proxy.up();
  const recovery = await waitForRecovery(ctx.portal().baseUrl, upAt);
  await sleep(1_000);
  stop = true;
  await running;
  ctx.saves.push(...saves);

  const affected = requests.filter((r) => r.started >= cutAt && r.started < upAt);
  const first503 = affected.filter((r) => r.response.status === 503).map((r) => r.started + r.response.ms).sort((a, b) => a - b)[0];
  const afterDetection = first503 === undefined ? [] : affected.filter((r) => r.started > first503 && r.started + r.response.ms <= upAt);
  const problems: string[] = [];
  const tooSlow = affected.filter((r) => r.response.ms > deadline || r.response.status === 0);
  if (tooSlow.length) problems.push(`${tooSlow.length} requests waited longer than ${ms(deadline)} or got no answer`);
  if (first503 === undefined) problems.push('the portal never answered 503');
  const slowAfter = afterDetection.filter((r) => r.response.ms > ANSWER_WITHIN_MS || r.response.status !== 503);
  if (slowAfter.length) problems.push(`after the first 503: ${slowAfter.length} answers not a 503 within ${ms(ANSWER_WITHIN_MS)}`);
  if (requests.some((r) => leaksInternals(r.response.body))) problems.push('an answer shows a stack trace or internal error text');
  if (recovery === null) problems.push('no recovery within 20 s');
  problems.push(...(await verifyNoLoss(ctx.databaseUrl, ctx.saves)));
  ctx.figures['partition: first 503 after the cut'] = first503 === undefined ? 'none' : ms(first503 - cutAt);
  ctx.figures['partition: slowest answer'] = ms(Math.max(0, ...affected.map((r) => r.response.ms)));
  const happened =
    `${affected.length} requests during the silence: ${describeStatuses(affected)}; the first 503 ${first503 === undefined ? 'never' : ms(first503 - cutAt)} after the cut ` +
    `(until then requests waited for a connection or query deadline: slowest ${ms(Math.max(0, ...affected.map((r) => r.response.ms)))}, bound ${ms(deadline)}); ` +
    `afterwards 503 in at most ${ms(Math.max(0, ...afterDetection.map((r) => r.response.ms)))}; recovered ${recovery === null ? 'never' : ms(recovery)} after the network came back`;
  return { fault, happened, pass: problems.length === 0, problems };
}

/** A save's connection is terminated by the server in the middle of its transaction. */
export async function backendTerminated(ctx: TCaseContext): Promise<TCaseResult> {
  const fault = 'pg_terminate_backend on a save in the middle of its transaction (after its UPDATE, before its audit event)';
  const { session, baseText } = await ctx.editor('sample-safety-management-standard');
  const before = await draftRow(ctx.databaseUrl, session);
  const text = draftText(baseText, marker(ctx.runId, 'terminated'));
  const lock = await holdChainLock(ctx.databaseUrl);
  const saving = session.save(text);
  const backend = await blockedSaveBackend(ctx.databaseUrl);
  const problems: string[] = [];
  if (backend) await sql(ctx.databaseUrl, 'SELECT pg_terminate_backend($1)', [backend.pid]);
  else problems.push('the save never reached the middle of its transaction');
  await lock.release();
  const save = await saving;
  ctx.saves.push(save);
  const after = await draftRow(ctx.databaseUrl, session);
  if (save.outcome !== 'failed') problems.push(`the terminated save was acknowledged (${save.outcome})`);
  if (save.response.status === 0) problems.push(`no answer: ${save.response.networkError}`);
  if (leaksInternals(save.response.body)) problems.push('the answer shows internal error text');
  if (after.version !== before.version || after.draft_text !== before.draft_text) problems.push('the draft changed although the save was rolled back');
  if ((await storedAnywhere(ctx.databaseUrl, text)) !== 0) problems.push('part of the terminated save is stored');
  // The editor still holds the text: saving it again stores it.
  session.baseVersion = before.version;
  const retry = await session.save(text);
  ctx.saves.push(retry);
  if (retry.outcome !== 'saved') problems.push(`saving the same text again: ${retry.outcome} (${retry.response.status})`);
  problems.push(...(await verifyNoLoss(ctx.databaseUrl, ctx.saves)));
  const happened =
    `${backend ? `backend ${backend.pid} (transaction ${backend.xid}, UPDATE done) terminated` : 'not reached'}; the save answered ${save.response.status} in ${ms(save.response.ms)} with no result, ` +
    `the draft stayed at version ${after.version} with its old text, nothing of the new text stored, no audit event; the same text saved again as version ${retry.version ?? '—'}`;
  return { fault, happened, pass: problems.length === 0, problems };
}

/** Every pooled connection is stuck behind a lock held by a session sleeping in pg_sleep. */
export async function poolExhausted(ctx: TCaseContext): Promise<TCaseResult> {
  const settings = ctx.settings();
  const poolMax = Number(settings.DATABASE_POOL_MAX);
  const acquire = Number(settings.DATABASE_CONNECT_TIMEOUT_MS);
  const statementTimeout = Number(settings.DATABASE_STATEMENT_TIMEOUT_MS);
  const holdSeconds = 8;
  const fault = `pool exhausted: a session holds the documents table and sleeps (pg_sleep ${holdSeconds} s); 12 readers at once on a pool of ${poolMax}`;
  const holder = new pg.Client({ connectionString: ctx.databaseUrl });
  await holder.connect();
  const held = holder.query(`BEGIN; LOCK TABLE documents IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(${holdSeconds}); COMMIT;`).catch(() => undefined);
  await sleep(200);
  const heldAt = performance.now();
  const clients = Array.from({ length: 12 }, () => new HttpClient(ctx.portal().baseUrl, 30_000));
  const answers = await Promise.all(clients.map((c, i) => c.get(i % 2 ? '/documents/basic-policy' : '/api/v1/documents')));
  const health = await new HttpClient(ctx.portal().baseUrl).get('/api/health');
  await held;
  await holder.end();
  const releasedAt = performance.now();
  const recovery = await waitForRecovery(ctx.portal().baseUrl, releasedAt);

  const problems: string[] = [];
  const times = answers.map((a) => a.ms);
  if (answers.some((a) => a.status === 0)) problems.push('a request got no answer');
  // Waiting for the lock's release instead of giving up is the failure: the timeouts answer well before it.
  if (Math.max(...times) > holdSeconds * 1_000 - 1_000) problems.push(`a request waited ${ms(Math.max(...times))}, until the lock was nearly released`);
  if (answers.some((a) => a.status === 200)) problems.push('a request was served while every connection was stuck (the lock did not hold?)');
  if (answers.some((a) => leaksInternals(a.body))) problems.push('an answer shows internal error text');
  if (recovery === null) problems.push('no recovery after the lock was released');
  const fast = times.filter((t) => t < statementTimeout);
  const slowOnes = times.filter((t) => t >= statementTimeout);
  const range = (values: number[]) => (values.length ? `${ms(Math.min(...values))}–${ms(Math.max(...values))}` : '—');
  ctx.figures['pool: answers before the statement timeout'] = `${fast.length}, ${range(fast)} (acquire timeout ${ms(acquire)})`;
  ctx.figures['pool: answers after the statement timeout'] = `${slowOnes.length}, ${range(slowOnes)} (statement timeout ${ms(statementTimeout)})`;
  const happened =
    `12 requests (document page and JSON API): ${describeStatuses(answers.map((response) => ({ kind: 'reader', path: '', started: 0, response })))} — ` +
    `${fast.length} gave up waiting for a pooled connection after ${range(fast)} (acquire timeout ${ms(acquire)}; the document page takes two timeouts in a row to give up), ` +
    `${slowOnes.length} had their queries cancelled by statement_timeout after ${range(slowOnes)}; none waited for the lock; ` +
    `/api/health meanwhile ${health.status}; pages served again ${recovery === null ? 'never' : ms(recovery)} after the lock was released (${ms(releasedAt - heldAt)} after it was taken)`;
  return { fault, happened, pass: problems.length === 0, problems };
}

/** The portal's process is killed (SIGKILL) while a save is in the middle of its transaction, and started again. */
export async function killedMidSave(ctx: TCaseContext): Promise<TCaseResult> {
  const fault = 'portal process killed (SIGKILL) while a save is in the middle of its transaction, then restarted';
  const { session, baseText } = await ctx.editor('sample-procedure-media');
  const before = await draftRow(ctx.databaseUrl, session);
  const text = draftText(baseText, marker(ctx.runId, 'killed'));
  const lock = await holdChainLock(ctx.databaseUrl);
  const saving = session.save(text);
  const backend = await blockedSaveBackend(ctx.databaseUrl);
  const problems: string[] = [];
  if (!backend) problems.push('the save never reached the middle of its transaction');
  const killedAt = performance.now();
  await ctx.portal().kill();
  await lock.release();
  const save = await saving;
  ctx.saves.push(save);
  await ctx.restartPortal();
  const restartMs = performance.now() - killedAt;
  const after = await draftRow(ctx.databaseUrl, session);
  if (save.outcome !== 'failed') problems.push('the save was acknowledged although the portal was killed');
  if (after.version !== before.version || after.draft_text !== before.draft_text) problems.push('the draft is neither the old text at its old version');
  if ((await storedAnywhere(ctx.databaseUrl, text)) !== 0) problems.push('part of the interrupted save is stored');
  problems.push(...(await verifyNoLoss(ctx.databaseUrl, ctx.saves)));
  ctx.figures['kill: restart to ready'] = ms(restartMs);
  const happened =
    `killed with backend ${backend?.pid ?? '—'} holding an uncommitted UPDATE; the browser-side request got ${save.response.status === 0 ? 'no answer (connection reset)' : save.response.status}; ` +
    `restarted and serving ${ms(restartMs)} later; the draft holds the old text at version ${after.version}, nothing of the new text, the audit chain verifies`;
  return { fault, happened, pass: problems.length === 0, problems };
}

/** The portal is killed at a random moment while three editors save as fast as they can. */
export async function killedDuringSaves(ctx: TCaseContext): Promise<TCaseResult> {
  const fault = 'portal process killed (SIGKILL) at a random moment while 3 editors save continuously, then restarted';
  const workload = await ctx.workload({ readers: 1, staff: 0, editorSlugs: ['sample-standard', 'sample-procedure-password', 'basic-policy'] });
  const requests: TRequestRecord[] = [];
  const saves: TSaveRecord[] = [];
  let stop = false;
  const running = runWorkload(workload, { stop: () => stop, requests, saves, searchPaths: [] });
  await sleep(1_200 + Math.random() * 800);
  await ctx.portal().kill();
  stop = true;
  await running;
  ctx.saves.push(...saves);
  await ctx.restartPortal();
  const problems = await verifyNoLoss(ctx.databaseUrl, ctx.saves);
  const cut = saves.filter((s) => s.outcome === 'failed');
  const landed: string[] = [];
  for (const s of cut) if ((await storedAnywhere(ctx.databaseUrl, s.text)) > 0) landed.push(s.slug);
  const happened =
    `${saves.filter((s) => s.outcome === 'saved').length} saves acknowledged before the kill, all stored once; ${cut.length} cut off by the kill ` +
    `(${landed.length} of them had committed before the process died and are stored whole, the rest left nothing); every draft holds one whole text, the audit chain verifies after the restart`;
  return { fault, happened, pass: problems.length === 0, problems };
}
