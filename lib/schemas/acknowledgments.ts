import { z } from '@/lib/schemas/z';
import { ACK_STATES } from '@/lib/domain/acknowledgments';
import { ZSlug } from '@/lib/schemas/documents';

const ZNumber = z.coerce.number({ error: '版番号が正しくありません。' }).int().positive().max(100_000);

export const ZAcknowledgeInput = z.object({
  slug: ZSlug,
  /** the revision whose text was shown */
  number: ZNumber,
  /** the revision the comparison shown started from ('' when the whole text was shown) */
  comparedFrom: ZNumber.optional().or(z.literal('').transform(() => undefined)),
});

export const ZBoardFilter = z.object({
  unit: z.uuid({ error: '部署の指定が正しくありません。' }).optional().or(z.literal('').transform(() => undefined)),
  state: z.enum(ACK_STATES, { error: '状況の指定が正しくありません。' }).optional().or(z.literal('').transform(() => undefined)),
  document: ZSlug.optional().or(z.literal('').transform(() => undefined)),
});
export type TBoardFilter = z.infer<typeof ZBoardFilter>;

export const ZSetApplicabilityInput = z.object({
  slug: ZSlug,
  allStaff: z.boolean({ error: '対象（全職員か、選んだ部局か）を指定してください。' }),
  unitCodes: z.array(z.string().trim().min(1).max(64)).max(500).default([]),
});
