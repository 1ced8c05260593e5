import { z } from '@/lib/schemas/z';

/** A document slug as it may appear in a URL: anything else is treated as not found. */
export const ZSlug = z
  .string({ error: '文書の指定が正しくありません。' })
  .max(100, '文書の指定が正しくありません。')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '文書の指定が正しくありません。');

/**
 * A revision's stable number as it appears in a path or a query (/revisions/12, ?from=3): up to six
 * digits. Numbers no revision has (0, 999999) pass and answer not found in the data access layer.
 */
export const ZRevisionNumber = z
  .string({ error: '版番号は数字で指定してください。' })
  .regex(/^\d{1,6}$/, '版番号は数字で指定してください。')
  .transform(Number);

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const ZIsoDate = z
  .string({ error: '日付は YYYY-MM-DD の形式で入力してください。' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD の形式で入力してください。')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, '存在しない日付です。');
