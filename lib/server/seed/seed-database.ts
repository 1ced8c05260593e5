import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { DOCUMENT_KINDS, VISIBILITIES } from '@/lib/server/documents/types';

/*
 * The seed: the organisational units of 第３ of the basic policy, the city's real basic policy,
 * and the illustrative サンプル standards and procedures. Idempotent: departments are upserted
 * and every text goes through the importer, which stores an unchanged text only once.
 */

const SEED_DIR = path.join(process.cwd(), 'prisma', 'seed-data');

export const DEPARTMENTS = [
  { code: 'policy', name: '政策総務部' },
  { code: 'general-affairs', name: '総務部' },
  { code: 'finance', name: '財務部' },
  { code: 'citizens', name: '市民部' },
  { code: 'welfare', name: '福祉保健部' },
  { code: 'accounting', name: '会計課' },
  { code: 'education', name: '教育委員会事務局' },
  { code: 'election', name: '選挙管理委員会事務局' },
  { code: 'audit-office', name: '監査事務局' },
  { code: 'agriculture', name: '農業委員会事務局' },
  { code: 'assembly', name: '議会事務局' },
] as const;

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
    }),
  ),
});

export interface TSeedResult {
  departments: number;
  revisionsCreated: number;
  revisionsUnchanged: number;
}

export async function seedDatabase(options: { samples?: boolean } = {}): Promise<TSeedResult> {
  const result: TSeedResult = { departments: 0, revisionsCreated: 0, revisionsUnchanged: 0 };
  for (const [index, department] of DEPARTMENTS.entries()) {
    await db().department.upsert({
      where: { code: department.code },
      create: { ...department, sortOrder: index },
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
      for (const revision of doc.revisions) {
        count(
          await unsafeImportRevision({
            slug: doc.slug,
            kind: doc.kind,
            title: doc.title,
            visibility: doc.visibility,
            parentSlug: doc.parentSlug,
            departmentCode: doc.departmentCode,
            sortOrder: index,
            text: await readFile(path.join(SEED_DIR, 'samples', revision.file), 'utf8'),
            effectiveDate: revision.effectiveDate,
            changeReason: revision.changeReason,
          }),
        );
      }
    }
  }
  return result;
}
