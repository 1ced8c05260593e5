import type { TestProject } from 'vitest/node';
import { createFreshDatabase, startTestServer } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    databaseUrl: string;
  }
}

/** One fresh, empty database for this run of the integration tests; dropped afterwards. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const database = await createFreshDatabase(server.adminUrl);
  project.provide('adminDatabaseUrl', server.adminUrl);
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop().catch(() => undefined);
    await server.stop();
  };
}
