/*
 * A real save conflict: the same editor has one draft open in two browsers; the first saves a
 * change, the second saves another change on the old version and gets the conflict panel, which
 * shows both texts with exactly the differing characters marked (underlined, with the marked
 * parts' start and end said to screen readers), usable by keyboard and clean under axe.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { actionResult, postAction } from './support/actions';
import { apiContextAs } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

const RUN = Date.now().toString(36);
const SLUG = `conflict-${RUN}`;
const BODY = [
  '第1条（目的）',
  'この手順は、可搬記憶媒体の取扱いについて定める。',
  '第2条（管理）',
  '可搬記憶媒体は、施錠できる場所に保管する。',
  '第3条（廃棄）',
  '不要となった可搬記憶媒体は、物理的に破壊して廃棄する。',
].join('\n');

let editor: APIRequestContext;

test.beforeAll(async () => {
  editor = await apiContextAs('demo-editor');
  const ok = async (response: Awaited<ReturnType<typeof postAction>>) => expect(await actionResult(response)).toMatchObject({ ok: true });
  await ok(await postAction(editor, 'createDocumentAction', { slug: SLUG, kind: 'PROCEDURE', title: `競合確認用手順（${RUN}）`, parentSlug: '', departmentCode: 'general-affairs', visibility: 'STAFF', requiredApprovals: '1', reviewIntervalMonths: '12' }));
  await ok(await postAction(editor, 'saveDraftAction', { slug: SLUG, number: '1', baseVersion: '1', text: BODY }, { slug: SLUG }));
});

test.afterAll(async () => {
  await postAction(editor, 'withdrawRevisionAction', { slug: SLUG, number: '1' }, { slug: SLUG });
  await editor.dispose();
});

test('two editors save the same draft: the panel marks exactly what differs', async ({ browser }) => {
  test.setTimeout(120_000);
  // Two sessions of the same editor (two browsers), signed in as a script would.
  const other = await apiContextAs('demo-editor');
  const [first, second] = await Promise.all([browser.newContext({ storageState: await editor.storageState() }), browser.newContext({ storageState: await other.storageState() })]);
  await other.dispose();
  const a = await first.newPage();
  const b = await second.newPage();
  await a.goto(`/documents/${SLUG}/edit`);
  await b.goto(`/documents/${SLUG}/edit`);
  const bodyA = a.getByLabel('本文', { exact: true });
  const bodyB = b.getByLabel('本文', { exact: true });
  await expect(bodyA).toHaveValue(BODY);
  await expect(bodyB).toHaveValue(BODY);

  // The first saves: 施錠できる場所 → 施錠できる書庫
  await bodyA.fill(BODY.replace('施錠できる場所', '施錠できる書庫'));
  await a.getByRole('button', { name: '保存', exact: true }).click();
  await expect(a.getByText(/保存しました/).first()).toBeVisible();

  // The second, still on the old version, saves another change: 物理的に破壊して → 裁断して
  await bodyB.fill(BODY.replace('物理的に破壊して', '裁断して'));
  await b.getByRole('button', { name: '保存', exact: true }).click();
  const panel = b.locator('section', { has: b.getByRole('heading', { name: '他の人がこの改正案を保存しました' }) });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: '他の人がこの改正案を保存しました' })).toBeFocused();
  await expect(panel).toContainText('違う箇所: 2か所');

  const mine = panel.locator('pre').nth(0);
  const theirs = panel.locator('pre').nth(1);
  await expect(mine).toHaveAccessibleName(/あなたの編集/);
  await expect(theirs).toHaveAccessibleName(/他の人が保存した内容/);
  const marks = (pre: typeof mine) =>
    pre.locator('mark').evaluateAll((nodes) =>
      nodes.map((node) => ({
        // the visible text only: the screen-reader markers are left out here and checked below
        text: [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''),
        underline: getComputedStyle(node).textDecorationLine.includes('underline'),
        said: [...node.querySelectorAll('.sr-only')].map((n) => n.textContent),
      })),
    );
  // The editor's text: their own words marked, and the place where the other person's change is.
  const mineMarks = await marks(mine);
  const theirsMarks = await marks(theirs);
  expect(mineMarks.map((m) => m.text).sort()).toEqual(['場所', '裁断'].sort());
  expect(theirsMarks.map((m) => m.text).sort()).toEqual(['書庫', '物理的に破壊'].sort());
  for (const mark of [...mineMarks, ...theirsMarks]) expect(mark.underline).toBe(true);
  expect(mineMarks[0]!.said).toEqual(['［あなたの編集にだけある部分］', '［ここまで］']);
  expect(theirsMarks[0]!.said).toEqual(['［他の人の内容にだけある部分］', '［ここまで］']);
  // Both texts are there whole, not cut to the differences.
  expect((await mine.evaluate((pre) => [...pre.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join(''))).join('')))).toBe(BODY.replace('物理的に破壊して', '裁断して'));

  await expectNoAxeViolations(b, '保存の競合');

  // Keyboard: from the heading, Tab reaches the editor's text, then the other text, then the choices.
  await b.keyboard.press('Tab');
  await expect(mine).toBeFocused();
  await b.keyboard.press('Tab');
  await expect(theirs).toBeFocused();
  await b.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: '自分の内容で上書きする' })).toBeFocused();

  // Taking the other person's text ends the conflict with their text in the editor.
  await panel.getByRole('button', { name: '相手の内容を採用する' }).click();
  await expect(bodyB).toHaveValue(BODY.replace('施錠できる場所', '施錠できる書庫'));
  await Promise.all([first.close(), second.close()]);
});
