/*
 * A text six levels of 細分 deep (and deeper: tests/fixtures/deep/01-ten-levels.txt) through the
 * whole workflow: imported, drafted from, amended at depth 6, submitted and approved. The stored
 * content keeps every level and every anchor at each step (issue 16).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import { DEEP_TREE_VERSION, type TDeepTree, type TNode, ZDeepTree, collectAnchors, walkNodes } from '@/lib/policy-text/deep/tree';
import { setClockForTests } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { unsafeImportRevision } from '@/lib/server/documents/import-revision';
import { approveRevision } from '@/lib/server/workflow/approve-revision';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { submitRevision } from '@/lib/server/workflow/submit-revision';
import { getDraftEditor } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';
import { deepFixture } from '../unit/policy-text/deep/helpers';

const SLUG = 'deep-procurement-procedure';
const SIX_DEEP = 'a3-i1-s1-s1-s1-s1-s1-s1';

const stored = async (number: number) => {
  const row = await db().revision.findFirstOrThrow({ where: { document: { slug: SLUG }, number }, select: { content: true, plainText: true, contentHash: true, status: true } });
  expect((row.content as { version?: number }).version).toBe(DEEP_TREE_VERSION);
  return { ...row, tree: ZDeepTree.parse(row.content) };
};

function nodeById(tree: TDeepTree, id: string): TNode {
  let found: TNode | undefined;
  walkNodes(tree, (node) => {
    if (node.id === id) found = node;
  });
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function maxDepth(tree: TDeepTree): number {
  let depth = 0;
  walkNodes(tree, (node) => {
    depth = Math.max(depth, node.depth ?? 0);
  });
  return depth;
}

/** The stored tree is exactly what the parser reads from the stored text: nothing dropped on the way. */
function expectReadsBack(tree: TDeepTree, plainText: string): void {
  const reparsed = parseDeepText(plainText);
  expect(reparsed.ok).toBe(true);
  expect((reparsed as { tree: TDeepTree }).tree).toEqual(tree);
  expect(serializeDeepTree(tree)).toBe(plainText);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await db().user.create({ data: { loginId: 'deep-editor', displayName: '深層 編集者', roles: ['STAFF', 'EDITOR'] } });
  await db().user.create({ data: { loginId: 'deep-approver', displayName: '深層 承認者', roles: ['STAFF', 'APPROVER'] } });
  setClockForTests(new Date('2026-11-26T03:00:00Z'));
});
afterAll(() => setClockForTests(null));

describe('a text ten levels deep through import, draft, submit and approval', () => {
  const source = deepFixture('01-ten-levels.txt');
  const parsed = parseDeepText(source);
  if (!parsed.ok) throw new Error('fixture does not parse');
  const anchors = collectAnchors(parsed.tree);

  it('is stored at full depth on import, and the same text imported again is recognised', async () => {
    const imported = await unsafeImportRevision({ slug: SLUG, kind: 'PROCEDURE', visibility: 'STAFF', text: source });
    expect(imported).toMatchObject({ created: true, revisionNumber: 1, effectiveDate: '2023-04-01' });
    const first = await stored(1);
    expect(maxDepth(first.tree)).toBe(10);
    expect(collectAnchors(first.tree)).toEqual(anchors);
    expect(nodeById(first.tree, SIX_DEEP)).toMatchObject({ label: '(ⅰ)', depth: 6, sentences: ['範囲は、情報システム管理者が定める。'] });
    expect(first.contentHash).toBe(sha256(first.plainText));
    expectReadsBack(first.tree, first.plainText);
    // with other line breaks and a BOM-less CRLF file, it is the same text
    expect(await unsafeImportRevision({ slug: SLUG, kind: 'PROCEDURE', text: source.replace(/\n/g, '\r\n') })).toMatchObject({ created: false, revisionNumber: 1 });
  });

  it('keeps every level through the draft, a change six levels down, submission and approval', async () => {
    await signInAs('deep-editor');
    const { number } = await startDraft({ slug: SLUG });
    const draft = await stored(number);
    expect(draft.tree).toEqual((await stored(1)).tree);
    const editor = (await getDraftEditor(SLUG))!;
    expect(editor.text).toBe(serializeDeepTree(draft.tree));
    const amended = editor.text.replace('範囲は、情報システム管理者が定める。', '範囲は、情報システム管理者が文書で定める。');
    expect(amended).not.toBe(editor.text);
    await saveDraft({ slug: SLUG, number, baseVersion: editor.version, text: amended });
    await submitRevision({ slug: SLUG, number, changeReason: '範囲の定め方の明確化', effectiveDate: '2027-04-01' });
    const submitted = await stored(number);
    expect(submitted.status).toBe('IN_REVIEW');
    expect(collectAnchors(submitted.tree)).toEqual(anchors);
    expect(nodeById(submitted.tree, SIX_DEEP).sentences).toEqual(['範囲は、情報システム管理者が文書で定める。']);

    await signInAs('deep-approver');
    expect(await approveRevision({ slug: SLUG, number, comment: '承認します。', effectiveDate: '2027-04-01' })).toEqual({ approved: true, approvals: 1, required: 1 });
    const approved = await stored(number);
    expect(approved.status).toBe('APPROVED');
    expect(maxDepth(approved.tree)).toBe(10);
    expect(collectAnchors(approved.tree).sort()).toEqual([...anchors, 'sp2', 'sp2-p1'].sort());
    expect(nodeById(approved.tree, SIX_DEEP)).toMatchObject({ label: '(ⅰ)', depth: 6, sentences: ['範囲は、情報システム管理者が文書で定める。'] });
    expect(nodeById(approved.tree, 'a3-i1-s1-s1-s1-s1-s1-s1-s1-s1-s1-s2')).toMatchObject({ label: '②', depth: 10 });
    // the approval's 附則 is part of the deep tree exactly as the parser reads it back
    expect(approved.tree.tail.at(-1)).toMatchObject({ kind: 'supplementary', id: 'sp2', label: '附則', effectiveDate: '2027-04-01' });
    expect(approved.plainText).toContain('この手順は、令和9年4月1日から施行する。');
    expect(approved.contentHash).toBe(sha256(approved.plainText));
    expectReadsBack(approved.tree, approved.plainText);
  });

  it('refuses to submit a draft text that does not parse, naming the line, and stores nothing', async () => {
    await signInAs('deep-editor');
    const { number } = await startDraft({ slug: SLUG });
    const editor = (await getDraftEditor(SLUG))!;
    await saveDraft({ slug: SLUG, number, baseVersion: editor.version, text: '調達手順\n本文を書き直している途中です。\n' });
    const before = await stored(number);
    await expect(submitRevision({ slug: SLUG, number, changeReason: '全部改正', effectiveDate: '2027-10-01' })).rejects.toMatchObject({ code: 'PARSE_FAILED', message: expect.stringMatching(/^1行目: 条・号が見つかりません/) });
    const after = await stored(number);
    expect(after.status).toBe('DRAFT');
    expect(after.tree).toEqual(before.tree);
  });
});
