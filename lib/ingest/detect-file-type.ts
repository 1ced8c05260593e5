import { unzipSync } from 'fflate';
import { decodeText, type TTextEncoding } from '@/lib/policy-text/deep/decode';
import type { TIngestErrorCode } from '@/lib/ingest/types';

/*
 * The type of an upload, from its bytes only (a name or a MIME type is what the sender claims):
 * a zip holding word/document.xml is a Word file, %PDF- near the start is a PDF, bytes that
 * decode strictly as UTF-8, UTF-16 (BOM), Shift_JIS or EUC-JP without control characters are
 * text. Anything else is refused.
 */

export type TDetectedType =
  | { kind: 'docx' }
  | { kind: 'pdf' }
  | { kind: 'text'; text: string; encoding: TTextEncoding }
  | { kind: 'refused'; code: TIngestErrorCode };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** C0 controls other than tab, line feed, form feed and carriage return: binary data */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function pdfHeaderAt(bytes: Uint8Array): boolean {
  // the PDF header may follow a few bytes of junk; readers look in the first 1024 bytes
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= limit; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF_MAGIC, i)) return true;
  return false;
}

function zipHasWordDocument(bytes: Uint8Array): boolean | null {
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (file.name === 'word/document.xml') found = true;
        return false;
      },
    });
  } catch {
    return null;
  }
  return found;
}

export function detectFileType(bytes: Uint8Array): TDetectedType {
  if (bytes.length === 0) return { kind: 'refused', code: 'EMPTY' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)) {
    const word = zipHasWordDocument(bytes);
    if (word === null) return { kind: 'refused', code: 'BROKEN_DOCX' };
    return word ? { kind: 'docx' } : { kind: 'refused', code: 'UNSUPPORTED' };
  }
  if (pdfHeaderAt(bytes)) return { kind: 'pdf' };
  if (startsWith(bytes, OLE)) return { kind: 'refused', code: 'LEGACY_DOC' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'refused', code: 'UNSUPPORTED' };
  if (CONTROL.test(decoded.text)) return { kind: 'refused', code: 'UNSUPPORTED' };
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding };
}
