import { migrateDatabase } from '@/lib/server/db/migrate';
import { withDatabase } from './lib/database';

const result = await withDatabase((databaseUrl) => migrateDatabase({ databaseUrl }), console.log);
for (const name of result.applied) console.log(`適用しました: ${name}`);
console.log(`マイグレーション完了（新規 ${result.applied.length} 件、適用済み ${result.alreadyApplied.length} 件）`);
