import { z } from '@/lib/schemas/z';
import { MAX_DRAFT_CHARS } from '@/lib/schemas/workflow';

/** The text a person made of an uploaded file, and the receipt of the server's read of that file. */
export const ZImportDraftInput = z.object({
  receipt: z.string().regex(/^\d{1,18}$/, '取り込んだファイルの記録が見つかりません。もう一度ファイルを選んでください。'),
  text: z
    .string()
    .max(MAX_DRAFT_CHARS, `本文は${MAX_DRAFT_CHARS.toLocaleString('ja-JP')}文字以内にしてください。`)
    // Browsers send form text with CRLF line breaks; drafts are stored with LF.
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .refine((text) => text.trim() !== '', '本文が空です。'),
});
