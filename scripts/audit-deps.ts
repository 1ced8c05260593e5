/*
 * npm run audit:deps — known advisories in production dependencies (`npm audit --omit=dev
 * --audit-level=high`). Exit 1 on a high or critical advisory when the registry's audit service
 * answers; when it does not (offline, or a registry without the audit endpoint), says so and
 * exits 0: an unreachable service is not a vulnerability, and it is not a pass either.
 */
import { spawnSync } from 'node:child_process';
import { judgeAudit } from './lib/audit-report';

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 120_000 });
const verdict = run.error
  ? { status: 'skipped' as const, lines: [`skipped: audit service unreachable (npm audit did not finish: ${run.error.message})`] }
  : judgeAudit(run.stdout ?? '', run.stderr ?? '');
for (const line of verdict.lines) console.log(`[audit:deps] ${line}`);
process.exit(verdict.status === 'fail' ? 1 : 0);
