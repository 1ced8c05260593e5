import { listAuditEvents } from '@/lib/server/audit/list-events';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The DAL parses the filter and the cursor. */
export const GET = withRoute({}, ({ query }) => listAuditEvents(query));
