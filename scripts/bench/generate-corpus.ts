/*
 * npm run bench:corpus -- --documents 2000 --articles 30 --revisions 3 --events 1000000
 *
 * A scale corpus for the benchmarks, on the database in DATABASE_URL (or the embedded one):
 * migrates, seeds when empty, then adds in bulk
 *   - documents (standards, safety-management standards, procedures) of realistic regulation
 *     text: the articles of the sample texts, varied per department and system, with the terms
 *     people search for (USBメモリ, パスワード, 委託, LGWAN, 暗号, 監査 …) at about the rate they
 *     have in real countermeasure standards;
 *   - revisions amended the way real amendments are, each stored as the importer stores it
 *     (the deep tree from parseDeepText, its canonical text and content hash);
 *   - PUBLIC / STAFF / RESTRICTED visibility with department grants and public excerpts;
 *   - accounts in every department, and hash-chained audit events;
 *   - one 500-article standard with two revisions, for the 新旧対照表 benchmark;
 * and builds the search index. Deterministic for a given --seed.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatWareki, parsePolicyText, serializePolicyText } from '@/lib/policy-text';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { type TDeepTree, type TNode, walkNodes } from '@/lib/policy-text/deep/tree';
import { toFullWidthDigits } from '@/lib/policy-text/normalize';
import { hashPassword } from '@/lib/server/auth/password';
import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { storedContent } from '@/lib/server/documents/revision-content';
import { unsafeReindexSearch } from '@/lib/server/search/index-revision';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { articleSpecs, buildChapteredTree, buildTree, type TArticleSpec, type TParagraphSpec } from '../../tests/fixtures/compare/build-tree';
import { generateRevisionPair, mulberry32 } from '../../tests/fixtures/compare/generate-revisions';
import { openDatabase } from '../lib/database';
import { insertChainedAuditEvents, type TAuditActor } from './audit-events';

export const BENCH_PASSWORD = 'bench-password-2026';
/** a STAFF reader in 総務部, the department granted the restricted standard below */
export const BENCH_STAFF = 'bench-general-affairs-01';
/** a STAFF reader in 市民部, which is not granted it */
export const BENCH_OTHER_STAFF = 'bench-citizens-01';
export const BENCH_AUDITOR = 'bench-auditor';
/** a RESTRICTED 対策基準 granted to 総務部 */
export const BENCH_RESTRICTED_SLUG = 'bench-std-00000';
/** the 500-article standard with two revisions */
export const BENCH_COMPARE_SLUG = 'bench-compare-500';

export interface TCorpusOptions {
  documents: number;
  articles: number;
  revisions: number;
  events: number;
  seed?: number;
  /** add the 500-article comparison document (default true) */
  compare?: boolean;
  log?: (line: string) => void;
}

export interface TCorpusSummary {
  documents: number;
  revisions: number;
  articles: number;
  accounts: number;
  grants: number;
  events: number;
  searchIndex: { revisions: number; units: number };
  termShare: Record<string, number>;
  seconds: Record<string, number>;
}

const SAMPLES = path.join(process.cwd(), 'prisma', 'seed-data', 'samples');
const TERMS = ['USBメモリ', 'パスワード', '委託', 'LGWAN', '暗号', '監査', 'クラウド', 'マイナンバー', 'ログ', 'テレワーク'];

const DEPARTMENTS = ['policy', 'general-affairs', 'finance', 'citizens', 'welfare', 'accounting', 'education', 'election', 'audit-office', 'agriculture', 'assembly'];
const DEPARTMENT_NAMES = ['政策総務部', '総務部', '財務部', '市民部', '福祉保健部', '会計課', '教育委員会事務局', '選挙管理委員会事務局', '監査事務局', '農業委員会事務局', '議会事務局'];
const SYSTEMS = ['住民記録システム', '税務システム', '福祉総合システム', '財務会計システム', '文書管理システム', '人事給与システム', '庁内ネットワーク', '電子申請システム', '介護保険システム', '国民健康保険システム', '選挙システム', '図書館システム'];
const TOPICS = [
  '電磁的記録媒体の取扱い',
  'パスワードの管理',
  '外部委託',
  'LGWAN接続系の運用',
  '暗号化',
  '情報セキュリティ監査',
  'アクセス制御',
  '情報セキュリティインシデントへの対応',
  'テレワーク',
  'クラウドサービスの利用',
  '管理区域の入退室',
  'ログの取得及び保存',
  'バックアップ',
  'ソフトウェアの更新',
  '電子メールの利用',
  '研修及び訓練',
  '特定個人情報の取扱い',
  '端末の持出し',
];

