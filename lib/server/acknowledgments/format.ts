import 'server-only';

/** 第n版, or 整理番号 for a revision without an edition (never asked about, but safe). */
export function formatEdition(edition: number | null, number: number): string {
  return edition !== null ? `第${edition}版` : `整理番号${number}`;
}
