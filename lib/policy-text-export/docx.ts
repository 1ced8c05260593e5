import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { splitInlineCaption } from '@/lib/policy-text/deep/captions';
import type { TAppendix, TDeepTree, TNode, TRemarks, TSupplementary, TTable } from '@/lib/policy-text/deep/tree';

/*
 * A revision as a Word file laid out like a 例規 in a 例規集: the title centred, the 制定文 and
 * text indented one character, chapters centred (節・款 indented by rank), each article's 見出し
 * in brackets on its own line, 条 and 項 numbers at the margin with the text hanging one
 * character in, 号 one character further, each level of 細分 one more; tables as Word tables,
 * 附則 and 別表 after the main provisions. Labels are written as text, not as Word numbering, so
 * the file shows the numbers the revision has whatever Word does with lists.
 * importDocx reads the file back to the same tree (tests/unit/ingest/docx-round-trip.test.ts).
 */

export interface TRevisionDocxMeta {
  /** the document's title (used when the tree has none) */
  title?: string;
  /** Word's 作成者 property */
  creator?: string;
  /** Word's コメント property: e.g. the revision's 施行日 and state */
  description?: string;
}

const SP = '\u3000';
/** one character of 10.5 pt, in twips */
const CH = 210;
const FONT = 'ＭＳ 明朝';
/** A4 portrait, in twips */
const A4 = { width: 11906, height: 16838 } as const;

type TBlock = Paragraph | Table;

function para(text: string, options: { left?: number; hanging?: number; firstLine?: number; align?: 'center' | 'right'; size?: number } = {}): Paragraph {
  const { left = 0, hanging = 0, firstLine = 0 } = options;
  return new Paragraph({
    children: [new TextRun({ text, ...(options.size ? { size: options.size } : {}) })],
    ...(left || hanging || firstLine ? { indent: { left: left * CH, ...(hanging ? { hanging: hanging * CH } : {}), ...(firstLine ? { firstLine: firstLine * CH } : {}) } } : {}),
    ...(options.align === 'center' ? { alignment: AlignmentType.CENTER } : options.align === 'right' ? { alignment: AlignmentType.RIGHT } : {}),
  });
}

function labelled(label: string, text: string | undefined): string {
  if (label === '') return text ?? '';
  return text === undefined || text === '' ? label : `${label}${SP}${text}`;
}

class RevisionWriter {
  readonly out: TBlock[] = [];

  /** A node's own text: its first sentence on the label's line, each further one a paragraph indented one more. */
  private sentences(sentences: readonly string[], from: number, continuation: number): void {
    for (let i = from; i < sentences.length; i++) this.out.push(para(sentences[i] ?? '', { left: continuation, firstLine: 1 }));
  }

