/*
 * 遵守の確認 at scale (issue 18): 5,000 staff in 10 部 × 5 課 × 2 係 over the corpus's documents
 * (200 × the corpus's revisions per document by default: `--documents 200 --revisions 10`), 70 % of
 * them having acknowledged each document's latest revision, spread over 30 days. Measures, one
 * request at a time, the managers' view as the CISO (the city) and as a 課長 (one 課), and the home
 * page of a member of staff with open tasks against the reader page of a document (its reference).
 * Targets: dashboards ≤ 200 ms; home page ≤ the reader page.
 */
import pg from 'pg';
import { BENCH_AUDITOR, BENCH_PASSWORD } from '../generate-corpus';
import { expectStatus, fmt, measurement, median, signIn, type TBenchContext, type TPartResult } from '../lib';

const STAFF = 5_000;
const BU = 10;
const KA = 5;
const KAKARI = 2;
const CISO = 'bench-ack-ciso';
const KACHO = 'bench-ack-kacho';
const MEMBER = 'bench-ack-00001';

/** The organisation, the people and their acknowledgments, in SQL (idempotent: a kept corpus is reused). */
async function generate(client: pg.Client, log: (line: string) => void): Promise<void> {
  const exists = await client.query(`SELECT 1 FROM users WHERE login_id = $1`, [CISO]);
  if (exists.rowCount) return;
  const started = performance.now();
  await client.query('BEGIN');
  await client.query(`
    INSERT INTO departments (id, code, name, kind, parent_id, sort_order)
    SELECT gen_random_uuid(), 'bench-bu-' || b, '第' || b || '部（ベンチ）', 'BU', NULL, 1000 + b FROM generate_series(1, ${BU}) b`);
  await client.query(`
    INSERT INTO departments (id, code, name, kind, parent_id, sort_order)
    SELECT gen_random_uuid(), 'bench-ka-' || b || '-' || k, '第' || b || '部第' || k || '課', 'KA', p.id, 2000 + b * 10 + k
    FROM generate_series(1, ${BU}) b CROSS JOIN generate_series(1, ${KA}) k JOIN departments p ON p.code = 'bench-bu-' || b`);
  await client.query(`
    INSERT INTO departments (id, code, name, kind, parent_id, sort_order)
    SELECT gen_random_uuid(), p.code || '-' || g, p.name || '第' || g || '係', 'KAKARI', p.id, 3000 + row_number() OVER ()
    FROM departments p CROSS JOIN generate_series(1, ${KAKARI}) g WHERE p.code LIKE 'bench-ka-%'`);
  const hash = (await client.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE login_id = $1`, [BENCH_AUDITOR])).rows[0]!.password_hash;
  await client.query(
    `
    WITH units AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS n FROM departments WHERE kind = 'KAKARI' AND code LIKE 'bench-ka-%')
    INSERT INTO users (id, login_id, display_name, department_id, password_hash, roles, department_since)
    SELECT gen_random_uuid(), 'bench-ack-' || lpad(s::text, 5, '0'), '職員' || s || '（ベンチ）', u.id, $1, ARRAY['STAFF']::"Role"[], DATE '2026-01-01'
    FROM generate_series(1, ${STAFF}) s JOIN units u ON u.i = (s - 1) % u.n`,
    [hash],
  );
  await client.query(
    `INSERT INTO users (id, login_id, display_name, department_id, password_hash, roles) VALUES
       (gen_random_uuid(), $1, 'CISO（ベンチ）', (SELECT id FROM departments WHERE code = 'bench-bu-1'), $3, ARRAY['STAFF', 'CISO']::"Role"[]),
       (gen_random_uuid(), $2, '課長（ベンチ）', (SELECT id FROM departments WHERE code = 'bench-ka-1-1'), $3, ARRAY['STAFF', 'SECURITY_MANAGER']::"Role"[])`,
    [CISO, KACHO, hash],
  );
  // 70 % acknowledged each document's latest revision, at some moment in the last 30 days
  await client.query(`
    INSERT INTO acknowledgments (id, user_id, revision_id, document_id, effective_date, department_id, department_name, acknowledged_at)
    SELECT gen_random_uuid(), u.id, r.id, r.document_id, r.effective_date, u.department_id, 'ベンチ', now() - random() * interval '30 days'
    FROM users u
    CROSS JOIN LATERAL (SELECT DISTINCT ON (document_id) id, document_id, effective_date FROM revisions
                        WHERE status = 'APPROVED' AND effective_date <= current_date ORDER BY document_id, effective_date DESC) r
    WHERE u.login_id LIKE 'bench-ack-%' AND u.login_id NOT IN ('${CISO}', '${KACHO}', '${MEMBER}') AND random() < 0.7`);
  await client.query('COMMIT');
  await client.query('ANALYZE departments, users, acknowledgments, revisions, documents');
  const acks = (await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM acknowledgments`)).rows[0]!.n;
  log(`  組織・職員 ${STAFF.toLocaleString()} 人・確認 ${Number(acks).toLocaleString()} 件を生成（${fmt((performance.now() - started) / 1000)} s）`);
}

