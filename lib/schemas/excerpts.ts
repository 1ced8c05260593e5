import { z } from '@/lib/schemas/z';
import { ZSlug } from '@/lib/schemas/documents';

/** The public articles (外部に周知すべき事項) an editor chose for the open draft, for the draft text's version shown. */
export const ZSetDraftExcerptsInput = z.object({
  documentSlug: ZSlug,
  number: z.coerce.number({ error: '版番号が正しくありません。' }).int().positive().max(100_000),
  version: z.coerce.number({ error: '改正案の更新番号が正しくありません。' }).int().positive(),
  anchors: z.array(z.string().regex(/^a\d+(?:-\d+)?$/, '条の指定が正しくありません。')).max(2000),
});
export type TSetDraftExcerptsInput = z.infer<typeof ZSetDraftExcerptsInput>;
