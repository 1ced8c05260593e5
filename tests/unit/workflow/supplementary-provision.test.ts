import { describe, expect, it } from 'vitest';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import { withSupplementaryProvision } from '@/lib/server/workflow/approve-revision';
import { deepFixture, parseOrThrow } from '../policy-text/deep/helpers';

/** The approval's 附則 must be what the parser reads back from the approved text: anchors included. */
function expectReadsBack(tree: TDeepTree): string {
  const text = serializeDeepTree(tree);
  const parsed = parseDeepText(text);
  expect(parsed.ok).toBe(true);
  expect((parsed as { tree: TDeepTree }).tree).toEqual(tree);
  return text;
}

describe('withSupplementaryProvision (the 附則 an approval adds)', () => {
  it('goes after the last 附則, with the next anchor, and reads back as it is stored', () => {
    const tree = withSupplementaryProvision(parseOrThrow(deepFixture('01-ten-levels.txt')), 'PROCEDURE', '2027-04-01');
    expect(tree.tail.map((u) => u.id)).toEqual(['sp1', 'sp2']);
    expect(expectReadsBack(tree)).toMatch(/附則\n　?この手順は、令和9年4月1日から施行する。\n$/);
  });

  it('stands before a 別表 that followed the last 附則, and first in the tail when there is none', () => {
    const base = parseOrThrow('○○基準\n第1条　この基準は、情報資産の分類を定める。\n附則\nこの基準は、令和5年4月1日から施行する。\n別表第1（第1条関係）\n|区分|内容|\n|---|---|\n|重要|暗号化する|\n');
    const amended = withSupplementaryProvision(base, 'STANDARD', '2027-04-01');
    expect(amended.tail.map((u) => [u.kind, u.id])).toEqual([
      ['supplementary', 'sp1'],
      ['supplementary', 'sp2'],
      ['appendix', 'annex1'],
    ]);
    expectReadsBack(amended);
    const none = withSupplementaryProvision({ ...base, tail: base.tail.filter((u) => u.kind === 'appendix') }, 'STANDARD', '2027-04-01');
    expect(none.tail.map((u) => u.id)).toEqual(['sp1', 'annex1']);
    expect(none.tail[0]).toMatchObject({ label: '付則', effectiveDate: '2027-04-01' });
  });
});