async function timeGets(url: string, cookie: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= count; i += 1) {
    const response = await expectStatus(url, 200, { cookie });
    if (i > 0) times.push(response.ms); // the first warms the plan and the caches
  }
  return times;
}

export async function runAcks(ctx: TBenchContext): Promise<TPartResult> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  await generate(client, ctx.log);
  const docs = Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM documents`)).rows[0]!.n);
  const revisions = Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM revisions WHERE status = 'APPROVED'`)).rows[0]!.n);
  const readerSlug = (await client.query<{ slug: string }>(`SELECT slug FROM documents WHERE visibility = 'STAFF' ORDER BY sort_order LIMIT 1`)).rows[0]!.slug;
  await client.end();
  const count = ctx.quick ? 5 : 20;
  const [ciso, kacho, member] = await Promise.all([signIn(ctx.baseUrl, CISO, BENCH_PASSWORD), signIn(ctx.baseUrl, KACHO, BENCH_PASSWORD), signIn(ctx.baseUrl, MEMBER, BENCH_PASSWORD)]);
  const city = await timeGets(`${ctx.baseUrl}/acknowledgments/board`, ciso, count);
  const unit = await timeGets(`${ctx.baseUrl}/acknowledgments/board`, kacho, count);
  const home = await timeGets(`${ctx.baseUrl}/`, member, count);
  const reader = await timeGets(`${ctx.baseUrl}/documents/${readerSlug}`, member, count);
  ctx.log(`  ${docs} 文書・承認済み ${revisions.toLocaleString()} 版・職員 ${STAFF.toLocaleString()} 人`);
  ctx.log(`  確認状況（全庁・CISO） ${fmt(median(city))} ms、（課長） ${fmt(median(unit))} ms`);
  ctx.log(`  ホーム（未確認 ${docs} 件前後の職員） ${fmt(median(home))} ms、本文（参照） ${fmt(median(reader))} ms、比 ${fmt(median(home) / median(reader), 2)}`);
  return {
    measurements: [measurement('acks', '確認状況（全庁）', 'ms', city), measurement('acks', '確認状況（課長）', 'ms', unit), measurement('acks', 'ホーム（確認タスク）', 'ms', home), measurement('acks', '本文（参照）', 'ms', reader)],
    targets: [
      { id: 18, label: `確認状況（全庁、職員 ${STAFF.toLocaleString()} 人 × ${docs} 文書）`, measured: `${fmt(median(city))} ms`, target: '≤ 200 ms', pass: median(city) <= 200 },
      { id: 18, label: '確認状況（課長、1 課）', measured: `${fmt(median(unit))} ms`, target: '≤ 200 ms', pass: median(unit) <= 200 },
      { id: 18, label: 'ホーム（確認タスクあり）÷ 本文の表示', measured: `${fmt(median(home) / median(reader), 2)}`, target: '≤ 1.00', pass: median(home) <= median(reader) },
    ],
  };
}
