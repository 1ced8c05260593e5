import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/*
 * Routes and components never reach the database or the environment themselves: they call the
 * data access layer in lib/server, which checks authorisation. A leak is a lint error.
 */
const dataAccessBoundary = {
  files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: '@prisma/client', message: 'Use the data access layer in lib/server.' },
          { name: '@prisma/adapter-pg', message: 'Use the data access layer in lib/server.' },
          { name: 'pg', message: 'Use the data access layer in lib/server.' },
          { name: '@/lib/server/db', message: 'Call a data access function in lib/server instead of the client.' },
        ],
        patterns: [
          { group: ['@/lib/generated/*', '**/lib/generated/*'], message: 'The Prisma client belongs to lib/server.' },
          { group: ['@prisma/*'], message: 'Use the data access layer in lib/server.' },
          { group: ['**/lib/server/db', '**/lib/server/db/*', '@/lib/server/db/*'], message: 'Call a data access function in lib/server instead of the client.' },
          // unsafe* functions skip the actor and its permissions: scripts and the DAL itself only.
          { group: ['@/lib/server/**', '**/lib/server/**'], importNamePattern: '^unsafe', message: 'unsafe* functions skip authorisation: call a DAL function that checks the actor.' },
        ],
      },
    ],
    'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in lib/server/env.ts.' }],
  },
};

/*
 * The shared vocabulary and the Japanese messages are imported by client components: they stay
 * free of the data access layer and of the Prisma runtime.
 */
const clientSafeModules = {
  files: ['lib/domain/**/*.ts', 'lib/messages/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'server-only', message: 'lib/domain and lib/messages are client-safe.' }],
        patterns: [
          { group: ['@/lib/server/*', '**/lib/server/*'], message: 'lib/domain and lib/messages are client-safe: move the shared type to lib/domain.' },
          { group: ['@/lib/generated/*', '**/lib/generated/*', '@prisma/*'], message: 'lib/domain lists the enums itself; a unit test keeps them in step with Prisma.' },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  dataAccessBoundary,
  clientSafeModules,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  globalIgnores(['.next/**', 'node_modules/**', 'lib/generated/**', '.data/**', '.scratch/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
