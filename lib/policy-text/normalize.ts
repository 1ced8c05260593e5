/*
 * Character and line helpers for Japanese regulation texts. Pure functions, no I/O.
 */

const FULLWIDTH_DIGIT_ZERO = 0xff10;
const FULLWIDTH_ASCII_START = 0xff01;
const FULLWIDTH_ASCII_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

export const IDEOGRAPHIC_SPACE = '\u3000';

/** １０ → 10; everything else unchanged (same length, so match positions stay valid). */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET));
}

/** 10 → １０ */
export function toFullWidthDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (ch) => String.fromCharCode(FULLWIDTH_DIGIT_ZERO + Number(ch)));
}

/**
 * Full-width ASCII (！ to ～) to ASCII and the ideographic space to a space; one character for one,
 * so positions stay valid. Unlike NFKC it leaves katakana, circled numbers and kanji alone.
 */
export function toHalfWidthAscii(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= FULLWIDTH_ASCII_START && code <= FULLWIDTH_ASCII_END) out += String.fromCharCode(code - FULLWIDTH_OFFSET);
    else if (ch === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十五 → 15, 九十九 → 99, 百二 → 102, 二〇 → 20; null for anything else. */
export function kanjiToNumber(text: string): number | null {
  if (text.length === 0 || text.length > 8) return null;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(text)) return Number([...text].map((ch) => KANJI_DIGITS[ch]).join(''));
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    const digit = KANJI_DIGITS[ch];
    if (digit !== undefined) {
      if (pending !== null) return null;
      pending = digit;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : null;
    if (unit === null || unit >= lastUnit) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    lastUnit = unit;
  }
  total += pending ?? 0;
  return total > 0 ? total : null;
}

/** 12, １２ or 十二 → 12; null when the text is not a number. */
export function parseNumeral(text: string): number | null {
  const half = toHalfWidthDigits(text);
  if (/^[0-9]{1,6}$/.test(half)) return Number(half);
  return kanjiToNumber(text);
}

export const AIUEO_ORDER = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'];
export const IROHA_ORDER = [...'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス'];
export type TKanaOrder = 'aiueo' | 'iroha';

/** Half-width katakana (ｱ) to full-width (ア); other characters unchanged. */
export function toFullWidthKana(ch: string): string {
  return /[\uff66-\uff9d]/.test(ch) ? ch.normalize('NFKC') : ch;
}

/** 1-based position of a katakana label in the given order, or null. */
export function kanaPosition(kana: string, order: TKanaOrder): number | null {
  const list = order === 'iroha' ? IROHA_ORDER : AIUEO_ORDER;
  const index = list.indexOf(toFullWidthKana(kana));
  return index < 0 ? null : index + 1;
}

export function isLabelKana(kana: string): boolean {
  const full = toFullWidthKana(kana);
  return AIUEO_ORDER.includes(full) || IROHA_ORDER.includes(full);
}

/** ⑴ → 1 … ⒇ → 20 and ① → 1 … ⑳ → 20; null otherwise. */
export function circledNumber(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1) return null;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return null;
}

/** Columns a line takes on the page: CJK and full-width characters count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x2460 && code <= 0x24ff) ||
    code >= 0x20000
  );
}

// Spaces as PDF extractors leave them: ASCII, ideographic, NBSP and the zero-width characters.
function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x3000 ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0xfeff
  );
}

// Hand-written rather than /\s+$/, which backtracks quadratically on a long run of spaces.
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

function trimStartSpaces(text: string): string {
  let start = 0;
  while (start < text.length && isSpaceCode(text.charCodeAt(start))) start++;
  return text.slice(start);
}

export function trimSpaces(text: string): string {
  return trimStartSpaces(trimEndSpaces(text));
}

const PAGE_NUMBER = /^[-－‐―—–−ー~〜]?\s*(?:[pP]\.?\s*)?[0-9０-９]{1,4}\s*[-－‐―—–−ー~〜]?$/;
const PAGE_OF_PAGES = /^[-－‐―—–−ー]?\s*[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}\s*[-－‐―—–−ー]?$/;

/** A page number left over from a PDF page break: "3", "- 3 -", "３／１０". */
export function isPageNumberLine(trimmed: string): boolean {
  return trimmed.length <= 15 && (PAGE_NUMBER.test(trimmed) || PAGE_OF_PAGES.test(trimmed));
}

export interface TCleanLine {
  /** 1-based line number in the input */
  no: number;
  /** the line without leading and trailing spaces */
  text: string;
  /** the line starts with an ideographic space (a typed paragraph indent) */
  fwIndent: boolean;
  /** leading indentation in columns */
  indent: number;
  /** page width taken by the line including its indentation */
  width: number;
}

/**
 * Splits text into non-blank lines, dropping page-number leftovers and form feeds; keeps each
 * line's original number and its indentation for the paragraph heuristics.
 */
export function cleanLines(text: string): TCleanLine[] {
  const lines: TCleanLine[] = [];
  // A form feed marks a page break at the start of a line; counting it as a line break would
  // shift every later line number that errors report.
  const raw = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  raw.forEach((line, index) => {
    const withoutTail = trimEndSpaces(line.replace(/\t/g, '    '));
    const trimmed = trimStartSpaces(withoutTail);
    if (trimmed === '' || isPageNumberLine(trimmed)) return;
    const lead = withoutTail.slice(0, withoutTail.length - trimmed.length);
    lines.push({
      no: index + 1,
      text: trimmed,
      fwIndent: lead.replace(/[\f\v\u200b-\u200d\u2060\ufeff]/g, '').startsWith(IDEOGRAPHIC_SPACE),
      indent: displayWidth(lead.replace(/[\f\v\u200b-\u200d\u2060\ufeff]/g, '')),
      width: displayWidth(withoutTail),
    });
  });
  return lines;
}

/**
 * Whether a line wrapped by the PDF layout needs a space when joined. Japanese has no spaces
 * between words, so the pieces are joined directly; Latin text, however, is only ever wrapped
 * at a space, so one is put back between two Latin letters or digits.
 * Only the last character of the previous line is looked at, so long paragraphs stay linear.
 */
export function needsJoinSpace(previousLine: string, next: string): boolean {
  return /[A-Za-z0-9]/.test(previousLine.charAt(previousLine.length - 1)) && /[A-Za-z0-9]/.test(next.charAt(0));
}

export function joinWrapped(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  return needsJoinSpace(before, after) ? `${before} ${after}` : before + after;
}

/** The line ends a sentence: 。 (or ． ！ ？) as its last character. */
export function endsSentence(text: string): boolean {
  return text.length > 0 && '。．！？!?'.includes(text.charAt(text.length - 1));
}
