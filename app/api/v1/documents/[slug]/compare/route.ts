import { z } from '@/lib/schemas/z';
import { httpMessages } from '@/lib/messages/http';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { compareRevisions, compareRevisionsDocx } from '@/lib/server/history/compare-revisions';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The 新旧対照表 of two revisions: JSON, or with ?format=docx the Word file councils receive.
 * Both answer 404 for a revision the reader may not see, exactly like a missing one.
 */
export const GET = withRoute(
  {
    params: z.object({ slug: ZSlug }),
    query: z.object({ from: ZRevisionNumber, to: ZRevisionNumber, format: z.enum(['json', 'docx']).optional() }),
    invalidQuery: httpMessages.compareRange,
  },
  async ({ params, query }) => {
    if (query.format !== 'docx') return compareRevisions(params.slug, query.from, query.to);
    const file = await compareRevisionsDocx(params.slug, query.from, query.to);
    if (!file) return null;
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        // RFC 6266: an ASCII fallback and the Japanese name
        'Content-Disposition': `attachment; filename="comparison-${query.from}-${query.to}.docx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
