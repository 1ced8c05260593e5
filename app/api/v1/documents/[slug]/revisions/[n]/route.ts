import { z } from '@/lib/schemas/z';
import { ZRevisionNumber, ZSlug } from '@/lib/schemas/documents';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ params: z.object({ slug: ZSlug, n: ZRevisionNumber }) }, ({ params }) => getRevisionPage(params.slug, params.n));
