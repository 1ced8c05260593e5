import type { TIngestKind, TIngestWarning } from '@/lib/ingest/types';

/*
 * What the file-import screens (文書を取り込む, ファイルから改正案を作る) get back from the server:
 * the file as the server saw it, the text it read and the reader's warnings. Client-safe.
 */

/** Upper bound of PORTAL_IMPORT_MAX_MB; the proxy and next.config allow a body of this plus the form's overhead. */
export const IMPORT_MAX_MB_CEILING = 20;
export const DEFAULT_IMPORT_MAX_MB = 10;

export interface TImportedFile {
  /** the name the browser sent, without folders */
  name: string;
  size: number;
  /** by content, never by name */
  kind: TIngestKind;
  sha256: string;
}

export interface TImportPreview {
  /** the audit event that recorded the read; the draft names it, so the file's facts come from the server */
  receipt: string;
  file: TImportedFile;
  text: string;
  /** the title the text names (its first line), for the new document's form */
  title: string;
  /** the reader's warnings, at lines of `text` (Word の第12段落, PDF の3ページ where known) */
  warnings: TIngestWarning[];
}
