import { inject, vi } from 'vitest';

// Every integration test file talks to this run's fresh database through the one DAL client.
process.env.DATABASE_URL = inject('databaseUrl');
// Sessions are signed with this secret in tests.
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789abcdef';

// There is no HTTP request in these tests: the request's cookies and headers come from
// tests/support/as-user.ts (anonymous until a test signs in with signInAs).
vi.mock('next/headers', async () => (await import('./as-user')).nextHeadersMock);
