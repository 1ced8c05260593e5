import { z } from '@/lib/schemas/z';

const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD の形式で指定してください。')
  .optional()
  .or(z.literal('').transform(() => undefined));

/** Filters of the audit trail, from a query string. */
export const ZAuditFilter = z.object({
  actor: ZOptionalText(100),
  action: ZOptionalText(100),
  document: ZOptionalText(100),
  outcome: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['SUCCESS', 'DENIED', 'FAILED'], { error: '結果の指定が正しくありません。' }).optional()),
  from: ZDate,
  to: ZDate,
  /** keyset cursor: events older than this sequence number */
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'ページの指定が正しくありません。')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type TAuditFilter = z.output<typeof ZAuditFilter>;
