import { IDEOGRAPHIC_SPACE } from '@/lib/policy-text/normalize';
import { classifyLine } from '@/lib/policy-text/deep/lines';
import { splitInlineCaption } from '@/lib/policy-text/deep/captions';
import type { TAppendix, TDeepTree, TNode, TRemarks, TSupplementary, TTable } from '@/lib/policy-text/deep/tree';

/*
 * The canonical text of a deep tree: one line per paragraph of text, no wrapping. A line that
 * goes on a node's text without a label starts with a full-width space (read back as a typed
 * indent); tables are written with | columns and a |---| line under the header rows; a table
 * right after another one is closed with └. parseDeepText reads the text back to the same tree.
 */

const SP = IDEOGRAPHIC_SPACE;

function labelled(label: string, text: string | undefined): string {
  if (label === '') return SP + (text ?? '');
  return text === undefined || text === '' ? label : `${label}${SP}${text}`;
}

function writeSentences(out: string[], sentences: readonly string[], from: number): void {
  for (let i = from; i < sentences.length; i++) out.push(SP + (sentences[i] ?? ''));
}

function writeTable(out: string[], table: TTable): void {
  const row = (cells: readonly { text: string }[]): string => `|${cells.map((cell) => cell.text).join('|')}|`;
  const headers = table.rows.filter((r) => r.header).length;
  table.rows.forEach((r, index) => {
    out.push(row(r.cells));
    if (headers > 0 && index === headers - 1) out.push(`|${r.cells.map(() => '---').join('|')}|`);
  });
  for (const remarks of table.remarks ?? []) writeRemarks(out, remarks);
}

function writeTables(out: string[], tables: readonly TTable[]): void {
  tables.forEach((table, index) => {
    if (index > 0 && !tables[index - 1]?.remarks?.length) out.push('└');
    writeTable(out, table);
  });
}

function writeRemarks(out: string[], remarks: TRemarks): void {
  out.push(remarks.label);
  for (const sentence of remarks.sentences) out.push(classifyLine(sentence).kind === 'label' ? sentence : SP + sentence);
}

/**
 * A node's 備考 come right after its text: the parser gives 備考 to the deepest open node, and 備考
 * right after a table would read as the table's own.
 */
function writeContent(out: string[], node: { tables: TTable[]; children: TNode[]; remarks: TRemarks[] }): void {
  for (const remarks of node.remarks) writeRemarks(out, remarks);
  writeTables(
    out,
    node.tables.filter((t) => !t.afterChildren),
  );
  for (const child of node.children) writeNode(out, child);
  writeTables(
    out,
    node.tables.filter((t) => t.afterChildren),
  );
}

function writeArticle(out: string[], article: TNode): void {
  const [first, ...rest] = article.children;
  const text = first?.sentences[0];
  // the caption stays on the article's line when a line of its own would not read back as one
  // (a lone 「3」 reads as a page number; 「（責任者（CISO））」 is no caption line)
  const inline = article.caption && ((/^[0-9０-９]/.test(article.label) && text === undefined) || classifyLine(`（${article.caption}）`).kind !== 'caption');
  if (inline && first?.label === '') {
    out.push(`${article.label}${SP}${article.caption}`);
    writeSentences(out, first.sentences, 0);
    writeContent(out, first);
    for (const paragraph of rest) writeNode(out, paragraph);
    return;
  }
  if (article.caption) out.push(`（${article.caption}）`);
  if (first && first.kind === 'paragraph' && first.label === '') {
    // 「第1条 目的 …」 would read back as a caption: put the text on a line of its own
    if (!article.caption && text !== undefined && splitInlineCaption(text, true).caption !== undefined) out.push(article.label, SP + text);
    else out.push(labelled(article.label, text));
    writeSentences(out, first.sentences, 1);
    writeContent(out, first);
  } else {
    out.push(article.label);
    if (first) writeNode(out, first);
  }
  for (const paragraph of rest) writeNode(out, paragraph);
}

function writeNode(out: string[], node: TNode): void {
  if (node.kind === 'article') return writeArticle(out, node);
  if (node.kind === 'part' || node.kind === 'chapter' || node.kind === 'section' || node.kind === 'subsection' || node.kind === 'division') {
    out.push(labelled(node.label, node.title));
  } else {
    if (node.caption) out.push(`（${node.caption}）`);
    out.push(labelled(node.label, node.sentences[0]));
    writeSentences(out, node.sentences, 1);
  }
  writeContent(out, node);
}

function writeSupplementary(out: string[], unit: TSupplementary): void {
  out.push(`${unit.label}${unit.note ? `（${unit.note}）` : ''}${unit.extract ? `${SP}抄` : ''}`);
  for (const child of unit.children) writeNode(out, child);
}

function writeAppendix(out: string[], unit: TAppendix): void {
  out.push(`${unit.label}${unit.relation !== undefined ? `（${unit.relation}）` : ''}${unit.title ? SP + unit.title : ''}`);
  writeSentences(out, unit.sentences, 0);
  writeContent(out, unit);
}

/** The canonical regulation text of a deep tree; parseDeepText reads it back to the same tree. */
export function serializeDeepTree(tree: TDeepTree): string {
  const out: string[] = [];
  if (tree.title) out.push(tree.title);
  out.push(...tree.header);
  if (tree.enactment) out.push(SP + tree.enactment);
  if (tree.toc.length > 0) out.push('目次', ...tree.toc);
  writeSentences(out, tree.preamble, 0);
  for (const node of tree.body) writeNode(out, node);
  for (const unit of tree.tail) {
    if (unit.kind === 'supplementary') writeSupplementary(out, unit);
    else writeAppendix(out, unit);
  }
  return `${out.join('\n')}\n`;
}
