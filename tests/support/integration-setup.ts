import pg from 'pg';
import { afterAll, inject, vi } from 'vitest';
import { provisionDatabaseRoles } from '@/lib/server/db/roles';
import { createFreshDatabase } from './test-database';

// Every integration test file gets a fresh, empty database of its own on this run's server, so
// files never see each other's data; the one DAL client talks to it.
const database = await createFreshDatabase(inject('adminDatabaseUrl'), 'isms_it');
// As in production (ADR 004): the DAL connects as the application's role, migrations run as the
// owner (migrateDatabase({ databaseUrl: DATABASE_URL }) migrates as DATABASE_MIGRATE_URL), and
// TEST_ADMIN_DATABASE_URL is a superuser's, for arranging what no portal role may do.
const admin = new pg.Client({ connectionString: database.url });
await admin.connect();
const roles = await provisionDatabaseRoles(admin, database.url).finally(() => admin.end());
process.env.DATABASE_URL = roles.appUrl;
process.env.DATABASE_MIGRATE_URL = roles.ownerUrl;
process.env.TEST_ADMIN_DATABASE_URL = database.url;
// Sessions are signed with this secret in tests.
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789abcdef';

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/server/db');
  await disconnectDb();
  await database.drop().catch(() => undefined);
});

// There is no HTTP request in these tests: the request's cookies and headers come from
// tests/support/as-user.ts (anonymous until a test signs in with signInAs).
vi.mock('next/headers', async () => (await import('./as-user')).nextHeadersMock);
