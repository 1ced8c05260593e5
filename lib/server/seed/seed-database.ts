import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sortAnchors } from '@/lib/policy-text/excerpts';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { type TNode, walkNodes } from '@/lib/policy-text/deep/tree';
import { todayInJapan } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { hashPassword } from '@/lib/server/auth/password';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { DOCUMENT_KINDS, VISIBILITIES } from '@/lib/domain/documents';

/*
 * The seed: the organisational units of 第３ of the basic policy, the city's real basic policy,
 * and the illustrative サンプル standards and procedures. Idempotent: departments are upserted
 * and every text goes through the importer, which stores an unchanged text only once.
 */

const SEED_DIR = path.join(process.cwd(), 'prisma', 'seed-data');

/** 部 > 課 > 係 (parents before children); a department without `kind` is a 部. */
export const DEPARTMENTS: readonly { code: string; name: string; kind?: 'BU' | 'KA' | 'KAKARI'; parentCode?: string }[] = [
  { code: 'policy', name: '政策総務部' },
  { code: 'general-affairs', name: '総務部' },
  { code: 'finance', name: '財務部' },
  { code: 'citizens', name: '市民部' },
  { code: 'welfare', name: '福祉保健部' },
  { code: 'accounting', name: '会計課', kind: 'KA' },
  { code: 'education', name: '教育委員会事務局' },
  { code: 'election', name: '選挙管理委員会事務局' },
  { code: 'audit-office', name: '監査事務局' },
  { code: 'agriculture', name: '農業委員会事務局' },
  { code: 'assembly', name: '議会事務局' },
  { code: 'general-affairs-somu', name: '総務課', kind: 'KA', parentCode: 'general-affairs' },
  { code: 'general-affairs-joho', name: '情報政策課', kind: 'KA', parentCode: 'general-affairs' },
  { code: 'general-affairs-joho-system', name: '情報システム係', kind: 'KAKARI', parentCode: 'general-affairs-joho' },
  { code: 'citizens-shimin', name: '市民課', kind: 'KA', parentCode: 'citizens' },
];

export const BASIC_POLICY = {
  slug: 'basic-policy',
  file: 'fuchu-information-security-basic-policy.txt',
  departmentCode: 'general-affairs',
} as const;

const ZManifest = z.object({
  documents: z.array(
    z.object({
      slug: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      title: z.string(),
      visibility: z.enum(VISIBILITIES),
      parentSlug: z.string().optional(),
      departmentCode: z.string().optional(),
      revisions: z.array(z.object({ file: z.string(), effectiveDate: z.string(), changeReason: z.string().optional() })).min(1),
      publicExcerptAnchors: z.array(z.string()).default([]),
      grants: z.array(z.object({ departmentCode: z.string() })).default([]),
    }),
  ),
});

/** Password of every demo account; demo accounts exist only in the embedded/demo database. */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ACCOUNTS = [
  { loginId: 'demo-staff', displayName: '総務 花子（デモ）', departmentCode: 'general-affairs', roles: ['STAFF'] },
  { loginId: 'demo-staff-other', displayName: '市民 一郎（デモ）', departmentCode: 'citizens', roles: ['STAFF'] },
  { loginId: 'demo-editor', displayName: '情報 管理者（デモ）', departmentCode: 'general-affairs', roles: ['STAFF', 'EDITOR'] },
  { loginId: 'demo-approver', displayName: '統括 責任者（デモ）', departmentCode: 'policy', roles: ['STAFF', 'APPROVER'] },
  { loginId: 'demo-auditor', displayName: '監査 担当（デモ）', departmentCode: 'audit-office', roles: ['STAFF', 'AUDITOR'] },
  { loginId: 'demo-admin', displayName: 'システム 管理者（デモ）', departmentCode: 'policy', roles: ['ADMIN'] },
  // 遵守の確認 (docs/decisions/018): a 課 with its 課長 and a member, the 部長 above them, the CISO
  { loginId: 'demo-staff-somu', displayName: '総務課 次郎（デモ）', departmentCode: 'general-affairs-somu', roles: ['STAFF'] },
  { loginId: 'demo-section-chief', displayName: '総務課長 三郎（デモ）', departmentCode: 'general-affairs-somu', roles: ['STAFF', 'SECURITY_MANAGER'] },
  { loginId: 'demo-director', displayName: '総務部長 四郎（デモ）', departmentCode: 'general-affairs', roles: ['STAFF', 'SECURITY_RESPONSIBLE'] },
  { loginId: 'demo-ciso', displayName: '最高情報セキュリティ責任者（デモ）', departmentCode: 'policy', roles: ['STAFF', 'CISO'] },
] as const;

/** The demo's history: 総務課 次郎 acknowledged the sample standard's first revision, so its second asks with a 新旧対照表. */
const DEMO_ACKNOWLEDGMENTS = [{ loginId: 'demo-staff-somu', slug: 'sample-standard', number: 1 }] as const;

export interface TSeedResult {
  departments: number;
  revisionsCreated: number;
  revisionsUnchanged: number;
  demoAccounts: number;
}

