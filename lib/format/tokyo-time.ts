import { formatWareki } from '@/lib/policy-text/wareki';

/*
 * Instants shown as Japan's wall clock, the same on the server and in the browser whatever their
 * time zones. The one place the screens format a timestamp.
 */
const TOKYO = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function tokyoParts(iso: string): Record<string, string> {
  return Object.fromEntries(TOKYO.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** 和暦 with the time of day: 令和8年4月1日 14:03. */
export function formatDateTime(iso: string): string {
  const p = tokyoParts(iso);
  return `${formatWareki(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}`;
}

/** The time of day: 14:03:05. */
export function formatTime(iso: string): string {
  const p = tokyoParts(iso);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** A full timestamp for the audit trail: 2026/11/26 15:04:05. */
export function formatJst(iso: string): string {
  const p = tokyoParts(iso);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
