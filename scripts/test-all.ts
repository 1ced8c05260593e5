/*
 * npm test: the whole suite, in the order CI needs it, ending with one line
 * `N passed, N failed` (lint and typecheck count as one check each).
 *   1. lint, 2. typecheck, 3. unit + integration tests (Vitest, real PostgreSQL),
 *   4. end-to-end tests (Playwright + Debian Chromium against `npm start`),
 *   5. fault and load checks (scripts/test-faults.ts; one check), after a dependency audit (one check).
 * PostgreSQL: the server in DATABASE_URL (each run creates its own fresh databases on it),
 * otherwise an embedded PostgreSQL started for the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFreshDatabase, startTestServer } from '../tests/support/test-database';

const RESULTS = path.join('test-results');
mkdirSync(RESULTS, { recursive: true });
let passed = 0;
let failed = 0;
const only = process.argv.slice(2);
const wants = (step: string) => only.length === 0 || only.includes(step);

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function check(label: string, ok: boolean): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`--- ${label}: ${ok ? 'ok' : 'FAILED'}`);
}

const bin = (name: string) => path.join('node_modules', '.bin', name);

if (wants('lint')) check('lint', run('lint', bin('eslint'), ['.', '--max-warnings=0']));
if (wants('typecheck')) check('typecheck', run('typecheck', bin('tsc'), ['--noEmit']));
// Known advisories in production dependencies; skipped (not failed) when the audit service does not answer.
if (wants('audit-deps')) check('audit-deps', run('audit-deps', bin('tsx'), ['scripts/audit-deps.ts']));

const server = await startTestServer();
try {
  if (wants('vitest')) {
    const report = path.join(RESULTS, 'vitest.json');
    const ok = run('unit + integration', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { ...process.env, DATABASE_URL: server.adminUrl });
    const counts = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
    if (counts) {
      passed += counts.numPassedTests;
      failed += counts.numFailedTests;
      if (!ok && counts.numFailedTests === 0) failed += 1;
    } else {
      failed += 1;
    }
  }

  if (wants('e2e')) {
    const database = await createFreshDatabase(server.adminUrl, 'isms_e2e');
    try {
      const report = path.join(RESULTS, 'playwright.json');
      const ok = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { ...process.env, DATABASE_URL: database.url, PORTAL_DEMO_ACCOUNTS: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: report });
      const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report)?.stats;
      if (stats) {
        passed += stats.expected + stats.flaky;
        failed += stats.unexpected;
        if (!ok && stats.unexpected === 0) failed += 1;
      } else {
        failed += 1;
      }
    } finally {
      await database.drop().catch(() => undefined);
    }
  }

  // Faults staged on a running portal (PostgreSQL cut, connections killed, pool exhausted, the
  // process killed mid-save) and a short mixed load run; `npm run test:faults` runs the full minute.
  if (wants('faults')) check('faults', run('faults', bin('tsx'), ['--conditions=react-server', 'scripts/test-faults.ts', '--load-seconds', '20'], { ...process.env, DATABASE_URL: server.adminUrl }));
} finally {
  await server.stop();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}
