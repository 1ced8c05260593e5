import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { unsafeReindexSearch } from '@/lib/server/search/index-revision';
import { withDatabase } from './lib/database';

const all = process.argv.includes('--reindex-search');
const result = await withDatabase(async (databaseUrl) => {
  const migrated = await migrateDatabase({ databaseUrl });
  // Revisions approved before the search index existed (or indexed by older rules) are indexed now.
  const indexed = await unsafeReindexSearch({ all });
  await disconnectDb();
  return { ...migrated, indexed };
}, console.log);
for (const name of result.applied) console.log(`適用しました: ${name}`);
console.log(`マイグレーション完了（新規 ${result.applied.length} 件、適用済み ${result.alreadyApplied.length} 件）`);
console.log(`検索索引: 版 ${result.indexed.revisions} 件を索引しました（${result.indexed.units} 単位）`);
