import { z } from '@/lib/schemas/z';
import { ZSlug } from '@/lib/schemas/documents';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ params: z.object({ slug: ZSlug }) }, ({ params }) => getRevisionHistory(params.slug));
