import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { jsonNotFound, jsonOk } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  if (!/^\d{1,6}$/.test(n)) return jsonNotFound();
  const page = await getRevisionPage(slug, Number(n));
  return page ? jsonOk(page) : jsonNotFound();
}
