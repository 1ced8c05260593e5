import { jsonFromError, jsonOk } from '@/lib/server/http/json';
import { searchDocuments } from '@/lib/server/search/search-documents';

export const dynamic = 'force-dynamic';

/** GET /api/v1/search?q=&kind=&department=&page=&scope= — hits at article granularity. */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    return jsonOk(await searchDocuments(params));
  } catch (error) {
    return jsonFromError(error);
  }
}
