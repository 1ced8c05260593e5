import { afterAll, inject, vi } from 'vitest';
import { createFreshDatabase } from './test-database';

// Every integration test file gets a fresh, empty database of its own on this run's server, so
// files never see each other's data; the one DAL client talks to it.
const database = await createFreshDatabase(inject('adminDatabaseUrl'), 'isms_it');
process.env.DATABASE_URL = database.url;
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
