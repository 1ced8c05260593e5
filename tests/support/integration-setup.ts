import { inject } from 'vitest';

// Every integration test file talks to this run's fresh database through the one DAL client.
process.env.DATABASE_URL = inject('databaseUrl');
