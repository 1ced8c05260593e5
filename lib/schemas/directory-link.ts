import { z } from '@/lib/schemas/z';

const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/**
 * The directory account an administrator links to a portal account: the issuer (`iss`) and the
 * subject (`sub`) of its ID tokens, both or neither (neither clears the link). Kept exactly as the
 * directory writes them (no trimming inside, no case folding): they are compared as they come.
 */
export const ZSetDirectoryLinkInput = z
  .object({
    userId: z.string().uuid('対象が正しくありません。'),
    issuer: z
      .string()
      .trim()
      .max(500, '発行者（iss）は500文字以内で入力してください。')
      .refine((value) => value === '' || /^https:\/\/[^\s]+$/.test(value), '発行者（iss）は https:// で始まるURLで入力してください。'),
    subject: z
      .string()
      .trim()
      .max(255, '利用者識別子（sub）は255文字以内で入力してください。')
      .refine((value) => !CONTROL_OR_SPACE.test(value), '利用者識別子（sub）に空白や制御文字は使用できません。'),
  })
  .refine((value) => (value.issuer === '') === (value.subject === ''), { message: '発行者（iss）と利用者識別子（sub）は両方とも入力してください（解除するときは両方とも空にします）。' });

export type TSetDirectoryLinkInput = z.infer<typeof ZSetDirectoryLinkInput>;
