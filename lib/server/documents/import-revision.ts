import 'server-only';
import { z } from 'zod';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { dateColumn } from '@/lib/server/clock';
import { recordEvent } from '@/lib/server/audit/record-event';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { DOCUMENT_KINDS, VISIBILITIES } from '@/lib/domain/documents';
import { indexRevision } from '@/lib/server/search/index-revision';
import { renumberEditions } from '@/lib/server/workflow/chain';
import { storedContent } from '@/lib/server/documents/revision-content';

export { contentHash } from '@/lib/server/documents/revision-content';

export const ZImportRevisionInput = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'スラッグは半角英小文字・数字・ハイフンで指定してください。').max(100),
  kind: z.enum(DOCUMENT_KINDS),
  text: z.string(),
  title: z.string().trim().min(1).max(200).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  parentSlug: z.string().optional(),
  departmentCode: z.string().optional(),
  /** 施行日; defaults to the latest supplementary provision's date */
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** articles of this text marked 外部に周知すべき事項 (the seed's samples); an approved revision's list never changes later */
  publicExcerptAnchors: z.array(z.string().regex(/^a\d+(?:-\d+)?$/)).default([]),
  changeReason: z.string().trim().max(2000).optional(),
  sortOrder: z.number().int().optional(),
});
export type TImportRevisionInput = z.input<typeof ZImportRevisionInput>;

/** Who ran `npm run import`: recorded as the system actor's operator (the seed records nothing). */
export interface TImportOperator {
  /** --operator, else the OS user */
  operator: string;
  osUser: string | null;
  host: string | null;
  file: string | null;
}

export const IMPORT_ACTOR_LOGIN_ID = 'system:import';

export interface TImportRevisionResult {
  documentId: string;
  revisionNumber: number;
  created: boolean;
  effectiveDate: string;
}

const DEFAULT_VISIBILITY = { BASIC_POLICY: 'PUBLIC', STANDARD: 'STAFF', SAFETY_MANAGEMENT_STANDARD: 'RESTRICTED', PROCEDURE: 'RESTRICTED' } as const;

/**
 * Stores a policy text as a new APPROVED revision, for the importer and the seed.
 * Unscoped: it runs from the command line with direct database access and no signed-in
 * person, so it checks no permission; never call it from a request.
 * The same text imported twice is recognised by its content hash and stored once.
 */
