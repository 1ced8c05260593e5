import { describe, expect, it } from 'vitest';
import { diffConflict, type TConflictSpan } from '@/components/editor/conflict-diff';

const text = (spans: TConflictSpan[]) => spans.map((s) => s.text).join('');
const marked = (spans: TConflictSpan[]) => spans.filter((s) => s.differs).map((s) => s.text);

const ARTICLES = Array.from({ length: 40 }, (_, i) => `第${i + 1}条（見出し${i + 1}）\nこの条は、第${i + 1}の事項について定める。`).join('\n');

describe('diffConflict', () => {
  it('gives each side back exactly, and marks nothing when the texts are equal', () => {
    const result = diffConflict(ARTICLES, ARTICLES);
    expect(text(result.theirs)).toBe(ARTICLES);
    expect(text(result.mine)).toBe(ARTICLES);
    expect(result.places).toBe(0);
    expect(marked(result.mine)).toEqual([]);
  });

  it('marks only the changed characters of one line in a long text', () => {
    const mine = ARTICLES.replace('第7の事項', '第七の事項');
    const result = diffConflict(ARTICLES, mine);
    expect(text(result.theirs)).toBe(ARTICLES);
    expect(text(result.mine)).toBe(mine);
    expect(marked(result.theirs)).toEqual(['7']);
    expect(marked(result.mine)).toEqual(['七']);
    expect(result.places).toBe(1);
  });

  it('marks an added line on one side only, and counts separate places', () => {
    const theirs = ARTICLES.replace('第3の事項について定める。', '第3の事項について定める。\n２　追加した項。');
    const mine = ARTICLES.replace('第30の事項', '第三十の事項');
    const result = diffConflict(theirs, mine);
    expect(text(result.theirs)).toBe(theirs);
    expect(text(result.mine)).toBe(mine);
    expect(marked(result.theirs).join('')).toContain('２　追加した項。');
    expect(marked(result.mine).join('')).toContain('三十');
    expect(marked(result.mine).join('')).not.toContain('追加した項');
    expect(result.places).toBe(2);
  });

  it('counts two changes two lines apart as two places', () => {
    const mine = ARTICLES.replace('第5の事項', '第五の事項').replace('第6の事項', '第六の事項');
    expect(diffConflict(ARTICLES, mine).places).toBe(2);
  });

  it('keeps surrogate pairs and combining marks whole', () => {
    const result = diffConflict('𠮷野家の規程\n次の行', '吉野家の規程\n次の行');
    expect(marked(result.theirs)).toEqual(['𠮷']);
    expect(marked(result.mine)).toEqual(['吉']);
  });

  it('handles an empty side', () => {
    const result = diffConflict('', '第1条\n本文');
    expect(text(result.mine)).toBe('第1条\n本文');
    expect(marked(result.mine)).toEqual(['第1条\n本文']);
    expect(result.theirs).toEqual([]);
  });
});
