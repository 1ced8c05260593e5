import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { jsonError, jsonNotFound, jsonOk } from '@/lib/server/http/json';
import { ZIsoDate, ZSlug } from '@/lib/schemas/documents';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) return jsonNotFound();
  const asOfParam = new URL(request.url).searchParams.get('asOf');
  const asOf = asOfParam === null ? undefined : ZIsoDate.safeParse(asOfParam);
  if (asOf && !asOf.success) return jsonError(400, 'INVALID_INPUT', 'asOf は YYYY-MM-DD 形式の日付で指定してください。');

  const view = await getDocumentView(slug.data, { asOf: asOf?.data });
  if (!view) return jsonNotFound();
  return jsonOk(view);
}
