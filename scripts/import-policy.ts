/*
 * npm run import -- <file> --slug <slug> --kind <KIND> [--title …] [--visibility …] [--parent <slug>]
 *                   [--department <code>] [--effective-date YYYY-MM-DD] [--reason …] [--operator 氏名] [--dry-run]
 * <file> is a Word (.docx), PDF (with a text layer) or text file in UTF-8, UTF-16 (BOM), Shift_JIS
 * or EUC-JP; the type is told by content, as on the upload screens (lib/ingest), with the same
 * refusals and warnings. An import is recorded in the audit trail as the system actor
 * `system:import`, naming the operator (--operator, else the OS user) and the OS user who ran it.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BYTES, formatIngestWarning, ingestFile } from '@/lib/ingest';
import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { withDatabase } from './lib/database';

const USAGE = '使い方: npm run import -- <ファイル> --slug <スラッグ> --kind <BASIC_POLICY|STANDARD|SAFETY_MANAGEMENT_STANDARD|PROCEDURE> [--title 表題] [--dry-run]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        kind: { type: 'string' },
        title: { type: 'string' },
        visibility: { type: 'string' },
        parent: { type: 'string' },
        department: { type: 'string' },
        'effective-date': { type: 'string' },
        reason: { type: 'string' },
        operator: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();

const file = positionals[0];
if (!file) fail(USAGE);
const bytes = new Uint8Array(await readFile(file).catch(() => fail(`ファイル ${file} を読み込めません。`)));
const ingested = await ingestFile(bytes, { maxBytes: DEFAULT_MAX_BYTES });
if (!ingested.ok) fail([ingested.message, ...(ingested.details ?? []).map(formatIngestWarning)].join('\n'));
for (const warning of ingested.warnings) console.error(`警告: ${formatIngestWarning(warning)}`);
const text = ingested.text;

if (values['dry-run']) {
  console.log(JSON.stringify(ingested.tree, null, 2));
  process.exit(0);
}

if (!values.slug || !values.kind) fail(USAGE);
const osUser = (() => {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? null;
  }
})();
const operatorName = values.operator?.trim() || osUser;
if (!operatorName || operatorName.length > 100) fail('取り込む人を --operator で指定してください（100 文字まで）。');
const operator = { operator: operatorName, osUser, host: os.hostname(), file: path.basename(file!) };

try {
  const result = await withDatabase(async (databaseUrl) => {
    const migrated = await migrateDatabase({ databaseUrl });
    // The import itself is an application write: as the application's role when this run provisioned it.
    if (migrated.appUrl) process.env.DATABASE_URL = migrated.appUrl;
    try {
      return await unsafeImportRevision({
        slug: values.slug!,
        kind: values.kind as never,
        text,
        title: values.title,
        visibility: values.visibility as never,
        parentSlug: values.parent,
        departmentCode: values.department,
        effectiveDate: values['effective-date'],
        changeReason: values.reason,
      }, { operator });
    } finally {
      await disconnectDb();
    }
  });
  console.log(
    result.created
      ? `第${result.revisionNumber}版として取り込みました（施行日 ${result.effectiveDate}）。`
      : `同じ本文が第${result.revisionNumber}版として既にあります。新しい版は作成していません。`,
  );
} catch (error) {
  if (error instanceof DalError) fail(error.message);
  throw error;
}
