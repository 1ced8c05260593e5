import { z } from '@/lib/schemas/z';
import { ZSlug } from '@/lib/schemas/documents';
import { ZDocumentExportQuery } from '@/lib/schemas/export';
import { exportDocument } from '@/lib/server/export/export-text';
import { attachmentResponse } from '@/lib/server/http/attachment';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The text in force on asOf (today by default) as 法令標準XML or Word, as the document page shows it. */
export const GET = withRoute({ params: z.object({ slug: ZSlug }), query: ZDocumentExportQuery }, async ({ params, query }) => {
  const file = await exportDocument({ slug: params.slug, format: query.format, ...(query.asOf ? { asOf: query.asOf } : {}) });
  return file && attachmentResponse(file);
});
