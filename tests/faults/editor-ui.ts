/*
 * The connection-killed fault as the editor sees it, in Debian's Chromium: the person types,
 * saves, the server terminates the save's connection mid-transaction; the screen must say that
 * saving failed and keep every character typed, and saving again must store it.
 */
import { chromium } from '@playwright/test';
import { AUDIT_CHAIN_LOCK_KEY } from '@/lib/server/audit/chain-lock';
import { DEMO_PASSWORD } from './http-client';
import { marker, sha256, sleep, sql } from './harness';
import type { TCaseContext, TCaseResult } from './cases';

export async function editorKeepsTextWhenConnectionKilled(ctx: TCaseContext): Promise<TCaseResult> {
  const fault = 'browser: an editor saves (Ctrl+S) and the save’s connection is terminated mid-transaction';
  const slug = 'sample-standard';
  const problems: string[] = [];
  const { session } = await ctx.editor(slug);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  let happened = '';
  try {
    const page = await browser.newPage({ baseURL: ctx.portal().baseUrl, locale: 'ja-JP' });
    await page.goto('/login');
    await page.getByLabel('ログインID').fill('demo-editor');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/documents/${slug}/edit`);
    const body = page.getByLabel('本文', { exact: true });
    const typed = `\n（ブラウザ ${marker(ctx.runId, 'ui')}）`;
    await body.press('Control+End');
    await body.pressSequentially(typed, { delay: 5 });
    const expected = await body.inputValue();

    const { default: pg } = await import('pg');
    const lock = new pg.Client({ connectionString: ctx.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    await body.press('Control+s');
    let pid: number | null = null;
    for (let i = 0; i < 100 && pid === null; i += 1) {
      const rows = await sql<{ pid: number }>(
        ctx.databaseUrl,
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'isms-policy-portal'
           AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND backend_xid IS NOT NULL`,
      );
      pid = rows[0]?.pid ?? null;
      if (pid === null) await sleep(50);
    }
    if (pid === null) problems.push('the save never reached the middle of its transaction');
    else await sql(ctx.databaseUrl, 'SELECT pg_terminate_backend($1)', [pid]);
    await lock.query('COMMIT');
    await lock.end();

    const status = page.getByRole('status').filter({ hasText: '保存できませんでした' });
    const shown = await status.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    const message = shown ? ((await status.textContent()) ?? '').trim() : '';
    if (!shown) problems.push('no error was shown after the failed save');
    const kept = (await body.inputValue()) === expected;
    if (!kept) problems.push('the text in the editor changed after the failed save');
    const [stored] = await sql<{ n: string }>(ctx.databaseUrl, `SELECT count(*) AS n FROM audit_events WHERE action = 'draft.save' AND details->>'textHash' = $1`, [sha256(expected)]);
    if (stored!.n !== '0') problems.push('the failed save was stored');

    await body.press('Control+s');
    const savedAgain = await page
      .getByRole('status')
      .filter({ hasText: '保存しました' })
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    const [after] = await sql<{ n: string }>(ctx.databaseUrl, `SELECT count(*) AS n FROM audit_events WHERE action = 'draft.save' AND details->>'textHash' = $1`, [sha256(expected)]);
    const [row] = await sql<{ version: number }>(ctx.databaseUrl, 'SELECT r.version FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = $2', [slug, session.number]);
    ctx.saves.push({ slug, number: session.number, text: expected, outcome: savedAgain ? 'saved' : 'failed', version: row!.version, started: 0, response: { status: 200, ms: 0, body: '', contentType: '' } });
    if (!savedAgain || after!.n !== '1') problems.push(`saving again: ${savedAgain ? 'shown as saved' : 'not shown as saved'}, stored ${after!.n} times`);
    happened = `the screen said 「${message || '—'}」; the ${expected.length}-character text stayed in the editor ${kept ? 'unchanged' : 'CHANGED'}; Ctrl+S again ${savedAgain ? 'saved it' : 'did not save it'} (stored ${after!.n}×)`;
  } finally {
    await browser.close();
  }
  return { fault, happened, pass: problems.length === 0, problems };
}
