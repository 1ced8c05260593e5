import { z } from '@/lib/schemas/z';
import { httpMessages } from '@/lib/messages/http';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { compareRevisions } from '@/lib/server/history/compare-revisions';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { params: z.object({ slug: ZSlug }), query: z.object({ from: ZRevisionNumber, to: ZRevisionNumber }), invalidQuery: httpMessages.compareRange },
  ({ params, query }) => compareRevisions(params.slug, query.from, query.to),
);
