import { kanjiToNumber, toHalfWidthAscii } from '@/lib/policy-text/normalize';

interface TEra {
  name: string;
  letter: string;
  /** first day of the era, ISO */
  start: string;
  /** Gregorian year of the era's year 1 minus one */
  offset: number;
  /** the era's last year; documents written before an era change keep counting to it */
  lastYear?: number;
}

// 明治 began in 1868, but Japan used the lunisolar calendar until 明治6年 (1873): earlier
// 明治 dates do not map to Gregorian dates by simple arithmetic, so they are not supported.
const ERAS: readonly TEra[] = [
  { name: '令和', letter: 'R', start: '2019-05-01', offset: 2018 },
  { name: '平成', letter: 'H', start: '1989-01-08', offset: 1988, lastYear: 31 },
  { name: '昭和', letter: 'S', start: '1926-12-25', offset: 1925, lastYear: 64 },
  { name: '大正', letter: 'T', start: '1912-07-30', offset: 1911, lastYear: 15 },
  { name: '明治', letter: 'M', start: '1873-01-01', offset: 1867, lastYear: 45 },
];

const NUM = '(?:\\d{1,2}|[〇一二三四五六七八九十]{1,4})';
const ERA_DATE = `(明治|大正|昭和|平成|令和)\\s*(元|${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日`;
const LETTER_DATE = '([MTSHRmtshr])\\s*(元|\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})';
const WESTERN_DATE = '(\\d{4})\\s*(?:[./\\-]\\s*(\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)';

const FULL_ERA = new RegExp(`^${ERA_DATE}$`);
const FULL_LETTER = new RegExp(`^${LETTER_DATE}$`);
const FULL_WESTERN = new RegExp(`^${WESTERN_DATE}$`);
const ANY_DATE = new RegExp(`${ERA_DATE}|(?<![A-Za-z0-9])${LETTER_DATE}(?![0-9])|(?<![0-9])${WESTERN_DATE}(?![0-9])`, 'g');

function toNumber(text: string): number | null {
  if (text === '元') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  return kanjiToNumber(text);
}

function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function eraDate(era: TEra | undefined, yearText: string, monthText: string, dayText: string): string | null {
  const eraYear = toNumber(yearText);
  const month = toNumber(monthText);
  const day = toNumber(dayText);
  if (!era || eraYear === null || month === null || day === null || eraYear < 1) return null;
  if (era.lastYear !== undefined && eraYear > era.lastYear) return null;
  const iso = isoOf(era.offset + eraYear, month, day);
  return iso !== null && iso >= era.start ? iso : null;
}

function dateFromGroups(groups: (string | undefined)[]): string | null {
  const [eraName, eraYear, eraMonth, eraDay, letter, letterYear, letterMonth, letterDay, year, m1, d1, m2, d2] = groups;
  if (eraName && eraYear && eraMonth && eraDay) {
    return eraDate(
      ERAS.find((e) => e.name === eraName),
      eraYear,
      eraMonth,
      eraDay,
    );
  }
  if (letter && letterYear && letterMonth && letterDay) {
    return eraDate(
      ERAS.find((e) => e.letter === letter.toUpperCase()),
      letterYear,
      letterMonth,
      letterDay,
    );
  }
  const month = m1 ?? m2;
  const day = d1 ?? d2;
  if (year && month && day) return isoOf(Number(year), Number(month), Number(day));
  return null;
}

/**
 * A whole string read as a date: 令和４年５月２６日, 令和元年5月1日, R4.5.26, H15/10/1,
 * 2022-05-26, 2022年5月26日 → ISO 'YYYY-MM-DD'; null when it is not a valid date.
 */
export function parseWarekiDate(text: string): string | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const normalized = toHalfWidthAscii(text).trim();
  const era = FULL_ERA.exec(normalized);
  if (era) return dateFromGroups([...era.slice(1, 5)]);
  const letter = FULL_LETTER.exec(normalized);
  if (letter) return dateFromGroups([undefined, undefined, undefined, undefined, ...letter.slice(1, 5)]);
  const western = FULL_WESTERN.exec(normalized);
  if (western) return dateFromGroups([...Array<undefined>(8).fill(undefined), ...western.slice(1, 6)]);
  return null;
}

/** The first valid date inside a sentence: 「この基本方針は、令和４年５月２６日から施行する。」 → '2022-05-26'. */
export function findWarekiDate(text: string): string | null {
  if (typeof text !== 'string') return null;
  for (const match of toHalfWidthAscii(text).matchAll(ANY_DATE)) {
    const iso = dateFromGroups(match.slice(1));
    if (iso) return iso;
  }
  return null;
}

function parseIso(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isoOf(year, month, day) === iso ? { year, month, day } : null;
}

/** '2022-05-26' → '令和4年5月26日', '2019-05-01' → '令和元年5月1日'. Dates it cannot convert are returned as given. */
export function formatWareki(iso: string): string {
  const date = typeof iso === 'string' ? parseIso(iso) : null;
  const era = date ? ERAS.find((e) => iso >= e.start) : undefined;
  if (!date || !era) return iso;
  const eraYear = date.year - era.offset;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${date.month}月${date.day}日`;
}

/** '2022-05-26' → '令和4年5月26日 (2022-05-26)' */
export function formatWarekiWithIso(iso: string): string {
  const wareki = formatWareki(iso);
  return wareki === iso ? iso : `${wareki} (${iso})`;
}
