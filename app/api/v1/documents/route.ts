import { listLibrary } from '@/lib/server/documents/list-library';
import { jsonError, jsonOk } from '@/lib/server/http/json';
import { ZIsoDate } from '@/lib/schemas/documents';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const asOfParam = new URL(request.url).searchParams.get('asOf');
  const asOf = asOfParam === null ? undefined : ZIsoDate.safeParse(asOfParam);
  if (asOf && !asOf.success) return jsonError(400, 'INVALID_INPUT', 'asOf は YYYY-MM-DD 形式の日付で指定してください。');
  return jsonOk({ documents: await listLibrary({ asOf: asOf?.data }) });
}
