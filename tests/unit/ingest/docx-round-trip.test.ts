import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocx } from '@/lib/ingest/import-docx';
import { readDocx } from '@/lib/ingest/docx/read-docx';
import { revisionToDocx } from '@/lib/policy-text-export/docx';
import { DEEP_FIXTURES, deepFixture, parseOrThrow } from '../policy-text/deep/helpers';
import { ingestFixture, okOrThrow } from './helpers';

describe('revisionToDocx → importDocx gives the same tree', () => {
  const names = readdirSync(DEEP_FIXTURES).filter((name) => name.endsWith('.txt'));

  it('covers the whole deep corpus', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
  });

  it.each(names)('%s', async (name) => {
    const tree = parseOrThrow(deepFixture(name));
    const back = okOrThrow(importDocx(new Uint8Array(await revisionToDocx(tree))));
    expect(back.tree).toEqual(tree);
  });

  it('keeps merged cells (rowspan) of a Word table through a second round', async () => {
    const first = okOrThrow(importDocx(ingestFixture('standard.docx'))).tree;
    const second = okOrThrow(importDocx(new Uint8Array(await revisionToDocx(first)))).tree;
    expect(second).toEqual(first);
  });
});

describe('revisionToDocx lays the text out like a 例規', async () => {
  const tree = parseOrThrow(
    [
      '○○市情報セキュリティ対策基準',
      '令和6年3月29日訓令第5号',
      '第1章　総則',
      '（目的）',
      '第1条　この基準は、対策の基準を定める。',
      '２　前項の基準は、毎年度見直す。',
      '(1)　見直しの時期',
      'ア　4月',
      '(ア)　第1週',
      '附則',
      'この基準は、令和6年4月1日から施行する。',
      '別表（第1条関係）',
      '|区分|内容|',
      '|---|---|',
      '|ログ|1年|',
    ].join('\n'),
  );
  const blocks = readDocx(new Uint8Array(await revisionToDocx(tree, { creator: '○○市' })));
  const layout = blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.indent, b.centered] : ['<table>', b.rows.length]));

  it('centres the title and the chapter, puts the 見出し on its own line and hangs each level one character deeper', () => {
    expect(layout).toEqual([
      ['○○市情報セキュリティ対策基準', 0, true],
      ['令和6年3月29日訓令第5号', 0, false],
      ['第1章\u3000総則', 0, true],
      ['（目的）', 210, false],
      ['第1条\u3000この基準は、対策の基準を定める。', 210, false],
      ['２\u3000前項の基準は、毎年度見直す。', 210, false],
      ['(1)\u3000見直しの時期', 420, false],
      ['ア\u30004月', 630, false],
      ['(ア)\u3000第1週', 840, false],
      ['附則', 630, false],
      ['この基準は、令和6年4月1日から施行する。', 0, false],
      ['別表（第1条関係）', 0, false],
      ['<table>', 2],
    ]);
  });

  it('marks the table’s header row as a Word header row', () => {
    const table = blocks.at(-1);
    expect(table?.kind === 'table' && table.rows.map((r) => [r.header, r.grid])).toEqual([
      [true, ['区分', '内容']],
      [false, ['ログ', '1年']],
    ]);
  });
});
