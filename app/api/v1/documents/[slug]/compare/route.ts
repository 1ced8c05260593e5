import { compareRevisions } from '@/lib/server/history/compare-revisions';
import { jsonError, jsonNotFound, jsonOk } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const search = new URL(request.url).searchParams;
  const from = search.get('from');
  const to = search.get('to');
  if (!from || !to || !/^\d{1,6}$/.test(from) || !/^\d{1,6}$/.test(to)) {
    return jsonError(400, 'INVALID_INPUT', '比較する版を from と to に版番号で指定してください。');
  }
  const view = await compareRevisions((await params).slug, Number(from), Number(to));
  return view ? jsonOk(view) : jsonNotFound();
}
