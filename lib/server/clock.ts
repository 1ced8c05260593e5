import 'server-only';
import { serverEnv } from '@/lib/server/env';

/*
 * The one source of "today" for effective dates (施行日): calendar dates in Japan, so the date
 * in Asia/Tokyo, not in UTC. PORTAL_FIXED_DATE pins it for demos and tests; setClockForTests
 * moves it inside a test process. Timestamps of events (sessions, decisions, audit records) are
 * the real time, `wallClock()`: moving the calendar must never reorder or expire them.
 */
export function wallClock(): Date {
  return new Date();
}

let override: Date | null = null;

export function setClockForTests(date: Date | null): void {
  override = date;
}

export function now(): Date {
  if (override) return new Date(override);
  const fixed = serverEnv().PORTAL_FIXED_DATE;
  if (fixed) return new Date(`${fixed}T03:00:00Z`);
  return new Date();
}

const tokyoDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** today's date in Japan as YYYY-MM-DD */
export function todayInJapan(): string {
  return tokyoDate.format(now());
}

/** a DATE column value (midnight UTC) as YYYY-MM-DD */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the Date Prisma writes to a DATE column */
export function dateColumn(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
