import { parseIngested } from '@/lib/ingest/parse-ingested';
import type { TIngestResult } from '@/lib/ingest/types';
import { ingestMessages } from '@/lib/messages/ingest';
import { decodeText } from '@/lib/policy-text/deep/decode';

/** A text file in UTF-8 (with or without BOM), UTF-16 with BOM, Shift_JIS/CP932 or EUC-JP. */
export function importText(bytes: Uint8Array): TIngestResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: 'UNDECODABLE', message: ingestMessages.errors.undecodable };
  return importDecodedText(decoded.text);
}

export function importDecodedText(text: string): TIngestResult {
  return parseIngested({ kind: 'text', lines: text.replace(/^\ufeff/, '').replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/) });
}
