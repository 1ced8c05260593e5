import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { jsonNotFound, jsonOk } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const history = await getRevisionHistory((await params).slug);
  return history ? jsonOk(history) : jsonNotFound();
}
