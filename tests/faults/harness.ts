/*
 * What the fault cases and the load run share: the database they run on (reached directly for
 * arranging and checking, through the proxy by the portal), the portal, signed-in clients,
 * and the checks that no acknowledged save was lost and the audit chain still verifies.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { HttpClient, serverActionId, type TTimedResponse } from './http-client';
import type { TPortal } from './portal';
import type { TTcpProxy } from './tcp-proxy';

export const EDIT_ACTIONS = 'app/documents/[slug]/edit';

export interface THarness {
  /** the test database, reached directly (never through the proxy) */
  databaseUrl: string;
  proxy: TTcpProxy;
  portal: () => TPortal;
  /** kills the portal (if running) and starts it again */
  restartPortal: () => Promise<void>;
  /** the settings the portal runs with now */
  settings: () => Record<string, string>;
  runId: string;
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const marker = (runId: string, who: string) => `MARK-${runId}-${who}-${randomBytes(4).toString('hex')}`;

/** A stack trace, a source path or a Prisma message in an answer a person could see. */
export function leaksInternals(body: string): boolean {
  return /(\n\s+at\s+\S+|node_modules\/|webpack-internal|\/work\/|\.tsx?:\d+:\d+|Invalid `|PrismaClient|DriverAdapterError|ECONNREFUSED)/.test(body);
}

/** A page (HTML) in Japanese or a typed JSON error with a Japanese message. */
export function answersInJapanese(response: TTimedResponse): boolean {
  if (response.contentType.includes('json')) return /"message":"[^"]*[\u3040-\u30ff\u4e00-\u9fff]/.test(response.body);
  return /lang="ja"/.test(response.body) && /[\u3040-\u30ff\u4e00-\u9fff]/.test(response.body);
}

export type TSaveResult = { ok: true; version: number; savedAt: string } | { ok: false; conflict: true; current: { version: number; text: string } };
export type TActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** One save the run sent, and what the portal said about it. */
export interface TSaveRecord {
  slug: string;
  number: number;
  text: string;
  /** 'saved': acknowledged as stored; 'conflict': acknowledged as kept as a conflict copy; 'failed': no acknowledgement */
  outcome: 'saved' | 'conflict' | 'failed';
  version?: number;
  /** performance.now() when it was sent */
  started: number;
  response: TTimedResponse;
}

/** An editor at work on one draft: knows the version its text is based on, as the editor screen does. */
export class DraftSession {
  baseVersion = 1;
  lastSavedText = '';

  constructor(
    readonly client: HttpClient,
    readonly slug: string,
    readonly number: number,
    private readonly saveId: string,
  ) {}

  static async open(client: HttpClient, slug: string): Promise<DraftSession> {
    const startId = serverActionId('startDraftAction', EDIT_ACTIONS);
    const saveId = serverActionId('saveDraftAction', EDIT_ACTIONS);
    const started = await client.action<TActionResult<{ number: number }>>(startId, { slug, abolition: '0' }, { pagePath: `/documents/${slug}/edit`, leading: [null] });
    if (!started.result?.ok) throw new Error(`could not start a draft of ${slug}: ${started.response.status} ${started.response.body.slice(0, 200)}`);
    const session = new DraftSession(client, slug, started.result.data.number, saveId);
    return session;
  }

  /** Reads the draft's current version and text as the editor page would get them. */
  async sync(databaseUrl: string): Promise<void> {
    const [row] = await sql<{ version: number; draft_text: string }>(
      databaseUrl,
      'SELECT r.version, r.draft_text FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = $2',
      [this.slug, this.number],
    );
    this.baseVersion = row!.version;
    this.lastSavedText = row!.draft_text;
  }

  async save(text: string): Promise<TSaveRecord> {
    const started = performance.now();
    const { result, response } = await this.client.action<TActionResult<TSaveResult>>(
      this.saveId,
      { slug: this.slug, number: String(this.number), baseVersion: String(this.baseVersion), text },
      { pagePath: `/documents/${this.slug}/edit` },
    );
    const base = { slug: this.slug, number: this.number, text, started, response };
    if (!result || !result.ok) return { ...base, outcome: 'failed' };
    if (result.data.ok) {
      this.baseVersion = result.data.version;
      this.lastSavedText = text;
      return { ...base, outcome: 'saved', version: result.data.version };
    }
    // As the editor does after a conflict: go on from the version now stored.
    this.baseVersion = result.data.current.version;
    return { ...base, outcome: 'conflict' };
  }
}

/** A draft text of realistic size with the marker at both ends, so that half of it would show. */
export function draftText(base: string, mark: string): string {
  return `（${mark}）\n${base}\n（${mark} ここまで）`;
}

/**
 * Every acknowledged save is stored exactly once (a saved text as its draft.save audit event with
 * that version and hash, a conflict as one conflict copy); every draft holds whole text whose hash
 * its last save event names, with one save event per version; and the audit chain verifies.
 */
export async function verifyNoLoss(databaseUrl: string, saves: TSaveRecord[]): Promise<string[]> {
  const problems: string[] = [];
  for (const save of saves.filter((s) => s.outcome === 'saved')) {
    const rows = await sql<{ n: string }>(
      databaseUrl,
      `SELECT count(*) AS n FROM audit_events WHERE action = 'draft.save' AND target_id = $1 AND details->>'revision' = $2 AND details->>'version' = $3 AND details->>'textHash' = $4`,
      [save.slug, String(save.number), String(save.version), sha256(save.text)],
    );
    if (rows[0]!.n !== '1') problems.push(`acknowledged save ${save.slug} v${save.version} stored ${rows[0]!.n} times`);
  }
  for (const save of saves.filter((s) => s.outcome === 'conflict')) {
    const rows = await sql<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM draft_conflict_copies WHERE text = $1', [save.text]);
    if (rows[0]!.n !== '1') problems.push(`acknowledged conflict copy of ${save.slug} stored ${rows[0]!.n} times`);
  }
  const sentTexts = new Set(saves.map((s) => s.text));
  const drafts = [...new Set(saves.map((s) => `${s.slug}\u0000${s.number}`))].map((k) => k.split('\u0000') as [string, string]);
  for (const [slug, number] of drafts) {
    const [draft] = await sql<{ id: string; version: number; draft_text: string }>(
      databaseUrl,
      'SELECT r.id, r.version, r.draft_text FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = $2',
      [slug, Number(number)],
    );
    const events = await sql<{ version: string; hash: string }>(
      databaseUrl,
      `SELECT details->>'version' AS version, details->>'textHash' AS hash FROM audit_events WHERE action = 'draft.save' AND target_id = $1 AND details->>'revision' = $2 ORDER BY seq`,
      [slug, number],
    );
    if (events.length !== draft!.version - 1) problems.push(`${slug} draft at version ${draft!.version} but ${events.length} save events`);
    const last = events.at(-1);
    if (last && (last.version !== String(draft!.version) || last.hash !== sha256(draft!.draft_text))) problems.push(`${slug} draft text is not the text its last save recorded (half a save?)`);
    if (last && !sentTexts.has(draft!.draft_text)) problems.push(`${slug} draft text is none of the texts sent`);
  }
  const { unsafeVerifyAuditChain } = await import('@/lib/server/audit/verify-chain');
  const chain = await unsafeVerifyAuditChain();
  if (!chain.ok) problems.push(`audit chain broken at ${chain.brokenAt}: ${chain.reason}`);
  return problems;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
