import { ROLES } from '@/lib/domain/roles';
import { ZSingleLine } from '@/lib/schemas/text';
import { z } from '@/lib/schemas/z';


const ZLoginId = z
  .string()
  .trim()
  .min(3, 'ログインIDは3文字以上で入力してください。')
  .max(64, 'ログインIDは64文字以内で入力してください。')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ログインIDは半角英小文字・数字・「.」「_」「-」で入力してください。');
const ZDisplayName = ZSingleLine('氏名', 100);
const ZDepartmentCode = z.string().trim().max(64).nullish().transform((v) => (v ? v : null));
const ZRoles = z.array(z.enum(ROLES, { error: '役割の指定が正しくありません。' })).max(ROLES.length).transform((roles) => [...new Set(roles)]);
const ZId = z.string().uuid('対象が正しくありません。');

export const ZCreateAccountInput = z.object({ loginId: ZLoginId, displayName: ZDisplayName, departmentCode: ZDepartmentCode, roles: ZRoles });
export type TCreateAccountInput = z.input<typeof ZCreateAccountInput>;

export const ZUpdateAccountInput = z.object({ userId: ZId, displayName: ZDisplayName, departmentCode: ZDepartmentCode, roles: ZRoles });
export type TUpdateAccountInput = z.input<typeof ZUpdateAccountInput>;

export const ZAccountTargetInput = z.object({ userId: ZId });

export const ZSetAccountStatusInput = z.object({ userId: ZId, status: z.enum(['ACTIVE', 'DISABLED'], { error: '状態の指定が正しくありません。' }) });

export const ZCreateDepartmentInput = z.object({
  code: z
    .string()
    .trim()
    .min(2, '部局コードは2文字以上で入力してください。')
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, '部局コードは半角英小文字・数字・ハイフンで入力してください。'),
  name: ZSingleLine('部局名', 100),
  /** 部 / 課 / 係 (docs/decisions/018) */
  kind: z.enum(['BU', 'KA', 'KAKARI'], { error: '部・課・係の別を選択してください。' }).default('BU'),
  /** the unit above, by its code; none for a 部 */
  parentCode: z.string().trim().max(64).nullish().transform((v) => (v ? v : null)),
});

export const ZRenameDepartmentInput = z.object({ departmentId: ZId, name: ZSingleLine('部局名', 100) });

export const ZAddGrantInput = z
  .object({
    documentSlug: z.string().trim().min(1).max(100),
    granteeType: z.enum(['DEPARTMENT', 'ROLE', 'USER'], { error: '付与先の種類が正しくありません。' }),
    grantee: z.string().trim().min(1, '付与先を選択してください。').max(100),
  })
  .transform((v) => v);

export const ZRevokeGrantInput = z.object({ grantId: ZId });
