/*
 * `npm run import` reads Word, PDF and text files through the same readers as the upload screens:
 * the same warnings printed (with their line and place in the file), the same refusals.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';

function runImport(args: string[]) {
  const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/import-policy.ts', ...args], { env: { ...process.env }, encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
});

describe('npm run import', () => {
  it('imports a Word file, printing the reader’s warning at its line and place', async () => {
    const run = runImport(['tests/fixtures/ingest/standard.docx', '--slug', 'script-docx', '--kind', 'STANDARD', '--operator', '情報 太郎']);
    expect(run.err).toContain('警告: 38行目: 結合されたセルを含む表です。取り込んだ後で表の形を確かめてください。（Word の表2の1行目）');
    expect(run.out).toContain('取り込みました');
    expect(run.status).toBe(0);
    const document = await db().document.findUniqueOrThrow({ where: { slug: 'script-docx' }, include: { revisions: true } });
    expect(document.title).toBe('○○市情報セキュリティ対策基準');
    expect(document.revisions[0]!.plainText).toContain('内部監査');
  });

  it('refuses a scanned PDF with the upload screens’ Japanese message and stores nothing', async () => {
    const before = await db().document.count();
    const run = runImport(['tests/fixtures/ingest/scanned.pdf', '--slug', 'script-scanned', '--kind', 'PROCEDURE']);
    expect(run.status).toBe(1);
    expect(run.err).toContain('PDF に文字の情報がありません（スキャンした画像の PDF と思われます）。');
    expect(await db().document.count()).toBe(before);
  });

  it('reads a Shift_JIS text file (dry run: the deep tree, nothing stored)', () => {
    const run = runImport(['tests/fixtures/deep/10-shift-jis.txt', '--dry-run']);
    expect(run.status).toBe(0);
    const tree = JSON.parse(run.out) as { version: number; title: string };
    expect(tree).toMatchObject({ version: 2, title: '○○市情報セキュリティインシデント対応実施手順' });
  });
});