export async function unsafeImportRevision(input: TImportRevisionInput, options: { operator?: TImportOperator } = {}): Promise<TImportRevisionResult> {
  const parsedInput = ZImportRevisionInput.safeParse(input);
  if (!parsedInput.success) throw new DalError('INVALID_INPUT', parsedInput.error.issues.map((i) => i.message).join(' / '));
  const data = parsedInput.data;

  const parsed = parseDeepText(data.text, data.title ? { title: data.title } : undefined);
  if (!parsed.ok) {
    throw new DalError('PARSE_FAILED', parsed.errors.map((e) => e.message).join('\n'), parsed.errors);
  }
  const tree = parsed.tree;
  const stored = storedContent(tree);
  const hash = stored.contentHash;
  const effectiveDate = data.effectiveDate ?? tree.tail.flatMap((unit) => (unit.kind === 'supplementary' && unit.effectiveDate ? [unit.effectiveDate] : [])).at(-1);
  if (!effectiveDate) {
    throw new DalError('INVALID_INPUT', '施行日が本文の付則から読み取れません。--effective-date で指定してください。');
  }
  const title = data.title ?? tree.title;
  if (!title) throw new DalError('INVALID_INPUT', '表題が本文から読み取れません。--title で指定してください。');

  // Document row first, then its revision: the same order as every other writer, and the
  // document row lock serialises two imports of one document.
  return db().$transaction(async (tx) => {
    const parent = data.parentSlug ? await tx.document.findUnique({ where: { slug: data.parentSlug }, select: { id: true } }) : null;
    if (data.parentSlug && !parent) throw new DalError('INVALID_INPUT', `親文書「${data.parentSlug}」が見つかりません。`);
    const department = data.departmentCode ? await tx.department.findUnique({ where: { code: data.departmentCode }, select: { id: true } }) : null;
    if (data.departmentCode && !department) throw new DalError('INVALID_INPUT', `部局「${data.departmentCode}」が見つかりません。`);

    let document = await tx.document.findUnique({ where: { slug: data.slug }, select: { id: true, kind: true } });
    const existed = document !== null;
    if (document && document.kind !== data.kind) {
      throw new DalError('INVALID_INPUT', `スラッグ「${data.slug}」は別の種別の文書が使用しています。`);
    }
    if (!document) {
      document = await tx.document.create({
        data: {
          slug: data.slug,
          kind: data.kind,
          title,
          visibility: data.visibility ?? DEFAULT_VISIBILITY[data.kind],
          parentId: parent?.id ?? null,
          departmentId: department?.id ?? null,
          sortOrder: data.sortOrder ?? 0,
        },
        select: { id: true, kind: true },
      });
    }
    await tx.$queryRaw`SELECT 1 FROM documents WHERE id = ${document.id}::uuid FOR UPDATE`;

    const same = await tx.revision.findFirst({
      where: { documentId: document.id, contentHash: hash, status: 'APPROVED' },
      select: { number: true, effectiveDate: true },
    });
    if (same) {
      return { documentId: document.id, revisionNumber: same.number, created: false, effectiveDate: same.effectiveDate?.toISOString().slice(0, 10) ?? effectiveDate };
    }
    const clash = await tx.revision.findFirst({ where: { documentId: document.id, status: 'APPROVED', effectiveDate: dateColumn(effectiveDate) }, select: { number: true } });
    if (clash) throw new DalError('CONFLICT', `施行日 ${effectiveDate} の版（第${clash.number}版）が既にあります。`);

    const last = await tx.revision.aggregate({ where: { documentId: document.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const revision = await tx.revision.create({
      data: {
        documentId: document.id,
        number,
        status: 'APPROVED',
        ...stored,
        changeReason: data.changeReason ?? null,
        effectiveDate: dateColumn(effectiveDate),
        approvedAt: new Date(),
        publicExcerptAnchors: data.publicExcerptAnchors,
      },
      select: { id: true },
    });
    // Its place in the chain (docs/decisions/007): it amends the revision before its date, and the
    // one after it (if any) now amends it. The importer records history; it rebases nothing.
    const before = await tx.revision.findFirst({ where: { documentId: document.id, status: 'APPROVED', effectiveDate: { lt: dateColumn(effectiveDate) } }, orderBy: { effectiveDate: 'desc' }, select: { id: true } });
    const after = await tx.revision.findFirst({ where: { documentId: document.id, status: { in: ['APPROVED', 'CONFIRMING'] }, effectiveDate: { gt: dateColumn(effectiveDate) } }, orderBy: { effectiveDate: 'asc' }, select: { id: true } });
    await tx.revision.update({ where: { id: revision.id }, data: { amendsRevisionId: before?.id ?? null } });
    if (after) await tx.revision.update({ where: { id: after.id }, data: { amendsRevisionId: revision.id } });
    await renumberEditions(tx, document.id);
    await indexRevision(tx, revision.id);
    await tx.document.update({ where: { id: document.id }, data: { updatedAt: new Date() } });
    if (options.operator) {
      await recordEvent(tx, {
        action: 'revision.import',
        outcome: 'SUCCESS',
        actor: { loginId: IMPORT_ACTOR_LOGIN_ID },
        targetType: 'document',
        targetId: data.slug,
        details: { revision: number, effectiveDate, documentCreated: !existed, contentHash: hash, ...options.operator },
      });
    }
    return { documentId: document.id, revisionNumber: number, created: true, effectiveDate };
  });
}
