import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { TCell, TLine, TRow, TSpan } from '@/lib/policy-text/compare';

/*
 * The 新旧対照表 as a Word file, the way councils and committees receive it: A4 landscape, the
 * title centred, the two revisions named under it with 「（傍線部分は改正部分）」, then a ruled
 * table 改正後 | 改正前. Changed characters (and renumbered labels) are underlined (傍線), a
 * blank opposite text only one side has is an underlined full-width space as in the screen;
 * a changed table cell is underlined in its own cell of a nested table. Unchanged articles fold
 * into 「第1条～第3条　（略）」 as in print. Pure: builds bytes from a comparison, no I/O.
 */

export interface TComparisonDocxInput {
  /** 「○○市情報セキュリティ対策基準　新旧対照表」 */
  title: string;
  /** 第1版（令和3年4月1日施行） */
  beforeLabel: string;
  afterLabel: string;
  /** （傍線部分は改正部分） */
  note: string;
  labels: { after: string; before: string; omitted: string; preamble: string };
  rows: readonly TRow[];
}

const FONT = 'ＭＳ 明朝';
/** one character of 10.5 pt, in twips */
const CH = 210;
const SP = '\u3000';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

type TFilled = NonNullable<TCell>;
type TSide = 'after' | 'before';

function runs(spans: readonly TSpan[]): TextRun[] {
  return spans.filter((s) => s.text !== '').map((s) => new TextRun({ text: s.text, ...(s.changed ? { underline: {} } : {}) }));
}

function label(text: string, changed: boolean): TextRun[] {
  return text === '' ? [] : [new TextRun({ text, ...(changed ? { underline: {} } : {}) })];
}

/** Headings, after the layout of a 例規: captions one character in, chapters further. */
const HEADING_INDENT: Record<TFilled['kind'], number> = { article: 1, part: 2, chapter: 3, section: 4, subsection: 4, division: 4, supplementary: 3, title: 2, annex: 0, preamble: 0, item: 0, paragraph: 0 };

function headingParagraph(cell: TFilled): Paragraph | null {
  const indent = { indent: { left: HEADING_INDENT[cell.kind] * CH } };
  const heading = runs(cell.heading);
  switch (cell.kind) {
    case 'article':
      return heading.length > 0 ? new Paragraph({ ...indent, children: [new TextRun('（'), ...heading, new TextRun('）')] }) : null;
    case 'supplementary':
      return new Paragraph({ ...indent, children: [...label(cell.label, cell.labelChanged), ...(heading.length > 0 ? [new TextRun('（'), ...heading, new TextRun('）')] : [])] });
    case 'annex':
      return new Paragraph({ ...indent, children: [...label(cell.label, cell.labelChanged), ...heading] });
    case 'preamble':
    case 'item':
    case 'paragraph':
      return null;
    default:
      return new Paragraph({ ...indent, children: [...label(cell.label, cell.labelChanged), ...(cell.label ? [new TextRun(SP)] : []), ...heading] });
  }
}

/** A row of a table inside the text: its cells side by side, a changed cell underlined in itself. */
function tableRow(line: TLine, cells: readonly (readonly TSpan[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(line.depth > 0 ? { indent: { size: line.depth * CH, type: WidthType.DXA } } : {}),
    rows: [new TableRow({ children: cells.map((spans) => new TableCell({ children: [new Paragraph({ children: runs(spans) })] })) })],
  });
}

/** One line of a cell: a numbered line hangs one character after its label, an unnumbered one is indented. */
function lineBlocks(line: TLine): (Paragraph | Table)[] {
  if (line.blank) return [new Paragraph({ children: [] })];
  if (line.cells) return [tableRow(line, line.cells)];
  const depth = Math.max(0, line.depth);
  if (line.label) {
    const text = runs(line.spans);
    return [new Paragraph({ indent: { left: (depth + 1) * CH, hanging: CH }, children: [...label(line.label, line.labelChanged), ...(text.length > 0 ? [new TextRun(SP)] : []), ...text] })];
  }
  return [new Paragraph({ indent: { left: depth * CH, firstLine: CH }, children: runs(line.spans) })];
}

function cellBlocks(cell: TCell): (Paragraph | Table)[] {
  if (!cell) return [new Paragraph({ children: [] })];
  const heading = headingParagraph(cell);
  const blocks = [...(heading ? [heading] : []), ...cell.lines.flatMap(lineBlocks)];
  return blocks.length > 0 ? blocks : [new Paragraph({ children: [] })];
}

function cellName(cell: TFilled, preamble: string): string {
  if (cell.label) return cell.label;
  return cell.kind === 'preamble' ? preamble : '';
}

/** 「第1条～第3条　（略）」 for a run of unchanged rows, on one side; a renumbered label underlined. */
function foldedBlocks(rows: readonly TRow[], side: TSide, input: TComparisonDocxInput): Paragraph[] {
  const names = rows.flatMap((row) => {
    const cell = row[side];
    const name = cell ? cellName(cell, input.labels.preamble) : '';
    return name ? [name] : [];
  });
  const lone = rows.length === 1 ? rows[0]?.[side] : null;
  const heading = lone && lone.kind === 'article' ? headingParagraph(lone) : null;
  const range = names.length === 0 ? '' : names[0] === names.at(-1) ? (names[0] ?? '') : `${names[0]}～${names.at(-1)}`;
  return [...(heading ? [heading] : []), new Paragraph({ children: [...label(range, lone?.labelChanged ?? false), ...(range ? [new TextRun(SP)] : []), new TextRun(input.labels.omitted)] })];
}

function tableCell(children: (Paragraph | Table)[]): TableCell {
  return new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children, borders: { top: RULE, bottom: RULE, left: RULE, right: RULE } });
}

const kindOf = (row: TRow) => (row.after ?? row.before)?.kind;

/** Rows as printed: every changed row, group headings, and runs of unchanged rows folded. */
function bodyRows(input: TComparisonDocxInput): TableRow[] {
  const out: TableRow[] = [];
  let run: TRow[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(new TableRow({ cantSplit: true, children: [tableCell(foldedBlocks(run, 'after', input)), tableCell(foldedBlocks(run, 'before', input))] }));
    run = [];
  };
  for (const row of input.rows) {
    if (row.kind === 'unchanged') {
      if (run.length > 0 && kindOf(run.at(-1) as TRow) !== kindOf(row)) flush();
      run.push(row);
      continue;
    }
    flush();
    if (row.kind === 'moved') {
      run = [row];
      flush();
      continue;
    }
    out.push(new TableRow({ children: [tableCell(cellBlocks(row.after)), tableCell(cellBlocks(row.before))] }));
  }
  flush();
  return out;
}

/** The 新旧対照表 .docx of a comparison. */
export async function comparisonDocx(input: TComparisonDocxInput): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: [input.labels.after, input.labels.before].map((text) => tableCell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })])),
  });
  const document = new Document({
    title: input.title,
    styles: { default: { document: { run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: input.title, size: 28 })] }),
          new Paragraph({ children: [new TextRun(input.beforeLabel)] }),
          new Paragraph({ children: [new TextRun(input.afterLabel)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(input.note)] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...bodyRows(input)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
