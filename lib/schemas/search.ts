import { z } from '@/lib/schemas/z';
import { DOCUMENT_KINDS } from '@/lib/domain/documents';

export const SEARCH_SCOPES = ['current', 'all'] as const;
export type TSearchScope = (typeof SEARCH_SCOPES)[number];
export const SEARCH_PAGE_SIZE = 20;
/** 50 pages of 20: enough for any reader; deeper pages are refined by a narrower query */
export const SEARCH_MAX_PAGE = 50;

const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** The parameters of /search and GET /api/v1/search, as they come from a URL. */
export const ZSearchParams = z.object({
  q: z.string().default(''),
  kind: optionalParam(z.enum(DOCUMENT_KINDS, { error: '文書の種別の指定が正しくありません。' })),
  department: optionalParam(z.string().max(50, '部局の指定が正しくありません。').regex(/^[A-Za-z0-9_-]+$/, '部局の指定が正しくありません。')),
  page: optionalParam(
    z.coerce
      .number({ error: 'ページ番号は数字で指定してください。' })
      .int('ページ番号は整数で指定してください。')
      .min(1, 'ページ番号は1以上で指定してください。')
      .max(SEARCH_MAX_PAGE, `ページ番号は${SEARCH_MAX_PAGE}以下で指定してください。`),
  ),
  scope: optionalParam(z.enum(SEARCH_SCOPES, { error: '検索範囲の指定が正しくありません。' })),
});
export type TSearchParams = z.output<typeof ZSearchParams>;
