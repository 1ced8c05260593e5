import { describe, expect, it } from 'vitest';
import { parseOrThrow } from './helpers';

const STYLES = [
  { name: '第１', label: (n: number) => `第${'０１２３'.charAt(n)}` },
  { name: '第1条', label: (n: number) => `第${n}条` },
  { name: '1 目的', label: (n: number) => `${n}` },
  { name: '1. 目的', label: (n: number) => `${n}.` },
  { name: '１　目的', label: (n: number) => '０１２３'.charAt(n) },
  { name: '(1) 目的', label: (n: number) => `(${n})` },
];

function text(label: (n: number) => string, captionAbove: boolean, toc: boolean): string {
  const unit = (n: number, caption: string, body: string[]): string[] =>
    captionAbove ? [`（${caption}）`, `${label(n)}\u3000${body[0]}`, ...body.slice(1)] : [`${label(n)}\u3000${caption}`, ...body.map((b, i) => (i === 0 ? `\u3000${b}` : b))];
  return [
    '○○市情報セキュリティ実施手順',
    ...(toc ? ['目次', `${label(1)}\u3000目的`, `${label(2)}\u3000遵守事項`, `${label(3)}\u3000報告`] : []),
    ...unit(1, '目的', ['この手順は、情報資産の取扱いについて定める。']),
    ...unit(2, '遵守事項', ['職員は、次の事項を守らなければならない。', 'ア　端末を施錠すること。', 'イ　次のとおり管理すること。', '(ア)　台帳に記録すること。']),
    ...unit(3, '報告', ['事故は、直ちに報告すること。']),
    '附則',
    'この手順は、令和6年4月1日から施行する。',
  ].join('\n');
}

describe.each(STYLES)('top-level units numbered $name', ({ label }) => {
  it.each([
    ['caption on the same line', false, false],
    ['caption on the line above', true, false],
    ['caption on the same line, with a 目次', false, true],
    ['caption on the line above, with a 目次', true, true],
  ])('%s', (_name, captionAbove, toc) => {
    const tree = parseOrThrow(text(label, captionAbove as boolean, toc as boolean));
    expect(tree.toc).toHaveLength(toc ? 3 : 0);
    expect(tree.body.map((n) => [n.kind, n.id, n.label, n.caption])).toEqual([
      ['article', 'a1', label(1), '目的'],
      ['article', 'a2', label(2), '遵守事項'],
      ['article', 'a3', label(3), '報告'],
    ]);
    const second = tree.body[1];
    expect(second?.children[0]?.sentences).toEqual(['職員は、次の事項を守らなければならない。']);
    const items = second?.children[0]?.children ?? [];
    expect(items.map((i) => [i.id, i.label, i.children.map((s) => s.id)])).toEqual([
      ['a2-i1', 'ア', []],
      ['a2-i2', 'イ', ['a2-i2-s1']],
    ]);
  });
});
