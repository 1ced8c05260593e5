/*
 * What `npm audit --omit=dev --audit-level=high --json` came to: a report to judge, or no report
 * because the registry's audit service did not answer (unreachable, or a registry or mirror
 * without the bulk advisory endpoint, which answers 405). Only the first may fail a build; the
 * second is said plainly and skipped. Anything else (no lockfile, unreadable output) fails.
 */
export type TAuditVerdict =
  | { status: 'ok'; lines: string[] }
  | { status: 'fail'; lines: string[] }
  | { status: 'skipped'; lines: string[] };

type TAuditJson = {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name?: string; severity?: string; isDirect?: boolean; via?: (string | { title?: string; url?: string; severity?: string })[]; fixAvailable?: unknown }>;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number; total?: number } };
  error?: { code?: string; summary?: string; detail?: string };
  statusCode?: number;
  message?: string;
  code?: string;
};

const SERVICE_ERRORS = /^(E\d{3}|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|ERR_SOCKET_TIMEOUT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)$/;
const BLOCKING = ['high', 'critical'];

export function judgeAudit(stdout: string, stderr = ''): TAuditVerdict {
  let report: TAuditJson;
  try {
    report = JSON.parse(stdout) as TAuditJson;
  } catch {
    if (/audit endpoint returned an error|network|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/i.test(stderr)) {
      return { status: 'skipped', lines: [`skipped: audit service unreachable (${firstLine(stderr)})`] };
    }
    return { status: 'fail', lines: [`npm audit gave no report: ${firstLine(stderr) || firstLine(stdout) || 'no output'}`] };
  }

  if (report.auditReportVersion && report.metadata?.vulnerabilities) {
    const counts = report.metadata.vulnerabilities;
    const blocking = Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.includes(v.severity ?? ''));
    const summary = `${report.metadata.dependencies?.prod ?? '?'} production dependencies: ${['critical', 'high', 'moderate', 'low'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`;
    if (blocking.length === 0) return { status: 'ok', lines: [`ok: no high or critical advisory (${summary})`] };
    return {
      status: 'fail',
      lines: [
        `FAILED: ${blocking.length} production dependencies with a high or critical advisory (${summary})`,
        ...blocking.map((v) => {
          const advisories = (v.via ?? []).filter((x): x is { title?: string; url?: string } => typeof x === 'object').map((x) => `${x.title ?? ''} ${x.url ?? ''}`.trim());
          const through = (v.via ?? []).filter((x): x is string => typeof x === 'string');
          return `  ${v.severity} ${v.name}${v.isDirect ? '' : ' (indirect)'}: ${advisories.join('; ') || `through ${through.join(', ')}`}${v.fixAvailable ? ' — fix available (npm audit fix)' : ''}`;
        }),
      ],
    };
  }

  const code = report.error?.code ?? report.code ?? (report.statusCode ? `E${report.statusCode}` : '');
  if (report.statusCode || SERVICE_ERRORS.test(code)) {
    const what = report.message ?? report.error?.summary ?? code;
    return { status: 'skipped', lines: [`skipped: audit service unreachable (${firstLine(what)})`] };
  }
  return { status: 'fail', lines: [`npm audit failed: ${code} ${firstLine(report.error?.summary ?? report.message ?? report.error?.detail ?? '')}`.trim()] };
}

function firstLine(text: string): string {
  return text.trim().split('\n').find((l) => l.trim())?.replace(/^npm (warn|error) /, '').trim() ?? '';
}
