import { parseIngested } from '@/lib/ingest/parse-ingested';
import { removePageFurniture } from '@/lib/ingest/pdf/page-furniture';
import { type TPdfLine, type TPdfPage, PdfReadError, readPdf } from '@/lib/ingest/pdf/read-pdf';
import type { TIngestResult, TIngestWarning, TSourceMap } from '@/lib/ingest/types';
import { ingestMessages } from '@/lib/messages/ingest';
import { endsSentence, joinWrapped } from '@/lib/policy-text/normalize';
import { classifyLine } from '@/lib/policy-text/deep/lines';

/*
 * A PDF's text layer → the deep parser's text. Lines the page width broke are joined again: a
 * line reaching the right margin without ending a sentence goes on in the next line (also across
 * a page break), unless that line starts with a label at the same indentation (a new item). Lines split into columns by wide gaps become tab-separated rows, which the
 * parser reads as a table when two or more follow each other. Running heads, feet and page
 * numbers are dropped first.
 */

const SP = '\u3000';
const { errors: E, warnings: W } = ingestMessages;

interface TFlatLine {
  line: TPdfLine;
  /** the page's right margin, from its widest lines */
  right: number;
}

function rightMargin(lines: readonly TPdfLine[]): number {
  const ends = lines.filter((l) => l.segments.length === 1).map((l) => l.segments.at(-1)?.end ?? 0);
  return ends.length > 0 ? Math.max(...ends) : 0;
}

function isRow(line: TPdfLine): boolean {
  return line.segments.length >= 2;
}

function fillsLine(flat: TFlatLine): boolean {
  const end = flat.line.segments.at(-1)?.end ?? 0;
  return end >= flat.right - flat.line.size * 1.2;
}

/** The parser's lines from the pages' text lines: furniture dropped, wrapped lines joined, columns tab-separated. */
export function assemblePdfLines(pages: readonly TPdfPage[]): { lines: string[]; where: TSourceMap; warnings: TIngestWarning[] } {
  const emptyPages = pages.filter((p) => p.lines.length === 0).length;
  const furniture = removePageFurniture(pages);
  const flat: TFlatLine[] = [];
  for (const page of furniture.pages) {
    const right = rightMargin(page.lines);
    for (const line of page.lines) flat.push({ line, right });
  }
  const lines: string[] = [];
  const where: TSourceMap = [];
  let previous: TFlatLine | undefined;
  /** where the current logical line started */
  let firstX = 0;
  // a line in columns is a table row only beside another row of as many columns
  const columns = (index: number): number => flat[index]?.line.segments.length ?? 0;
  flat.forEach((current, index) => {
    const count = columns(index);
    const inTable = count >= 2 && (columns(index - 1) === count || columns(index + 1) === count);
    const text = current.line.segments.map((s) => s.text).join(inTable ? '\t' : SP);
    const last = lines.length - 1;
    const x = current.line.segments[0]?.x ?? 0;
    // a line that starts with a label is a new item unless it is indented under the line it would continue (a hanging indent)
    const continues = classifyLine(text).kind === 'text' || x > firstX + current.line.size * 0.5;
    if (previous && last >= 0 && !isRow(previous.line) && !inTable && fillsLine(previous) && !endsSentence(lines[last] ?? '') && continues) {
      lines[last] = joinWrapped(lines[last] ?? '', text);
    } else {
      firstX = x;
      lines.push(!inTable && classifyLine(text).kind === 'text' ? SP + text : text);
      where.push(W.where.page(current.line.page));
    }
    previous = current;
  });
  const warnings: TIngestWarning[] = [];
  if (furniture.repeated > 0) warnings.push({ line: 1, message: W.headersRemoved(furniture.repeated) });
  if (furniture.pageNumbers > 0) warnings.push({ line: 1, message: W.pageNumbersRemoved(furniture.pageNumbers) });
  if (emptyPages > 0) warnings.push({ line: 1, message: W.fewText(emptyPages) });
  return { lines, where, warnings };
}

/** Reads a PDF's text layer into the deep tree; encrypted, scanned and broken files are refused. */
export async function importPdf(bytes: Uint8Array): Promise<TIngestResult> {
  let pages: TPdfPage[];
  try {
    pages = await readPdf(bytes);
  } catch (error) {
    if (error instanceof PdfReadError && error.code === 'ENCRYPTED_PDF') return { ok: false, code: 'ENCRYPTED_PDF', message: E.encrypted };
    return { ok: false, code: 'BROKEN_PDF', message: E.brokenPdf };
  }
  if (pages.every((p) => p.lines.length === 0)) return { ok: false, code: 'NO_TEXT_LAYER', message: E.noTextLayer };
  return parseIngested({ kind: 'pdf', ...assemblePdfLines(pages) });
}
