import { type TDocxBlock, type TDocxParagraph, type TDocxTable, DocxReadError, readDocx } from '@/lib/ingest/docx/read-docx';
import { parseIngested } from '@/lib/ingest/parse-ingested';
import type { TIngestResult, TIngestWarning, TSourceMap } from '@/lib/ingest/types';
import { ingestMessages } from '@/lib/messages/ingest';
import { classifyLine } from '@/lib/policy-text/deep/lines';
import type { TDeepTree, TNode, TTable } from '@/lib/policy-text/deep/tree';

/*
 * .docx → the deep parser's text: each Word paragraph one line, the label Word's automatic
 * numbering shows written in front of it (「(1)」「ア」「(ア)」), real tables as | rows with a |---|
 * line under Word's header rows. A paragraph that is neither a heading nor a label starts with a
 * full-width space, so the parser keeps it a paragraph of its own (Word paragraphs are never
 * wrapped lines). Merged cells go back into the tree as colspan/rowspan after parsing.
 */

const SP = '\u3000';
const { warnings: W } = ingestMessages;

function tableKey(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.join('\u0001')).join('\u0002');
}

function safeCell(text: string): { text: string; replaced: boolean } {
  const clean = text.replace(/[\t\r\n]+/g, SP).trim();
  const replaced = /[|｜│┃]/.test(clean);
  return { text: replaced ? clean.replace(/[|｜│┃]/g, '∣') : clean, replaced };
}

function bulletText(label: string): string {
  // symbol-font bullets sit in the private use area
  return label === '' || /[\ue000-\uf8ff]/.test(label) ? '・' : label;
}

/** Interior tabs: a run of two or more paragraphs with the same number of tabs is a tab-aligned table. */
function tabTableParagraphs(blocks: readonly TDocxBlock[]): Set<TDocxParagraph> {
  const keep = new Set<TDocxParagraph>();
  let run: TDocxParagraph[] = [];
  let count = 0;
  const flush = (): void => {
    if (run.length >= 2) run.forEach((p) => keep.add(p));
    run = [];
  };
  for (const block of blocks) {
    const tabs = block.kind === 'paragraph' && !block.numbered ? (block.text.trim().match(/\t+/g) ?? []).length : 0;
    if (tabs === 0 || tabs !== count) flush();
    count = tabs;
    if (tabs > 0) run.push(block as TDocxParagraph);
  }
  flush();
  return keep;
}

interface TAssembly {
  lines: string[];
  where: TSourceMap;
  warnings: TIngestWarning[];
  merged: Map<string, TDocxTable>;
}

function assemble(blocks: readonly TDocxBlock[]): TAssembly {
  const out: TAssembly = { lines: [], where: [], warnings: [], merged: new Map() };
  const tabTables = tabTableParagraphs(blocks);
  const unknownFormats = new Set<string>();
  let lastWasTable = false;
  const push = (line: string, where: string): void => {
    out.lines.push(line);
    out.where.push(where);
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (block.rows.length === 0) continue;
      const where = (row: number): string => W.where.tableRow(block.index, row);
      if (lastWasTable) push('└', where(1));
      const grid: string[][] = [];
      const headers = block.rows.findIndex((row) => !row.header);
      block.rows.forEach((row, r) => {
        const cells = row.grid.map((text) => safeCell(text));
        if (cells.some((c) => c.replaced)) out.warnings.push({ line: out.lines.length + 1, message: W.pipeInCell, where: where(r + 1) });
        grid.push(cells.map((c) => c.text));
        const line = `|${cells.map((c) => c.text).join('|')}|`;
        push(line.length > 2 ? line : '| |', where(r + 1));
        if (headers > 0 && r === headers - 1) push(`|${cells.map(() => '---').join('|')}|`, where(r + 1));
      });
      if (block.merged) {
        out.merged.set(tableKey(grid), block);
        out.warnings.push({ line: out.lines.length - block.rows.length + 1, message: W.mergedCells, where: where(1) });
      }
      lastWasTable = true;
      continue;
    }
    let text = block.text.replace(/^[\s\u3000]+/, '').replace(/[\s\u3000]+$/, '');
    if (!tabTables.has(block)) text = text.replace(/\t+/g, SP);
    const numbered = block.numbered;
    let line = text;
    if (numbered) {
      if (numbered.unknownFormat) unknownFormats.add(numbered.unknownFormat);
      const label = numbered.bullet ? bulletText(numbered.label) : numbered.label;
      if (label !== '') line = numbered.bullet ? `${label}${text}` : `${label}${SP}${text}`;
    }
    if (line === '') continue;
    if (!block.centered && !tabTables.has(block) && classifyLine(line).kind === 'text') line = SP + line;
    push(line, W.where.paragraph(block.index));
    lastWasTable = false;
  }
  for (const format of unknownFormats) out.warnings.push({ line: 1, message: W.unknownNumberFormat(format) });
  return out;
}

function visitTables(tree: TDeepTree, visit: (table: TTable) => void): void {
  const walk = (nodes: readonly TNode[]): void => {
    for (const node of nodes) {
      node.tables.forEach(visit);
      walk(node.children);
    }
  };
  walk(tree.body);
  for (const unit of tree.tail) {
    if (unit.kind === 'appendix') unit.tables.forEach(visit);
    walk(unit.children);
  }
}

/** Merged cells: the parser read a plain grid; the table takes Word's spans back. */
function restoreSpans(tree: TDeepTree, merged: Map<string, TDocxTable>): void {
  if (merged.size === 0) return;
  visitTables(tree, (table) => {
    const source = merged.get(tableKey(table.rows.map((row) => row.cells.map((c) => c.text))));
    if (!source) return;
    table.rows = source.rows.map((row) => ({
      ...(row.header ? { header: true } : {}),
      cells: row.cells.map((cell) => ({
        text: safeCell(cell.text).text,
        ...(cell.colspan ? { colspan: cell.colspan } : {}),
        ...(cell.rowspan ? { rowspan: cell.rowspan } : {}),
      })),
    }));
  });
}

/** Reads a .docx into the deep tree: Word's numbering, indentation and tables are structure. */
export function importDocx(bytes: Uint8Array): TIngestResult {
  let blocks: TDocxBlock[];
  try {
    blocks = readDocx(bytes);
  } catch (error) {
    if (error instanceof DocxReadError && error.code === 'NOT_DOCX') return { ok: false, code: 'NOT_DOCX', message: ingestMessages.errors.notDocx };
    if (error instanceof DocxReadError && error.code === 'UNPACKED_TOO_LARGE') return { ok: false, code: 'UNPACKED_TOO_LARGE', message: ingestMessages.errors.unpackedTooLarge };
    return { ok: false, code: 'BROKEN_DOCX', message: ingestMessages.errors.brokenDocx };
  }
  const assembly = assemble(blocks);
  return parseIngested({ kind: 'docx', lines: assembly.lines, where: assembly.where, warnings: assembly.warnings, adjust: (tree) => restoreSpans(tree, assembly.merged) });
}
