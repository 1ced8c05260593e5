import { z } from '@/lib/schemas/z';
import { exportAcknowledgmentBoard } from '@/lib/server/acknowledgments/export-board';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ format: z.enum(['xlsx', 'csv'], { error: '書き出しの形式が正しくありません。' }) }).catchall(z.string());

/** GET /acknowledgments/board/export?format=xlsx|csv&unit=&state=&document=: the managers' view as a file. */
export const GET = withRoute({ query: ZQuery }, async ({ query }) => {
  const file = await exportAcknowledgmentBoard(query);
  return new Response(file.body as BodyInit, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
});
