/*
 * 文書を取り込む and ファイルから改正案を作る through the data access layer, as the people who use
 * them: a file is read (and only its facts recorded), the text becomes a DRAFT through the normal
 * write paths, and every refused file or person leaves no document or revision behind.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { DalError } from '@/lib/domain/errors';
import { createDocumentFromFile, startDraftFromFile } from '@/lib/server/ingest/create-from-file';
import { readPolicyFile } from '@/lib/server/ingest/read-policy-file';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { walkNodes } from '@/lib/policy-text/deep/tree';
import { signInAs } from '../support/as-user';

const FIXTURES = 'tests/fixtures/ingest';
const AMEND_SLUG = 'sample-procedure-password';

async function fixture(name: string, type = ''): Promise<File> {
  return new File([await readFile(`${FIXTURES}/${name}`)], name, { type });
}

async function rowCounts() {
  const [documents, revisions] = await Promise.all([db().document.count(), db().revision.count()]);
  return { documents, revisions };
}

const NEW_DOCUMENT = { slug: 'imported-standard', kind: 'STANDARD', title: '○○市情報セキュリティ対策基準', visibility: 'STAFF', requiredApprovals: '1', reviewIntervalMonths: '12' };

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

describe('reading an uploaded file', () => {
  it('refuses a staff member who may not draft, and stores nothing', async () => {
    await signInAs('demo-staff');
    const before = await rowCounts();
    await expect(readPolicyFile({ file: await fixture('standard.docx') })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(readPolicyFile({ slug: AMEND_SLUG, file: await fixture('standard.docx') })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await rowCounts()).toEqual(before);
    // The refusals are recorded after the response, in their own transactions.
    await expect
      .poll(() => db().auditEvent.findMany({ where: { action: 'draft.file-read', outcome: 'DENIED', actorLoginId: 'demo-staff' }, select: { targetId: true } }))
      .toEqual(expect.arrayContaining([{ targetId: 'new' }, { targetId: AMEND_SLUG }]));
  });

  it('refuses an approver (no draft permission) too', async () => {
    await signInAs('demo-approver');
    await expect(readPolicyFile({ slug: AMEND_SLUG, file: await fixture('standard.docx') })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect.poll(() => db().auditEvent.count({ where: { action: 'draft.file-read', outcome: 'DENIED', actorLoginId: 'demo-approver' } })).toBe(1);
  });

  const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const refusals: { name: string; file: () => Promise<File>; code: string; message: RegExp }[] = [
    { name: 'a scanned PDF (no text layer)', file: () => fixture('scanned.pdf', 'application/pdf'), code: 'NO_TEXT_LAYER', message: /文字の情報がありません/ },
    { name: 'an encrypted PDF', file: () => fixture('encrypted.pdf'), code: 'ENCRYPTED_PDF', message: /パスワードが設定されている/ },
    { name: 'a broken PDF', file: () => fixture('broken.pdf'), code: 'BROKEN_PDF', message: /PDF ファイルが壊れている/ },
    { name: 'a broken Word file', file: () => fixture('broken.docx'), code: 'BROKEN_DOCX', message: /Word ファイルが壊れている/ },
    { name: 'an old .doc named .docx', file: async () => new File([OLE], '規程.docx'), code: 'LEGACY_DOC', message: /古い形式の Word ファイル/ },
    { name: 'an image named .pdf', file: async () => new File([PNG], 'scan.pdf', { type: 'application/pdf' }), code: 'UNSUPPORTED', message: /形式には対応していません/ },
    { name: 'an empty file', file: async () => new File([], 'empty.txt'), code: 'EMPTY', message: /ファイルが空です/ },
    { name: 'a file over the limit', file: async () => new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.txt'), code: 'TOO_LARGE', message: /ファイルが大きすぎます。10MB以下/ },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} with a Japanese message, stores nothing and records the file's facts`, async () => {
      await signInAs('demo-editor');
      const before = await rowCounts();
      const file = await refusal.file();
      const error = await readPolicyFile({ file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DalError);
      expect((error as DalError).message).toMatch(refusal.message);
      expect(await rowCounts()).toEqual(before);
      const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'draft.file-read' }, orderBy: { seq: 'desc' } });
      expect(event).toMatchObject({ outcome: 'FAILED', actorLoginId: 'demo-editor', targetId: 'new' });
      expect(event.details).toMatchObject({ code: refusal.code, file: { name: file.name, size: file.size } });
    });
  }

  it('reads a Word file into text with its warnings at their lines, recording name, size, type and hash only', async () => {
    await signInAs('demo-editor');
    const file = await fixture('standard.docx', 'application/octet-stream');
    const before = await rowCounts();
    const preview = await readPolicyFile({ file });
    expect(await rowCounts()).toEqual(before);
    expect(preview.file).toEqual({ name: 'standard.docx', size: file.size, kind: 'docx', sha256: createHash('sha256').update(new Uint8Array(await file.arrayBuffer())).digest('hex') });
    expect(preview.title).toBe('○○市情報セキュリティ対策基準');
    // Word numbered these itself: the labels are written out
    expect(preview.text).toContain('(イ)　監査の指示\na　内部監査\n');
    const merged = preview.warnings.find((w) => /結合されたセル/.test(w.message));
    expect(merged?.where).toMatch(/Word の表2/);
    expect(preview.text.split('\n')[merged!.line - 1]).toMatch(/^\|/);
    const event = await db().auditEvent.findFirstOrThrow({ where: { seq: BigInt(preview.receipt) } });
    expect(event).toMatchObject({ action: 'draft.file-read', outcome: 'SUCCESS', actorLoginId: 'demo-editor' });
    expect(event.details).toMatchObject({ file: { ...preview.file, declaredType: 'application/octet-stream' } });
    expect(JSON.stringify(event.details)).not.toContain('情報資産');
  });
});

describe('the imported text becomes a draft, never an approved revision', () => {
  it('a Word file with automatic numbering becomes a new document whose first draft keeps every level', async () => {
    await signInAs('demo-editor');
    const preview = await readPolicyFile({ file: await fixture('standard.docx') });
    const fixed = preview.text.replace('副市長をもって充てる。', '副市長をもって充てる（取込み時に修正）。');
    const created = await createDocumentFromFile({ ...NEW_DOCUMENT, receipt: preview.receipt, text: fixed.replace(/\n/g, '\r\n') });
    expect(created).toEqual({ slug: 'imported-standard', number: 1 });

    const document = await db().document.findUniqueOrThrow({ where: { slug: 'imported-standard' }, include: { revisions: true } });
    expect(document.revisions).toHaveLength(1);
    const draft = document.revisions[0]!;
    expect(draft.status).toBe('DRAFT');
    expect(draft.draftText).toBe(fixed);
    const parsed = parseDeepText(draft.draftText!);
    expect(parsed.ok).toBe(true);
    const depths = new Map<string, number>();
    if (parsed.ok) walkNodes(parsed.tree, (node) => depths.set(node.label + node.sentences[0], node.depth ?? 0));
    expect(depths.get('a内部監査')).toBe(3);
    expect(depths.get('(イ)監査の指示')).toBe(2);

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'document.import', targetId: 'imported-standard' } });
    expect(event.details).toMatchObject({ importedFile: { name: 'standard.docx', kind: 'docx', sha256: preview.file.sha256, readEvent: preview.receipt } });

    // The normal workflow follows: submitted, it waits for approval.
    await submitRevision({ slug: 'imported-standard', number: 1, changeReason: '既存の対策基準の取込み', effectiveDate: '2027-04-01' });
    const submitted = await db().revision.findFirstOrThrow({ where: { documentId: document.id, number: 1 } });
    expect(submitted.status).toBe('IN_REVIEW');
  });

  it('an existing document gets a draft based on the last revision of its chain', async () => {
    await signInAs('demo-editor');
    const document = await db().document.findUniqueOrThrow({ where: { slug: AMEND_SLUG }, select: { id: true } });
    const last = await db().revision.findFirstOrThrow({ where: { documentId: document.id, status: 'APPROVED' }, orderBy: { effectiveDate: 'desc' } });
    const preview = await readPolicyFile({ slug: AMEND_SLUG, file: await fixture('procedure.pdf') });
    expect(preview.file.kind).toBe('pdf');
    expect(preview.warnings.map((w) => w.message).join()).toMatch(/ページ番号/);

    const before = await rowCounts();
    const started = await startDraftFromFile({ slug: AMEND_SLUG, receipt: preview.receipt, text: preview.text });
    expect(await rowCounts()).toEqual({ ...before, revisions: before.revisions + 1 });
    const draft = await db().revision.findFirstOrThrow({ where: { documentId: document.id, number: started.number } });
    expect(draft).toMatchObject({ status: 'DRAFT', baseRevisionId: last.id, draftText: preview.text, isAbolition: false });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'draft.import', targetId: AMEND_SLUG }, orderBy: { seq: 'desc' } });
    expect(event.details).toMatchObject({ revision: started.number, baseRevision: last.number, importedFile: { name: 'procedure.pdf', sha256: preview.file.sha256 } });

    // One draft per document: a second import is refused while this one is open, before reading the file.
    const during = await rowCounts();
    await expect(readPolicyFile({ slug: AMEND_SLUG, file: await fixture('procedure.pdf') })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(startDraftFromFile({ slug: AMEND_SLUG, receipt: preview.receipt, text: preview.text })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await rowCounts()).toEqual(during);
  });

  it('a receipt names the read of this person for this target; anything else is refused and stores nothing', async () => {
    await signInAs('demo-editor');
    const forNew = await readPolicyFile({ file: await fixture('standard.docx') });
    const before = await rowCounts();
    // a read for a new document does not make a draft of another document
    await expect(startDraftFromFile({ slug: 'sample-standard', receipt: forNew.receipt, text: forNew.text })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // a receipt that is not a file read
    const other = await db().auditEvent.findFirstOrThrow({ where: { NOT: { action: 'draft.file-read' } }, orderBy: { seq: 'desc' } });
    await expect(createDocumentFromFile({ ...NEW_DOCUMENT, slug: 'forged-receipt', receipt: other.seq.toString(), text: forNew.text })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // another editor cannot use this editor's read
    await db().user.create({ data: { loginId: 'editor-2', displayName: '別の編集者', roles: ['STAFF', 'EDITOR'], passwordHash: null } });
    await signInAs('editor-2');
    await expect(createDocumentFromFile({ ...NEW_DOCUMENT, slug: 'someone-elses', receipt: forNew.receipt, text: forNew.text })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // a staff member cannot create a draft with any receipt
    await signInAs('demo-staff');
    await expect(createDocumentFromFile({ ...NEW_DOCUMENT, slug: 'staff-import', receipt: forNew.receipt, text: forNew.text })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await rowCounts()).toEqual(before);
    await expect.poll(() => db().auditEvent.count({ where: { outcome: 'DENIED', actorLoginId: 'demo-staff', targetId: 'new' } })).toBeGreaterThan(1);
  });
});
