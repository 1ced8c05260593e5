import { unzipSync } from 'fflate';
import { type TNumberedLabel, Numbering } from '@/lib/ingest/docx/numbering';
import { type TXmlNode, attrOf, child, childrenOf, findFirst, isOn, parseXml, tagOf, textOf } from '@/lib/ingest/docx/xml';

/*
 * A .docx as the blocks Word shows: paragraphs with the label Word's automatic numbering
 * displays and their indentation, and tables with merged cells. Deleted text (tracked changes),
 * hidden text, field codes, drawings and text boxes are left out, as Word prints them.
 */

export interface TDocxParagraph {
  kind: 'paragraph';
  /** 1-based count of body paragraphs, for warnings */
  index: number;
  text: string;
  numbered?: TNumberedLabel;
  /** left indentation in twips (1/20 pt) */
  indent: number;
  centered: boolean;
}

export interface TDocxCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface TDocxTable {
  kind: 'table';
  index: number;
  rows: { header: boolean; cells: TDocxCell[]; grid: string[] }[];
  merged: boolean;
}

export type TDocxBlock = TDocxParagraph | TDocxTable;

export class DocxReadError extends Error {
  constructor(readonly code: 'BROKEN_DOCX' | 'NOT_DOCX' | 'UNPACKED_TOO_LARGE') {
    super(code);
  }
}

const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:object', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:pPr', 'w:rPr']);

interface TStyleInfo {
  basedOn?: string;
  numId?: string;
  level?: number;
}

function readStyles(xml: string | undefined): Map<string, TStyleInfo> {
  const styles = new Map<string, TStyleInfo>();
  if (!xml) return styles;
  const root = findFirst(parseXml(xml), 'w:styles');
  for (const style of root ? childrenOf(root) : []) {
    if (tagOf(style) !== 'w:style') continue;
    const id = attrOf(style, 'w:styleId');
    if (!id) continue;
    const numPr = child(child(style, 'w:pPr'), 'w:numPr');
    const basedOn = attrOf(child(style, 'w:basedOn'), 'w:val');
    const numId = attrOf(child(numPr, 'w:numId'), 'w:val');
    const level = attrOf(child(numPr, 'w:ilvl'), 'w:val');
    styles.set(id, { ...(basedOn ? { basedOn } : {}), ...(numId ? { numId } : {}), ...(level ? { level: Number(level) } : {}) });
  }
  return styles;
}

class DocxReader {
  private readonly numbering: Numbering;
  private readonly styles: Map<string, TStyleInfo>;
  private readonly blocks: TDocxBlock[] = [];
  private paragraphs = 0;
  private tables = 0;

  constructor(files: { numbering?: string; styles?: string }) {
    this.numbering = new Numbering(files.numbering);
    this.styles = readStyles(files.styles);
  }

  read(body: TXmlNode): TDocxBlock[] {
    this.readBlocks(childrenOf(body), this.blocks);
    return this.blocks;
  }

  private readBlocks(nodes: readonly TXmlNode[], out: TDocxBlock[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') out.push(...this.readParagraph(node));
      else if (tag === 'w:tbl') out.push(this.readTable(node));
      else if (tag === 'w:sdt') this.readBlocks(childrenOf(child(node, 'w:sdtContent') ?? {}), out);
      else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:sdtContent') this.readBlocks(childrenOf(node), out);
    }
  }

  /** The list and level of a paragraph: its own w:numPr, else its style's (through w:basedOn). */
  private listOf(pPr: TXmlNode | undefined): { numId: string; level: number } | null {
    const numPr = child(pPr, 'w:numPr');
    const ownNumId = attrOf(child(numPr, 'w:numId'), 'w:val');
    const ownLevel = attrOf(child(numPr, 'w:ilvl'), 'w:val');
    let styleId = attrOf(child(pPr, 'w:pStyle'), 'w:val');
    if (ownNumId !== undefined) {
      if (ownNumId === '0') return null;
      const styleLevel = styleId ? this.styleLevel(styleId) : undefined;
      return { numId: ownNumId, level: ownLevel !== undefined ? Number(ownLevel) : (styleLevel ?? 0) };
    }
    for (let guard = 0; styleId && guard < 20; guard++) {
      const style = this.styles.get(styleId);
      if (!style) break;
      if (style.numId !== undefined) {
        if (style.numId === '0') return null;
        return { numId: style.numId, level: ownLevel !== undefined ? Number(ownLevel) : (style.level ?? this.styleLevel(styleId) ?? 0) };
      }
      styleId = style.basedOn;
    }
    return null;
  }

  private styleLevel(styleId: string): number | undefined {
    return this.numbering.styleLevels.get(styleId)?.level;
  }

  /** A paragraph; a line break (w:br) inside it starts a new line of the text. */
  private readParagraph(p: TXmlNode): TDocxParagraph[] {
    const index = ++this.paragraphs;
    const pPr = child(p, 'w:pPr');
    const list = this.listOf(pPr);
    const numbered = list ? this.numbering.next(list.numId, list.level) : null;
    const ind = child(pPr, 'w:ind');
    const indent = Number(attrOf(ind, 'w:left') ?? attrOf(ind, 'w:start') ?? '0') || 0;
    const jc = attrOf(child(pPr, 'w:jc'), 'w:val');
    const parts: string[] = [''];
    this.collectText(childrenOf(p), parts);
    return parts.map((text, n) => ({
      kind: 'paragraph',
      index,
      text,
      ...(numbered && n === 0 ? { numbered } : {}),
      indent,
      centered: jc === 'center',
    }));
  }

