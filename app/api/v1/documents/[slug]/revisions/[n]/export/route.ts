import { z } from '@/lib/schemas/z';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { ZRevisionExportQuery } from '@/lib/schemas/export';
import { exportRevision } from '@/lib/server/export/export-text';
import { attachmentResponse } from '@/lib/server/http/attachment';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** One revision as 法令標準XML or Word (?format=xml|docx), for those who may open its revision page. */
export const GET = withRoute({ params: z.object({ slug: ZSlug, n: ZRevisionNumber }), query: ZRevisionExportQuery }, async ({ params, query }) => {
  const file = await exportRevision({ slug: params.slug, number: params.n, format: query.format });
  return file && attachmentResponse(file);
});
