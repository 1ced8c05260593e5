import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { withDatabase } from './lib/database';

const samples = !process.argv.includes('--no-samples');
const result = await withDatabase(async (databaseUrl) => {
  await migrateDatabase({ databaseUrl });
  try {
    return await seedDatabase({ samples });
  } finally {
    await disconnectDb();
  }
}, console.log);
console.log(`初期データ投入完了（部局 ${result.departments} 件、新しい版 ${result.revisionsCreated} 件、変更なし ${result.revisionsUnchanged} 件）`);
