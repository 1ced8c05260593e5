import type { TDeepTree } from '@/lib/policy-text/deep/tree';

/*
 * What an import hands back: the text the deep parser read (labels Word numbered itself written
 * out, tables in the parser's | syntax), the tree, and warnings that point at a line of that text
 * and, where known, at the place in the source file (段落, 表, ページ).
 */

export type TIngestKind = 'docx' | 'pdf' | 'text';

export const INGEST_ERROR_CODES = [
  'EMPTY',
  'TOO_LARGE',
  'UNPACKED_TOO_LARGE',
  'UNSUPPORTED',
  'LEGACY_DOC',
  'NOT_DOCX',
  'BROKEN_DOCX',
  'ENCRYPTED_PDF',
  'NO_TEXT_LAYER',
  'BROKEN_PDF',
  'UNDECODABLE',
  'NO_STRUCTURE',
] as const;
export type TIngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export interface TIngestWarning {
  /** 1-based line of `text` */
  line: number;
  message: string;
  /** where in the source file: Word の第12段落, PDF の3ページ */
  where?: string;
}

export interface TIngestSuccess {
  ok: true;
  kind: TIngestKind;
  text: string;
  tree: TDeepTree;
  warnings: TIngestWarning[];
  /** for each line of `text` (index 0 is line 1), where it came from in a Word or PDF file */
  sources?: TSourceMap;
}

export interface TIngestFailure {
  ok: false;
  code: TIngestErrorCode;
  /** Japanese, for the person who uploaded the file */
  message: string;
  /** for a text that was read but did not parse: the parser's messages */
  details?: TIngestWarning[];
}

export type TIngestResult = TIngestSuccess | TIngestFailure;

/** Where each line of the produced text came from; index 0 is line 1. */
export type TSourceMap = (string | undefined)[];
