import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { unsafeReindexSearch } from '@/lib/server/search/index-revision';
import { withDatabase } from './lib/database';

const all = process.argv.includes('--reindex-search');
const result = await withDatabase(async (databaseUrl) => {
  // As the owner (provisioning the owner and application roles first when given an administrator's URL).
  const migrated = await migrateDatabase({ databaseUrl, requireAppRole: true, log: console.log });
  if (migrated.appUrl) process.env.DATABASE_URL = migrated.appUrl;
  // Revisions approved before the search index existed (or indexed by older rules) are indexed now.
  const indexed = await unsafeReindexSearch({ all });
  await disconnectDb();
  return { ...migrated, indexed };
}, console.log);
for (const name of result.applied) console.log(`適用しました: ${name}`);
for (const name of result.data.applied) console.log(`データ移行を適用しました: ${name}`);
console.log(`マイグレーション完了（新規 ${result.applied.length} 件、適用済み ${result.alreadyApplied.length} 件、データ移行 新規 ${result.data.applied.length} 件）`);
console.log(`データベースの役割: 所有者「${result.roles!.owner}」、アプリケーション「${result.roles!.app}」（監査記録は SELECT と INSERT のみ）`);
console.log(`検索索引: 版 ${result.indexed.revisions} 件を索引しました（${result.indexed.units} 単位）`);
