import { detectFileType } from '@/lib/ingest/detect-file-type';
import { importDocx } from '@/lib/ingest/import-docx';
import { importPdf } from '@/lib/ingest/import-pdf';
import { importDecodedText } from '@/lib/ingest/import-text';
import type { TIngestErrorCode, TIngestResult } from '@/lib/ingest/types';
import { ingestMessages } from '@/lib/messages/ingest';

/*
 * One entry for an uploaded file: the size limit first, then the type by content, then the
 * reader for that type; the result is the parsed tree with its text and warnings, or a typed
 * refusal with a Japanese message. Nothing here stores anything.
 */

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const { errors: E } = ingestMessages;

function refusal(code: TIngestErrorCode, maxBytes: number): TIngestResult {
  const messages: Record<TIngestErrorCode, string> = {
    EMPTY: E.empty,
    TOO_LARGE: E.tooLarge(maxBytes),
    UNPACKED_TOO_LARGE: E.unpackedTooLarge,
    UNSUPPORTED: E.unsupported,
    LEGACY_DOC: E.legacyDoc,
    NOT_DOCX: E.notDocx,
    BROKEN_DOCX: E.brokenDocx,
    ENCRYPTED_PDF: E.encrypted,
    NO_TEXT_LAYER: E.noTextLayer,
    BROKEN_PDF: E.brokenPdf,
    UNDECODABLE: E.undecodable,
    NO_STRUCTURE: E.noStructure,
  };
  return { ok: false, code, message: messages[code] };
}

export async function ingestFile(bytes: Uint8Array, options: { maxBytes?: number } = {}): Promise<TIngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return refusal('TOO_LARGE', maxBytes);
  const type = detectFileType(bytes);
  switch (type.kind) {
    case 'docx':
      return importDocx(bytes);
    case 'pdf':
      return importPdf(bytes);
    case 'text':
      return importDecodedText(type.text);
    case 'refused':
      return refusal(type.code, maxBytes);
  }
}
