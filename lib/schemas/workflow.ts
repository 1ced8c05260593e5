import { CHANGE_KINDS } from '@/lib/domain/acknowledgments';
import { DOCUMENT_KINDS, VISIBILITIES } from '@/lib/domain/documents';
import { z } from '@/lib/schemas/z';
import { ZIsoDate, ZSlug } from '@/lib/schemas/documents';
import { ZSingleLine } from '@/lib/schemas/text';

/** Largest draft text accepted (characters); a whole standard is well under a tenth of it. */
export const MAX_DRAFT_CHARS = 1_000_000;

const ZRevisionRef = {
  slug: ZSlug,
  number: z.coerce.number({ error: '版番号が正しくありません。' }).int().positive().max(100_000),
};

export const ZStartDraftInput = z.object({
  slug: ZSlug,
  abolition: z.coerce.boolean().default(false),
  /** the revision (its stable number) to start from; the last of the chain when absent */
  baseNumber: z.coerce.number({ error: '版番号が正しくありません。' }).int().positive().max(100_000).optional().or(z.literal('').transform(() => undefined)),
});

export const ZConfirmInput = z.object({
  ...ZRevisionRef,
  comment: z.string().trim().max(2000, 'コメントは2,000文字以内で入力してください。').default(''),
});

export const ZCheckDateInput = z.object({ ...ZRevisionRef, effectiveDate: ZIsoDate });

export const ZSaveDraftInput = z.object({
  ...ZRevisionRef,
  baseVersion: z.coerce.number({ error: '版の更新番号が正しくありません。' }).int().positive(),
  text: z.string().max(MAX_DRAFT_CHARS, `本文は${MAX_DRAFT_CHARS.toLocaleString('ja-JP')}文字以内にしてください。`),
});

export const ZSubmitInput = z.object({
  ...ZRevisionRef,
  changeReason: z.string().trim().min(1, '改正理由を入力してください。').max(2000, '改正理由は2,000文字以内で入力してください。'),
  effectiveDate: ZIsoDate,
  /** 実質改正 (everyone acknowledges again) or 形式改正 */
  changeKind: z.enum(CHANGE_KINDS, { error: '実質改正か形式改正かを選択してください。' }).default('SUBSTANTIVE'),
});

const ZAckDueDays = z.coerce.number({ error: '確認期限の日数は1〜365で指定してください。' }).int('確認期限の日数は1〜365で指定してください。').min(1, '確認期限の日数は1〜365で指定してください。').max(365, '確認期限の日数は1〜365で指定してください。');

export const ZReviewInput = z.object({
  ...ZRevisionRef,
  comment: z.string().trim().max(2000, 'コメントは2,000文字以内で入力してください。').default(''),
  /** approve only: the effective date the approver sets (defaults to the proposed one) */
  effectiveDate: ZIsoDate.optional().or(z.literal('').transform(() => undefined)),
  /** approve only: the approver's confirmation of 実質改正 / 形式改正 (defaults to the editor's mark) */
  changeKind: z.enum(CHANGE_KINDS, { error: '実質改正か形式改正かを選択してください。' }).optional().or(z.literal('').transform(() => undefined)),
  /** approve only: ask for acknowledgment from the approval day rather than from the effective date */
  earlyReading: z.union([z.boolean(), z.literal('on'), z.literal('true')]).optional().transform((v) => v === true || v === 'on' || v === 'true'),
  /** approve only: days to acknowledge (確認期限) */
  ackDueDays: ZAckDueDays.optional().or(z.literal('').transform(() => undefined)),
});

export const ZRejectInput = ZReviewInput.extend({
  comment: z.string().trim().min(1, '差戻しの理由を入力してください。').max(2000, 'コメントは2,000文字以内で入力してください。'),
});

export const ZWithdrawInput = z.object(ZRevisionRef);

export const ZCreateDocumentInput = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'スラッグは半角英小文字・数字・ハイフンで入力してください。')
    .max(100)
    // /documents/new is the creation screen
    .refine((slug) => slug !== 'new', '「new」はスラッグに使用できません。'),
  kind: z.enum(DOCUMENT_KINDS, { error: '種別を選択してください。' }),
  title: ZSingleLine('表題', 200),
  parentSlug: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
  departmentCode: z.string().trim().max(64).optional().transform((v) => (v ? v : undefined)),
  visibility: z.enum(VISIBILITIES, { error: '公開範囲を選択してください。' }),
  requiredApprovals: z.coerce.number().int().min(1, '必要な承認数は1〜5で指定してください。').max(5, '必要な承認数は1〜5で指定してください。'),
  reviewIntervalMonths: z.coerce.number().int().min(1, '見直し間隔は1〜120か月で指定してください。').max(120, '見直し間隔は1〜120か月で指定してください。'),
});
