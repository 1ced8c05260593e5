import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../../../scripts/lib/audit-report';

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts }, dependencies: { prod: 120 } } });

describe('judging npm audit --omit=dev --audit-level=high', () => {
  it.each([
    ['a clean report', report({}, {}), 'ok'],
    ['only a moderate advisory', report({ 'some-lib': { name: 'some-lib', severity: 'moderate', isDirect: true, via: [{ title: 'ReDoS', url: 'https://example.invalid/1' }] } }, { moderate: 1 }), 'ok'],
    ['a high advisory in a direct dependency', report({ next: { name: 'next', severity: 'high', isDirect: true, via: [{ title: 'Cache poisoning', url: 'https://example.invalid/2' }], fixAvailable: true } }, { high: 1 }), 'fail'],
    ['a critical advisory reached through another package', report({ 'deep-lib': { name: 'deep-lib', severity: 'critical', isDirect: false, via: ['other-lib'] } }, { critical: 1 }), 'fail'],
    ['the registry refusing the bulk endpoint (405)', JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } }), 'skipped'],
    ['no network', JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed', detail: '' } }), 'skipped'],
    ['no lockfile', JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } }), 'fail'],
  ])('%s → %s', (_name, stdout, status) => {
    expect(judgeAudit(stdout).status).toBe(status);
  });

  it('names each blocking package and its advisory', () => {
    const verdict = judgeAudit(report({ next: { name: 'next', severity: 'high', isDirect: true, via: [{ title: 'Cache poisoning', url: 'https://example.invalid/2' }] } }, { high: 1 }));
    expect(verdict.lines.join('\n')).toMatch(/high next: Cache poisoning https:\/\/example\.invalid\/2/);
  });

  it('says plainly that the check was skipped when the service did not answer', () => {
    const verdict = judgeAudit('', 'npm warn audit 405 Method Not Allowed\nnpm error audit endpoint returned an error');
    expect(verdict).toMatchObject({ status: 'skipped' });
    expect(verdict.lines[0]).toMatch(/^skipped: audit service unreachable \(audit 405 Method Not Allowed\)/);
  });

  it('fails on output it cannot read', () => {
    expect(judgeAudit('not json', 'something else went wrong').status).toBe('fail');
  });
});
