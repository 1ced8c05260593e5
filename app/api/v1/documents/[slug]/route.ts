import { z } from '@/lib/schemas/z';
import { httpMessages } from '@/lib/messages/http';
import { ZIsoDate, ZSlug } from '@/lib/schemas/documents';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { params: z.object({ slug: ZSlug }), query: z.object({ asOf: ZIsoDate.optional() }), invalidQuery: httpMessages.asOfFormat },
  ({ params, query }) => getDocumentView(params.slug, { asOf: query.asOf }),
);