/*
 * Clauses added to a paragraph, each with the share of articles that get it. Together with the
 * sample articles' own wording, each term ends up in a few percent of the articles, as in real
 * countermeasure standards (委託 and 監査 more, LGWAN and USBメモリ less).
 */
const CLAUSES: Array<{ share: number; text: string }> = [
  { share: 0.01, text: 'USBメモリその他の電磁的記録媒体を使用する場合は、情報セキュリティ管理者が登録した媒体に限るものとする。' },
  { share: 0.02, text: 'パスワードは、12文字以上とし、他の情報システムと同一のものを使用してはならない。' },
  { share: 0.03, text: '業務を外部に委託する場合は、委託先に対し、この規定と同等の措置を講じさせ、その実施状況を確認するものとする。' },
  { share: 0.01, text: 'LGWAN接続系の端末においては、インターネット接続系との直接の通信を行ってはならない。' },
  { share: 0.02, text: '機密性2以上の情報資産を庁外に送信し、又は持ち出す場合は、暗号化を行うものとする。' },
  { share: 0.03, text: '前項の措置の実施状況は、情報セキュリティ監査及び自己点検において確認するものとする。' },
  { share: 0.01, text: 'クラウドサービスを利用する場合は、統括情報セキュリティ責任者の承認を得なければならない。' },
  { share: 0.02, text: '操作の記録（ログ）は、5年間保存し、改ざん及び消去を防止するための措置を講じなければならない。' },
  { share: 0.01, text: 'テレワークにより業務を行う場合は、統括情報セキュリティ責任者が定める端末及び接続方式を使用すること。' },
  { share: 0.01, text: 'マイナンバーを含む特定個人情報は、事務取扱担当者以外の者に取り扱わせてはならない。' },
  { share: 0.1, text: 'ただし、やむを得ない事情があるときは、情報セキュリティ責任者の指示に従うものとする。' },
];

