import { exportAuditCsv } from '@/lib/server/audit/list-events';
import { httpMessages } from '@/lib/messages/http';
import { jsonError } from '@/lib/server/http/json';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * A POST (a form on /audit, or JSON): an export is recorded in the trail, and nothing that changes
 * state answers a GET. The filter comes as form fields or as a JSON object.
 */
export const POST = withRoute({}, async ({ request }) => {
  const filter = await readFilter(request);
  if (!filter) return jsonError(400, 'INVALID_INPUT', httpMessages.auditFilterUnreadable);
  const stream = await exportAuditCsv(filter);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${stamp}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
});

async function readFilter(request: Request): Promise<Record<string, unknown> | null> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (/^application\/json\b/i.test(type)) {
      const body: unknown = await request.json();
      return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    }
    if (/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
      const form = await request.formData();
      return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string' && v !== ''));
    }
    return type === '' ? {} : null;
  } catch {
    return null;
  }
}
