import type { TIngestWarning } from '@/lib/ingest/types';

/** One warning as a line for people: 「38行目: 結合されたセルを含む表です。…（Word の表2の1行目）」. */
export function formatIngestWarning(warning: TIngestWarning): string {
  const located = /^\d+行目/.test(warning.message) ? warning.message : `${warning.line}行目: ${warning.message}`;
  return warning.where ? `${located}（${warning.where}）` : located;
}
