import { getDocumentProxy } from 'unpdf';

/*
 * The text layer of a PDF as positioned lines: pdf.js text items grouped by baseline, in
 * reading order, with their x extent so columns (tables), the right margin (wrapped lines) and
 * the page's top and bottom (headers, footers, page numbers) can be told apart.
 */

export interface TPdfSegment {
  text: string;
  x: number;
  end: number;
}

export interface TPdfLine {
  page: number;
  /** baseline, from the page's bottom (PDF coordinates) */
  y: number;
  size: number;
  segments: TPdfSegment[];
}

export interface TPdfPage {
  page: number;
  height: number;
  lines: TPdfLine[];
}

export class PdfReadError extends Error {
  constructor(readonly code: 'ENCRYPTED_PDF' | 'BROKEN_PDF') {
    super(code);
  }
}

interface TTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is TTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/**
 * Fonts such as Noto CJK map some kanji to Kangxi radicals (⼿ U+2F3F for 手) in the text
 * layer; NFKC gives the ideograph back.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻆': '角', '⻄': '西', '⻑': '長', '⻘': '青', '⻝': '食', '⻤': '鬼', '⻨': '麦', '⻩': '黄', '⻫': '斉', '⻭': '歯', '⻯': '竜', '⻲': '亀',
};

function fixRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICALS_SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

/**
 * Items on one baseline (within half a character height) make a line; a gap wider than one and
 * a half characters splits it into segments (table columns). A space item or a gap of most of a
 * character inside a segment is the full-width space after a label (「第1条　」「(1)　」).
 */
function toLines(page: number, items: TTextItem[]): TPdfLine[] {
  const visible = items.filter((item) => item.str !== '' && item.transform.length >= 6);
  visible.sort((a, b) => (b.transform[5] ?? 0) - (a.transform[5] ?? 0) || (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
  const lines: TPdfLine[] = [];
  let current: { y: number; size: number; items: TTextItem[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const size = current.size;
    current.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    const segments: TPdfSegment[] = [];
    let pendingSpace = '';
    for (const item of current.items) {
      const x = item.transform[4] ?? 0;
      const end = x + item.width;
      const last = segments.at(-1);
      if (item.str.trim() === '') {
        if (last) pendingSpace = item.width >= size * 0.7 || item.str.includes('\u3000') ? '\u3000' : pendingSpace || ' ';
        continue;
      }
      const text = fixRadicals(item.str);
      if (last && x - last.end < size * 1.5) {
        const gap = x - last.end;
        const ascii = /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(text);
        const space = pendingSpace === '\u3000' || gap >= size * 0.7 ? '\u3000' : (pendingSpace === ' ' || gap > size * 0.2) && ascii ? ' ' : '';
        last.text += space + text;
        last.end = Math.max(last.end, end);
      } else segments.push({ text, x, end });
      pendingSpace = '';
    }
    for (const segment of segments) segment.text = segment.text.trim();
    lines.push({ page, y: current.y, size, segments: segments.filter((s) => s.text !== '') });
    current = undefined;
  };
  for (const item of visible) {
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.transform[3] ?? 0) || item.height || 10;
    if (current && Math.abs(current.y - y) <= Math.max(current.size, size) * 0.5) {
      current.items.push(item);
      current.size = Math.max(current.size, size);
    } else {
      flush();
      current = { y, size, items: [item] };
    }
  }
  flush();
  return lines.filter((line) => line.segments.length > 0);
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

export async function readPdf(bytes: Uint8Array): Promise<TPdfPage[]> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over: hand it a copy
    document = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    throw new PdfReadError(errorName(error) === 'PasswordException' ? 'ENCRYPTED_PDF' : 'BROKEN_PDF');
  }
  try {
    const pages: TPdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const [, , , top] = page.view;
      pages.push({ page: n, height: top ?? 842, lines: toLines(n, (content.items as unknown[]).filter(isTextItem)) });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    throw new PdfReadError(errorName(error) === 'PasswordException' ? 'ENCRYPTED_PDF' : 'BROKEN_PDF');
  } finally {
    await document.destroy();
  }
}
