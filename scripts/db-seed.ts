import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { withDatabase } from './lib/database';

const samples = !process.argv.includes('--no-samples');
// Demo accounts only where asked for: the embedded (demo) database, --demo-accounts or PORTAL_DEMO_ACCOUNTS=1.
const demoAccounts = process.argv.includes('--demo-accounts') || process.env.PORTAL_DEMO_ACCOUNTS === '1' || !process.env.DATABASE_URL;
const result = await withDatabase(async (databaseUrl) => {
  const migrated = await migrateDatabase({ databaseUrl });
  if (migrated.appUrl) process.env.DATABASE_URL = migrated.appUrl;
  try {
    return await seedDatabase({ samples, demoAccounts });
  } finally {
    await disconnectDb();
  }
}, console.log);
console.log(`初期データ投入完了（部局 ${result.departments} 件、新しい版 ${result.revisionsCreated} 件、変更なし ${result.revisionsUnchanged} 件、デモアカウント ${result.demoAccounts} 件）`);