  private collectText(nodes: readonly TXmlNode[], parts: string[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (SKIPPED.has(tag)) continue;
      if (tag === 'w:r') {
        if (isOn(child(child(node, 'w:rPr'), 'w:vanish'))) continue;
        this.collectText(childrenOf(node), parts);
      } else if (tag === 'w:t') {
        parts[parts.length - 1] += childrenOf(node).map(textOf).join('');
      } else if (tag === 'w:tab' || tag === 'w:ptab') {
        parts[parts.length - 1] += '\t';
      } else if (tag === 'w:br' || tag === 'w:cr') {
        const type = attrOf(node, 'w:type');
        if (type !== 'page' && type !== 'column') parts.push('');
      } else if (tag === 'w:noBreakHyphen') {
        parts[parts.length - 1] += '-';
      } else if (tag !== '#text') {
        // hyperlinks, fields, smart tags, content controls, insertions: their runs are shown
        this.collectText(childrenOf(node), parts);
      }
    }
  }

  private cellText(tc: TXmlNode): string {
    const blocks: TDocxBlock[] = [];
    this.readBlocks(childrenOf(tc), blocks);
    const texts: string[] = [];
    for (const block of blocks) {
      if (block.kind === 'paragraph') texts.push((block.numbered && !block.numbered.bullet ? `${block.numbered.label}\u3000` : '') + block.text.trim());
      else for (const row of block.rows) texts.push(row.cells.map((c) => c.text).join('\u3000'));
    }
    return texts.filter((t) => t !== '').join('\u3000');
  }

  private readTable(tbl: TXmlNode): TDocxTable {
    const index = ++this.tables;
    const rows: TDocxTable['rows'] = [];
    let merged = false;
    /** per grid column: the cell a vertical merge continues */
    const open: (TDocxCell | undefined)[] = [];
    for (const tr of childrenOf(tbl)) {
      if (tagOf(tr) !== 'w:tr') continue;
      const header = isOn(child(child(tr, 'w:trPr'), 'w:tblHeader'));
      const cells: TDocxCell[] = [];
      const grid: string[] = [];
      const gridBefore = Number(attrOf(child(child(tr, 'w:trPr'), 'w:gridBefore'), 'w:val') ?? '0') || 0;
      for (let g = 0; g < gridBefore; g++) grid.push('');
      for (const tc of childrenOf(tr)) {
        if (tagOf(tc) !== 'w:tc') continue;
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, Number(attrOf(child(tcPr, 'w:gridSpan'), 'w:val') ?? '1') || 1);
        const vMerge = child(tcPr, 'w:vMerge');
        const column = grid.length;
        const text = this.cellText(tc);
        if (vMerge && attrOf(vMerge, 'w:val') !== 'restart' && open[column]) {
          const above = open[column] as TDocxCell;
          above.rowspan = (above.rowspan ?? 1) + 1;
          merged = true;
          for (let g = 0; g < span; g++) grid.push('');
          continue;
        }
        const cell: TDocxCell = { text, ...(span > 1 ? { colspan: span } : {}) };
        if (span > 1) merged = true;
        for (let g = 0; g < span; g++) open[column + g] = vMerge ? cell : undefined;
        cells.push(cell);
        grid.push(text);
        for (let g = 1; g < span; g++) grid.push('');
      }
      if (cells.length > 0) rows.push({ header, cells, grid });
    }
    return { kind: 'table', index, rows, merged };
  }
}

const decoder = new TextDecoder('utf-8');
const PARTS = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
/** A 1,000-page 例規集 has a document.xml of some tens of MB; more is a zip bomb, not a regulation. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** Reads the blocks of a .docx; throws DocxReadError for a file that is no readable Word document. */
export function readDocx(bytes: Uint8Array): TDocxBlock[] {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!PARTS.has(file.name)) return false;
        unpacked += file.originalSize;
        return unpacked <= MAX_UNPACKED_BYTES;
      },
    });
  } catch {
    throw new DocxReadError('BROKEN_DOCX');
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new DocxReadError('UNPACKED_TOO_LARGE');
  // the sizes in the zip's directory are the sender's claim; what was inflated is checked too
  if (Object.values(files).reduce((sum, file) => sum + file.length, 0) > MAX_UNPACKED_BYTES) throw new DocxReadError('UNPACKED_TOO_LARGE');
  const document = files['word/document.xml'];
  if (!document) throw new DocxReadError('NOT_DOCX');
  const text = (name: string): string | undefined => {
    const file = files[name];
    return file ? decoder.decode(file) : undefined;
  };
  let body: TXmlNode | undefined;
  try {
    body = findFirst(parseXml(decoder.decode(document)), 'w:body');
  } catch {
    throw new DocxReadError('BROKEN_DOCX');
  }
  if (!body) throw new DocxReadError('BROKEN_DOCX');
  return new DocxReader({ numbering: text('word/numbering.xml'), styles: text('word/styles.xml') }).read(body);
}
