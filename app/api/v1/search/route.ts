import { withRoute } from '@/lib/server/http/route';
import { searchDocuments } from '@/lib/server/search/search-documents';

export const dynamic = 'force-dynamic';

/** GET /api/v1/search?q=&kind=&department=&page=&scope= — hits at article granularity (the DAL parses the query). */
export const GET = withRoute({}, ({ query }) => searchDocuments(query));