export async function seedDatabase(options: { samples?: boolean; demoAccounts?: boolean } = {}): Promise<TSeedResult> {
  const result: TSeedResult = { departments: 0, revisionsCreated: 0, revisionsUnchanged: 0, demoAccounts: 0 };
  for (const [index, department] of DEPARTMENTS.entries()) {
    const parentId = department.parentCode ? (await db().department.findUniqueOrThrow({ where: { code: department.parentCode }, select: { id: true } })).id : null;
    await db().department.upsert({
      where: { code: department.code },
      create: { code: department.code, name: department.name, kind: department.kind ?? 'BU', parentId, sortOrder: index },
      update: {},
    });
    result.departments += 1;
  }

  const count = (r: { created: boolean }) => (r.created ? (result.revisionsCreated += 1) : (result.revisionsUnchanged += 1));

  count(
    await unsafeImportRevision({
      slug: BASIC_POLICY.slug,
      kind: 'BASIC_POLICY',
      visibility: 'PUBLIC',
      departmentCode: BASIC_POLICY.departmentCode,
      text: await readFile(path.join(SEED_DIR, BASIC_POLICY.file), 'utf8'),
    }),
  );

  if (options.samples ?? true) {
    const manifest = ZManifest.parse(JSON.parse(await readFile(path.join(SEED_DIR, 'samples', 'manifest.json'), 'utf8')));
    for (const [index, doc] of manifest.documents.entries()) {
      const texts = await Promise.all(doc.revisions.map((revision) => readFile(path.join(SEED_DIR, 'samples', revision.file), 'utf8')));
      const excerpts = sampleExcerpts(doc.revisions, texts, doc.publicExcerptAnchors);
      for (const [i, revision] of doc.revisions.entries()) {
        count(
          await unsafeImportRevision({
            slug: doc.slug,
            kind: doc.kind,
            title: doc.title,
            visibility: doc.visibility,
            parentSlug: doc.parentSlug,
            departmentCode: doc.departmentCode,
            sortOrder: index,
            text: texts[i]!,
            effectiveDate: revision.effectiveDate,
            changeReason: revision.changeReason,
            publicExcerptAnchors: excerpts[i],
          }),
        );
      }
      await seedGrants(doc.slug, doc.grants);
    }
  }

  if (options.demoAccounts) result.demoAccounts = await seedDemoAccounts();
  return result;
}

async function seedGrants(slug: string, grants: { departmentCode: string }[]): Promise<void> {
  const document = await db().document.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  for (const grant of grants) {
    const department = await db().department.findUniqueOrThrow({ where: { code: grant.departmentCode }, select: { id: true } });
    const exists = await db().documentGrant.findFirst({ where: { documentId: document.id, departmentId: department.id } });
    if (!exists) await db().documentGrant.create({ data: { documentId: document.id, departmentId: department.id } });
  }
}

/**
 * The sample's excerpts name articles of the revision in force (or, if none is yet, the latest).
 * Other revisions get an anchor only where they hold exactly the same article under it, as the
 * migration that moved the excerpts onto revisions does: never another article with that number.
 * Given when each revision is created: an approved revision never changes afterwards.
 */
function sampleExcerpts(revisions: { effectiveDate: string }[], texts: string[], anchors: string[]): string[][] {
  if (anchors.length === 0) return revisions.map(() => []);
  const articles = texts.map((text) => {
    const parsed = parseDeepText(text);
    const found: TNode[] = [];
    if (parsed.ok) walkNodes({ ...parsed.tree, tail: [] }, (node) => node.kind === 'article' && found.push(node));
    return new Map(found.map((a) => [a.id, JSON.stringify(a)]));
  });
  const today = todayInJapan();
  const inForce = revisions.findLastIndex((r) => r.effectiveDate <= today);
  const marked = articles[inForce === -1 ? revisions.length - 1 : inForce]!;
  return articles.map((own) => sortAnchors(anchors.filter((anchor) => marked.has(anchor) && own.get(anchor) === marked.get(anchor))));
}

/** Creates the demo accounts that are missing; never changes an existing account. */
async function seedDemoAccounts(): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const department = await db().department.findUniqueOrThrow({ where: { code: account.departmentCode }, select: { id: true } });
    const existing = await db().user.findUnique({ where: { loginId: account.loginId }, select: { id: true } });
    if (existing) continue;
    await db().user.create({
      data: { loginId: account.loginId, displayName: account.displayName, departmentId: department.id, roles: [...account.roles], passwordHash },
    });
    created += 1;
  }
  for (const ack of DEMO_ACKNOWLEDGMENTS) {
    const user = await db().user.findUniqueOrThrow({ where: { loginId: ack.loginId }, select: { id: true, departmentId: true, department: { select: { name: true } } } });
    const revision = await db().revision.findFirst({ where: { document: { slug: ack.slug }, number: ack.number, status: 'APPROVED' }, select: { id: true, documentId: true, effectiveDate: true } });
    if (!revision?.effectiveDate) continue;
    await db().acknowledgment.createMany({
      data: [{ userId: user.id, revisionId: revision.id, documentId: revision.documentId, effectiveDate: revision.effectiveDate, departmentId: user.departmentId, departmentName: user.department?.name ?? null }],
      skipDuplicates: true,
    });
  }
  return created;
}
