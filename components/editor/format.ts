import { formatWareki } from '@/lib/policy-text/wareki';

const JST = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string): Record<string, string> {
  return Object.fromEntries(JST.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** An instant as Japan's wall clock in 和暦: 令和8年4月1日 14:03. The same on server and client, whatever their time zones. */
export function formatDateTime(iso: string): string {
  const p = partsOf(iso);
  return `${formatWareki(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}`;
}

/** The time of day in Japan: 14:03:05. */
export function formatTime(iso: string): string {
  const p = partsOf(iso);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** Line breaks as a textarea's value has them (LF): texts saved through a form may carry CRLF. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
