import { exportAuditCsv } from '@/lib/server/audit/list-events';
import { jsonFromError } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const stream = await exportAuditCsv(Object.fromEntries(new URL(request.url).searchParams));
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-${stamp}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return jsonFromError(error);
  }
}
