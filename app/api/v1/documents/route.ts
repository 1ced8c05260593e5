import { z } from '@/lib/schemas/z';
import { httpMessages } from '@/lib/messages/http';
import { ZIsoDate } from '@/lib/schemas/documents';
import { listLibrary } from '@/lib/server/documents/list-library';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = withRoute({ query: z.object({ asOf: ZIsoDate.optional() }), invalidQuery: httpMessages.asOfFormat }, async ({ query }) => ({
  documents: await listLibrary({ asOf: query.asOf }),
}));