  private table(table: TTable, left: number): void {
    this.out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        ...(left ? { indent: { size: left * CH, type: WidthType.DXA } } : {}),
        rows: table.rows.map(
          (row) =>
            new TableRow({
              ...(row.header ? { tableHeader: true } : {}),
              children: row.cells.map(
                (cell) =>
                  new TableCell({
                    children: [para(cell.text)],
                    ...(cell.colspan ? { columnSpan: cell.colspan } : {}),
                    ...(cell.rowspan ? { rowSpan: cell.rowspan } : {}),
                  }),
              ),
            }),
        ),
      }),
    );
    for (const remarks of table.remarks ?? []) this.remarks(remarks, left);
  }

  private tables(tables: readonly TTable[], left: number): void {
    for (const table of tables) this.table(table, left);
  }

  private remarks(remarks: TRemarks, left: number): void {
    this.out.push(para(remarks.label, { left }));
    for (const sentence of remarks.sentences) this.out.push(para(sentence, { left: left + 2, hanging: 1 }));
  }

  /** Tables, children and remarks of a host whose text continues at `continuation`. */
  private content(node: { tables: TTable[]; children: TNode[]; remarks: TRemarks[] }, continuation: number, childLevel: number): void {
    this.tables(node.tables.filter((t) => !t.afterChildren), continuation);
    for (const child of node.children) this.node(child, childLevel);
    this.tables(node.tables.filter((t) => t.afterChildren), continuation);
    for (const remarks of node.remarks) this.remarks(remarks, continuation);
  }

  /** `level`: the column the node's label starts at (条・項 0, 号 1, 細分 1 + depth). */
  node(node: TNode, level: number): void {
    switch (node.kind) {
      case 'part':
      case 'chapter':
        this.out.push(para(labelled(node.label, node.title), { align: 'center' }));
        for (const child of node.children) this.node(child, 0);
        return;
      case 'section':
      case 'subsection':
      case 'division': {
        const indent = { section: 4, subsection: 5, division: 6 }[node.kind];
        this.out.push(para(labelled(node.label, node.title), { left: indent }));
        for (const child of node.children) this.node(child, 0);
        return;
      }
      case 'article':
        return this.article(node);
      default: {
        if (node.caption) this.out.push(para(`（${node.caption}）`, { left: level + 1 }));
        // an unnumbered paragraph (附則's only one) starts one character in and wraps at its column
        this.out.push(para(labelled(node.label, node.sentences[0]), node.label === '' ? { left: level, firstLine: 1 } : { left: level + 1, hanging: 1 }));
        this.sentences(node.sentences, 1, level + 1);
        const childLevel = node.kind === 'paragraph' ? 1 : level + 1;
        this.content(node, level + 1, childLevel);
      }
    }
  }

  private article(article: TNode): void {
    const [first, ...rest] = article.children;
    const text = first?.sentences[0];
    // a `1 目的`-style article without text keeps its caption on its line, as the text form does
    if (article.caption && /^[0-9０-９]/.test(article.label) && text === undefined && first?.label === '') {
      this.out.push(para(`${article.label}${SP}${article.caption}`, { left: 1, hanging: 1 }));
      this.content(first, 1, 1);
    } else {
      if (article.caption) this.out.push(para(`（${article.caption}）`, { left: 1 }));
      if (first && first.kind === 'paragraph' && first.label === '') {
        if (!article.caption && text !== undefined && splitInlineCaption(text, true).caption !== undefined) {
          // 「第1条 目的 …」 would read back as a caption: the text goes on a line of its own
          this.out.push(para(article.label, { left: 1, hanging: 1 }), para(text, { left: 1, firstLine: 1 }));
        } else this.out.push(para(labelled(article.label, text), { left: 1, hanging: 1 }));
        this.sentences(first.sentences, 1, 1);
        this.content(first, 1, 1);
      } else {
        this.out.push(para(article.label, { left: 1, hanging: 1 }));
        if (first) this.node(first, 0);
      }
    }
    for (const paragraph of rest) this.node(paragraph, 0);
  }

  supplementary(unit: TSupplementary): void {
    this.out.push(para(`${unit.label}${unit.note ? `（${unit.note}）` : ''}${unit.extract ? `${SP}抄` : ''}`, { left: 3 }));
    for (const child of unit.children) this.node(child, 0);
  }

  appendix(unit: TAppendix): void {
    this.out.push(para(`${unit.label}${unit.relation !== undefined ? `（${unit.relation}）` : ''}${unit.title ? SP + unit.title : ''}`));
    this.sentences(unit.sentences, 0, 0);
    this.content(unit, 0, 0);
  }
}

function writeRevision(tree: TDeepTree, meta: TRevisionDocxMeta): TBlock[] {
  const writer = new RevisionWriter();
  const title = tree.title || meta.title || '';
  if (title) writer.out.push(para(title, { align: 'center', size: 28 }));
  for (const line of tree.header) writer.out.push(para(line, { align: 'right' }));
  if (tree.enactment) writer.out.push(para(tree.enactment, { firstLine: 1 }));
  if (tree.toc.length > 0) {
    writer.out.push(para('目次', { left: 1 }));
    for (const entry of tree.toc) writer.out.push(para(entry, { left: 2 }));
  }
  for (const sentence of tree.preamble) writer.out.push(para(sentence, { firstLine: 1 }));
  for (const node of tree.body) writer.node(node, 0);
  for (const unit of tree.tail) {
    if (unit.kind === 'supplementary') writer.supplementary(unit);
    else writer.appendix(unit);
  }
  return writer.out;
}

/** The revision as a .docx laid out like a 例規. */
export async function revisionToDocx(tree: TDeepTree, meta: TRevisionDocxMeta = {}): Promise<Buffer> {
  const document = new Document({
    title: tree.title || meta.title || '',
    ...(meta.creator ? { creator: meta.creator } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    styles: { default: { document: { run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size: 21, language: { value: 'ja-JP', eastAsia: 'ja-JP' } } } } },
    sections: [{ properties: { page: { size: A4, margin: { top: 1701, bottom: 1417, left: 1701, right: 1417 } } }, children: writeRevision(tree, meta) }],
  });
  return Packer.toBuffer(document);
}