function loadSpecs(file: string): TArticleSpec[] {
  const parsed = parsePolicyText(readFileSync(path.join(SAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return articleSpecs(parsed.tree);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const paragraphText = (p: TParagraphSpec): string => (typeof p === 'string' ? p : p.text);
function setParagraph(spec: TArticleSpec, index: number, text: string): void {
  const p = spec.paragraphs[index];
  if (typeof p === 'string' || p === undefined) spec.paragraphs[index] = text;
  else p.text = text;
}

type TKind = 'STANDARD' | 'SAFETY_MANAGEMENT_STANDARD' | 'PROCEDURE';
type TVisibility = 'PUBLIC' | 'STAFF' | 'RESTRICTED';

interface TDocumentPlan {
  id: string;
  slug: string;
  kind: TKind;
  title: string;
  visibility: TVisibility;
  department: number;
  parent: string | null;
  grants: number[];
  excerpts: string[];
  sortOrder: number;
}

interface TRevisionRow {
  id: string;
  document_id: string;
  number: number;
  status: 'APPROVED';
  content: TDeepTree;
  plain_text: string;
  content_hash: string;
  change_reason: string;
  effective_date: string;
  approved_at: string;
  public_excerpt_anchors: string[];
}

export async function generateCorpus(databaseUrl: string, options: TCorpusOptions): Promise<TCorpusSummary> {
  const log = options.log ?? (() => undefined);
  const random = mulberry32(options.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const seconds: Record<string, number> = {};
  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    seconds[label] = Number(((performance.now() - started) / 1000).toFixed(1));
    log(`${label}: ${seconds[label]} 秒`);
    return result;
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM documents WHERE slug LIKE $1 LIMIT 1', ['bench-%']);
    if (existing.rowCount) throw new Error('このデータベースには既にベンチマーク用の文書があります。新しいデータベースで実行してください。');
    const departments = await client.query<{ id: string; code: string }>('SELECT id, code FROM departments');
    const departmentId = (index: number): string => {
      const row = departments.rows.find((d) => d.code === DEPARTMENTS[index]);
      if (!row) throw new Error(`部局 ${DEPARTMENTS[index]} がありません。先に初期データを投入してください。`);
      return row.id;
    };
    const basicPolicy = await client.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', ['basic-policy']);
    const basicPolicyId = basicPolicy.rows[0]?.id ?? null;

    const standardSpecs = loadSpecs('standard-v2.txt');
    const safetySpecs = loadSpecs('safety-management-standard-v1.txt');
    const procedureSpecs = [...loadSpecs('procedure-media-v2.txt'), ...loadSpecs('procedure-password-v1.txt')];
    // Procedures are mostly written in the words of the standard they implement.
    const pools: Record<TKind, TArticleSpec[]> = {
      STANDARD: [...standardSpecs, ...safetySpecs.slice(0, 5)],
      SAFETY_MANAGEMENT_STANDARD: [...safetySpecs, ...standardSpecs.slice(8, 20)],
      PROCEDURE: [...standardSpecs, ...procedureSpecs, ...standardSpecs.slice(0, 20), ...safetySpecs],
    };

    // Plans first (cheap), so parents exist before children and grants know their documents.
    const plans: TDocumentPlan[] = [];
    const standards: string[] = [];
    for (let i = 0; i < options.documents; i += 1) {
      const roll = random();
      const kind: TKind = i === 0 ? 'STANDARD' : roll < 0.15 ? 'STANDARD' : roll < 0.2 ? 'SAFETY_MANAGEMENT_STANDARD' : 'PROCEDURE';
      const v = random();
      const visibility: TVisibility = i === 0 ? 'RESTRICTED' : kind === 'SAFETY_MANAGEMENT_STANDARD' ? 'RESTRICTED' : v < 0.1 ? 'PUBLIC' : v < 0.6 ? 'STAFF' : 'RESTRICTED';
      const department = i === 0 ? 1 : Math.floor(random() * DEPARTMENTS.length);
      const grants = i === 0 ? [1] : visibility === 'RESTRICTED' ? [...new Set([department, ...Array.from({ length: Math.floor(random() * 3) }, () => Math.floor(random() * DEPARTMENTS.length))])] : [];
      const topic = TOPICS[i % TOPICS.length]!;
      const system = SYSTEMS[Math.floor(i / TOPICS.length) % SYSTEMS.length]!;
      const serial = toFullWidthDigits(i + 1);
      const title =
        kind === 'STANDARD'
          ? `${topic}に関する情報セキュリティ対策基準（${DEPARTMENT_NAMES[department]}第${serial}号）`
          : kind === 'SAFETY_MANAGEMENT_STANDARD'
            ? `${system}における特定個人情報等の安全管理措置基準（第${serial}号）`
            : `${topic}に関する実施手順（${DEPARTMENT_NAMES[department]}・${system}第${serial}号）`;
      const prefix = kind === 'STANDARD' ? 'std' : kind === 'SAFETY_MANAGEMENT_STANDARD' ? 'sms' : 'proc';
      const parent = kind === 'PROCEDURE' && standards.length > 0 ? pick(standards) : basicPolicyId;
      const plan: TDocumentPlan = {
        id: randomUUID(),
        slug: `bench-${prefix}-${String(i).padStart(5, '0')}`,
        kind,
        title,
        visibility,
        department,
        parent,
        grants,
        excerpts: visibility !== 'PUBLIC' && kind === 'STANDARD' && random() < 0.2 ? ['a1', 'a2'] : [],
        sortOrder: 100 + i,
      };
      if (kind === 'STANDARD') standards.push(plan.id);
      plans.push(plan);
    }
    // Standards (the parents) before procedures.
    plans.sort((a, b) => Number(a.kind === 'PROCEDURE') - Number(b.kind === 'PROCEDURE'));

    const revisionsOf = (plan: TDocumentPlan, index: number): TRevisionRow[] => {
      const pool = pools[plan.kind];
      const system = SYSTEMS[index % SYSTEMS.length]!;
      const departmentName = DEPARTMENT_NAMES[plan.department]!;
      let specs = Array.from({ length: options.articles }, (_, k) => {
        const spec = clone(pool[(index * 7 + k) % pool.length]!);
        if (k > 0 && spec.caption && random() < 0.5) spec.caption = `${spec.caption.replace(/（.*）$/, '')}（${system}）`;
        if (k > 0 && random() < 0.3) setParagraph(spec, 0, `${departmentName}が所管する${system}に関し、${paragraphText(spec.paragraphs[0]!)}`);
        for (const clause of CLAUSES) {
          if (random() < clause.share) {
            const at = Math.floor(random() * spec.paragraphs.length);
            setParagraph(spec, at, `${paragraphText(spec.paragraphs[at]!)}${clause.text}`);
          }
        }
        return spec;
      });
      const word = plan.kind === 'PROCEDURE' ? 'この手順' : 'この基準';
      const rows: TRevisionRow[] = [];
      const supplementary: string[] = [];
      for (let n = 1; n <= options.revisions; n += 1) {
        const year = 2026 - 2 * (options.revisions - n) - (index % 2);
        const effectiveDate = `${Math.max(2001, year)}-04-01`;
        if (n > 1) specs = amend(specs, random);
        supplementary.push(`${word}は、${formatWareki(effectiveDate)}から施行する。`);
        const built = plan.kind === 'PROCEDURE' ? buildTree(specs, { style: 'dai', supplementary }) : buildChapteredTree(chaptersOf(specs), { supplementary });
        built.title = plan.title;
        built.header = [`${formatWareki(`${Math.max(2001, year)}-03-25`)}訓令第${(index % 40) + 1}号`];
        const parsed = parseDeepText(serializePolicyText(built), { title: plan.title });
        if (!parsed.ok) throw new Error(`${plan.slug} 第${n}版が構造化できません: ${parsed.errors[0]?.message}`);
        const stored = storedContent(parsed.tree);
        rows.push({
          id: randomUUID(),
          document_id: plan.id,
          number: n,
          status: 'APPROVED',
          content: parsed.tree,
          plain_text: stored.plainText,
          content_hash: stored.contentHash,
          change_reason: n === 1 ? `${plan.title}の制定` : `${pick(TOPICS)}に関する規定の見直し`,
          effective_date: effectiveDate,
          approved_at: new Date().toISOString(),
          // each revision's own excerpts (amendments reword articles, never renumber them)
          public_excerpt_anchors: plan.excerpts,
        });
      }
      return rows;
    };

    const termCounts = Object.fromEntries(TERMS.map((t) => [t, 0])) as Record<string, number>;
    let articleCount = 0;
    let revisionCount = 0;
    await timed('文書と版の生成・投入', async () => {
      const BATCH = 50;
      for (let offset = 0; offset < plans.length; offset += BATCH) {
        const batch = plans.slice(offset, offset + BATCH);
        await insertRows(client, 'documents', ['id', 'slug', 'kind', 'title', 'parent_id', 'department_id', 'visibility', 'sort_order'], batch.map((p) => ({
          id: p.id,
          slug: p.slug,
          kind: p.kind,
          title: p.title,
          parent_id: p.parent,
          department_id: departmentId(p.department),
          visibility: p.visibility,
          sort_order: p.sortOrder,
        })));
        const grants = batch.flatMap((p) => p.grants.map((g) => ({ id: randomUUID(), document_id: p.id, department_id: departmentId(g) })));
        if (grants.length > 0) await insertRows(client, 'document_grants', ['id', 'document_id', 'department_id'], grants);
        const revisions = batch.flatMap((p, k) => revisionsOf(p, offset + k));
        for (const r of revisions) {
          const articles: TNode[] = [];
          walkNodes({ ...r.content, tail: [] }, (node) => node.kind === 'article' && articles.push(node));
          articleCount += articles.length;
          if (r.number === options.revisions) for (const term of TERMS) termCounts[term]! += articles.filter((a) => JSON.stringify(a).includes(term)).length;
        }
        revisionCount += revisions.length;
        await insertRows(client, 'revisions', ['id', 'document_id', 'number', 'status', 'content', 'plain_text', 'content_hash', 'change_reason', 'effective_date', 'approved_at', 'public_excerpt_anchors'], revisions);
        if ((offset / BATCH) % 10 === 0) log(`  文書 ${Math.min(plans.length, offset + BATCH).toLocaleString()} / ${plans.length.toLocaleString()}`);
      }
    });

    if (options.compare ?? true) {
      await timed('500条の比較用文書', async () => {
        const pair = generateRevisionPair(standardSpecs, { count: 500, seed: 7, newArticles: safetySpecs });
        const id = randomUUID();
        const title = '情報システムの運用に関する対策基準（500条・比較用）';
        await insertRows(client, 'documents', ['id', 'slug', 'kind', 'title', 'parent_id', 'department_id', 'visibility', 'sort_order'], [
          { id, slug: BENCH_COMPARE_SLUG, kind: 'STANDARD', title, parent_id: basicPolicyId, department_id: departmentId(1), visibility: 'STAFF', sort_order: 99 },
        ]);
        const rows = [pair.before, pair.after].map((built, k) => {
          const effectiveDate = k === 0 ? '2023-04-01' : '2025-04-01';
          built.title = title;
          built.supplementaryProvisions = [];
          const parsed = parseDeepText(serializePolicyText(built), { title });
          if (!parsed.ok) throw new Error(`比較用文書が構造化できません: ${parsed.errors[0]?.message}`);
          const stored = storedContent(parsed.tree);
          return { id: randomUUID(), document_id: id, number: k + 1, status: 'APPROVED', content: parsed.tree, plain_text: stored.plainText, content_hash: stored.contentHash, change_reason: k === 0 ? `${title}の制定` : '運用規定の全般的な見直し', effective_date: effectiveDate, approved_at: new Date().toISOString() };
        });
        await insertRows(client, 'revisions', ['id', 'document_id', 'number', 'status', 'content', 'plain_text', 'content_hash', 'change_reason', 'effective_date', 'approved_at'], rows);
      });
    }

    const actors: TAuditActor[] = [];
    const accounts = await timed('アカウント', async () => {
      const passwordHash = await hashPassword(BENCH_PASSWORD);
      const users = DEPARTMENTS.flatMap((code, d) =>
        Array.from({ length: 20 }, (_, k) => ({ login_id: `bench-${code}-${String(k + 1).padStart(2, '0')}`, display_name: `${DEPARTMENT_NAMES[d]} 職員${toFullWidthDigits(k + 1)}（ベンチ）`, department_id: departmentId(d), roles: ['STAFF'], code })),
      );
      users.push(
        { login_id: 'bench-editor', display_name: '情報 管理者（ベンチ）', department_id: departmentId(1), roles: ['STAFF', 'EDITOR'], code: 'general-affairs' },
        { login_id: 'bench-approver', display_name: '統括 責任者（ベンチ）', department_id: departmentId(0), roles: ['STAFF', 'APPROVER'], code: 'policy' },
        { login_id: BENCH_AUDITOR, display_name: '監査 担当（ベンチ）', department_id: departmentId(8), roles: ['STAFF', 'AUDITOR'], code: 'audit-office' },
      );
      await insertRows(client, 'users', ['id', 'login_id', 'display_name', 'department_id', 'password_hash', 'roles'], users.map((u) => ({ id: randomUUID(), login_id: u.login_id, display_name: u.display_name, department_id: u.department_id, password_hash: passwordHash, roles: u.roles })));
      actors.push(...users.map((u) => ({ loginId: u.login_id, department: u.code })));
      return users.length;
    });

    // Indexed by the same code that indexes an imported revision (lib/server/search), which
    // talks to the database in DATABASE_URL.
    const searchIndex = await timed('検索索引', async () => {
      if (process.env.DATABASE_URL !== databaseUrl) throw new Error('DATABASE_URL must name the corpus database');
      const result = await unsafeReindexSearch({ onProgress: (done, total) => done % 2000 === 0 && log(`  索引 ${done.toLocaleString()} / ${total.toLocaleString()} 版`) });
      await disconnectDb();
      return result;
    });

    await timed(`監査記録 ${options.events.toLocaleString()} 件`, async () => {
      await insertChainedAuditEvents(client, {
        count: options.events,
        actors,
        documents: plans.map((p) => p.slug),
        onProgress: (done) => done % 100_000 === 0 && log(`  監査記録 ${done.toLocaleString()} 件`),
      });
    });
    // Steady state, as autovacuum would leave it: moving units between the partitions (the revision in
    // force, the others) leaves the moved rows dead where they were until a vacuum.
    await timed('VACUUM (ANALYZE)', async () => {
      await client.query('VACUUM (ANALYZE)');
    });

    const lastRevisionArticles = plans.length * options.articles;
    return {
      documents: plans.length + (options.compare ?? true ? 1 : 0),
      revisions: revisionCount + (options.compare ?? true ? 2 : 0),
      articles: articleCount,
      accounts,
      grants: plans.reduce((n, p) => n + p.grants.length, 0),
      events: options.events,
      searchIndex,
      termShare: Object.fromEntries(Object.entries(termCounts).map(([t, n]) => [t, Number((n / Math.max(1, lastRevisionArticles)).toFixed(3))])),
      seconds,
    };
  } finally {
    await client.end();
  }
}

/** The next revision: character edits in about a tenth of the articles, now and then an article inserted or deleted. */
function amend(specs: TArticleSpec[], random: () => number): TArticleSpec[] {
  const next = clone(specs);
  const pickIndex = (n: number) => Math.floor(random() * n);
  const edits = [
    (t: string) => t.replace('しなければならない', 'するよう努めなければならない'),
    (t: string) => t.replace('情報セキュリティ', '情報セキュリティ及びサイバーセキュリティ'),
    (t: string) => t.replace(/、/, '、遅滞なく、'),
    (t: string) => t.replace(/[0-9０-９]/, (d) => (d === '１' || d === '1' ? '２' : '１')),
    (t: string) => `${t}この場合において、必要な事項は、別に定める。`,
  ];
  for (let n = 0; n < Math.max(1, Math.round(next.length * 0.1)); n += 1) {
    const spec = next[pickIndex(next.length)]!;
    const at = pickIndex(spec.paragraphs.length);
    setParagraph(spec, at, edits[pickIndex(edits.length)]!(paragraphText(spec.paragraphs[at]!)));
  }
  if (random() < 0.3) next.splice(pickIndex(next.length + 1), 0, { caption: '生成AIの利用', paragraphs: ['職員等は、生成AIを業務に利用する場合は、機密性2以上の情報を入力してはならない。', '生成AIの出力は、職員等が内容を確認した上で利用しなければならない。'] });
  if (random() < 0.2 && next.length > 2) next.splice(1 + pickIndex(next.length - 1), 1);
  return next;
}

function chaptersOf(specs: TArticleSpec[]): { title: string; articles: TArticleSpec[] }[] {
  const titles = ['総則', '組織体制', '情報資産の分類と管理', '物理的セキュリティ', '人的セキュリティ', '技術的セキュリティ', '運用', '外部委託', '評価及び見直し'];
  const out: { title: string; articles: TArticleSpec[] }[] = [];
  for (let i = 0; i < specs.length; i += 6) out.push({ title: titles[out.length % titles.length]!, articles: specs.slice(i, i + 6) });
  return out;
}

/** Multi-row INSERT through json_populate_recordset: one parameter per batch, columns typed by the table. */
async function insertRows(client: pg.Client, table: string, columns: string[], rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.map((c) => `"${c}"`).join(', ');
  await client.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows)]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: '2000' },
      articles: { type: 'string', default: '30' },
      revisions: { type: 'string', default: '3' },
      events: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '2026' },
      'no-compare': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const log = (line: string) => console.error(`[corpus] ${line}`);
  // A bulk load, not a request: the move at the end puts a large corpus's units in their
  // partitions in one transaction, longer than a request's limits allow.
  process.env.DATABASE_TX_TIMEOUT_MS ??= '3600000';
  process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '3600000';
  const database = await openDatabase(log);
  try {
    await migrateDatabase({ databaseUrl: database.url });
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    const empty = (await check.query<{ n: string }>('SELECT count(*) AS n FROM documents')).rows[0]?.n === '0';
    await check.end();
    if (empty) {
      const seeded = await seedDatabase({ demoAccounts: database.embedded !== null || process.env.PORTAL_DEMO_ACCOUNTS === '1' });
      log(`初期データ: 版 ${seeded.revisionsCreated} 件`);
    }
    await disconnectDb();
    const summary = await generateCorpus(database.url, {
      documents: Number(values.documents),
      articles: Number(values.articles),
      revisions: Number(values.revisions),
      events: Number(values.events),
      seed: Number(values.seed),
      compare: !values['no-compare'],
      log,
    });
    if (values.json) console.log(JSON.stringify(summary));
    else {
      log(`文書 ${summary.documents.toLocaleString()}、版 ${summary.revisions.toLocaleString()}、条 ${summary.articles.toLocaleString()}、アカウント ${summary.accounts}、付与 ${summary.grants}、監査記録 ${summary.events.toLocaleString()}`);
      log(`語を含む条の割合: ${Object.entries(summary.termShare).map(([t, s]) => `${t} ${(s * 100).toFixed(1)}%`).join('、')}`);
    }
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
