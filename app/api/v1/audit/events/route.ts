import { listAuditEvents } from '@/lib/server/audit/list-events';
import { jsonFromError, jsonOk } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    return jsonOk(await listAuditEvents(Object.fromEntries(new URL(request.url).searchParams)));
  } catch (error) {
    return jsonFromError(error);
  }
}
