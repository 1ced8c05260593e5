import {
  type TKanaOrder,
  circledNumber,
  isLabelKana,
  kanaPosition,
  parseNumeral,
  toFullWidthKana,
  toHalfWidthAscii,
} from '@/lib/policy-text/normalize';

/*
 * Labels of paragraphs, items and sub-items (項・号・号の細分). A label's style says nothing
 * fixed about its level: the parser infers the level from the labels around it. Full- and
 * half-width spellings of one style are the same style ((1) and （１）, ア and ｱ, a and ａ).
 */

export type TLabelStyle =
  | 'digit' // 1 １
  | 'digit-dot' // 1. １．
  | 'digit-paren' // 1) １）
  | 'paren-digit' // (1) （１） ⑴
  | 'circled' // ①
  | 'kanji' // 一
  | 'paren-kanji' // (一)
  | 'kana' // ア ｱ
  | 'paren-kana' // (ア)
  | 'kana-dot' // ア.
  | 'latin' // a ａ
  | 'latin-dot' // a.
  | 'latin-paren' // a)
  | 'paren-latin' // (a)
  | 'upper-latin' // A
  | 'paren-upper-latin' // (A)
  | 'roman' // ⅰ, i.
  | 'paren-roman' // (i) (ⅰ)
  | 'upper-roman' // Ⅰ
  | 'paren-upper-roman' // (Ⅰ)
  | 'kana-paren' // ア)
  | `decimal-${number}`; // 1.1, 1.2.3: the number of parts is the style

export interface TLabel {
  style: TLabelStyle;
  /** as written, without the space after it */
  label: string;
  num: number;
  /** the katakana of a kana label: its number depends on the list's order (aiueo or iroha) */
  kana?: string;
  /** the text after the label on the same line */
  rest: string;
}

const SPACE = '[\\s\\u3000]';
const AFTER = `(?:${SPACE}+|$)`;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t';
}

/** The label's characters plus the spaces after them: the part of the line that is not text. */
function headOf(text: string, labelLength: number): string {
  let end = labelLength;
  while (end < text.length && isSpace(text.charAt(end))) end++;
  return text.slice(0, end);
}

function romanValue(text: string): number | null {
  const lower = text.toLowerCase();
  if (!/^[ivxl]{1,6}$/.test(lower)) return null;
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = values[lower.charAt(i)] ?? 0;
    const next = values[lower.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 90 ? total : null;
}

/** ⅰ-ⅻ (U+2170…) and Ⅰ-Ⅻ (U+2160…) */
function romanCharValue(ch: string): { num: number; upper: boolean } | null {
  const code = ch.charCodeAt(0);
  if (code >= 0x2170 && code <= 0x217b) return { num: code - 0x2170 + 1, upper: false };
  if (code >= 0x2160 && code <= 0x216b) return { num: code - 0x2160 + 1, upper: true };
  return null;
}

function make(style: TLabelStyle, head: string, num: number, text: string, kana?: string): TLabel {
  return { style, label: head.trim(), num, rest: text.slice(head.length).trim(), ...(kana ? { kana } : {}) };
}

function kanaLabel(style: TLabelStyle, head: string, kana: string, text: string): TLabel {
  const full = toFullWidthKana(kana);
  return make(style, head, kanaPosition(full, 'aiueo') ?? kanaPosition(full, 'iroha') ?? 1, text, full);
}

const PAREN = /^[(（]([^()（）]{1,4})[)）]/;
const DIGITS = /^([0-9０-９]{1,3})(?:([.．](?![0-9０-９])|[)）])|(?=[\s\u3000]|$))/;
const KANJI = new RegExp(`^([一二三四五六七八九十]{1,4})${AFTER}`);
const KANA = new RegExp(`^([ァ-ヺｦ-ﾝ])(?:([.．)）])[\\s\\u3000]*|${AFTER})`);
const DECIMAL = /^([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3}){1,4})[.．]?(?=[\s\u3000]|$)/;
const LATIN = new RegExp(`^([a-zA-Zａ-ｚＡ-Ｚ]{1,4})(?:([.．)）])(?![A-Za-z0-9])[\\s\\u3000]*|${AFTER})`);

/**
 * Every reading of a line's leading label, most likely first. Latin i, v and x read both as
 * letters and as roman numerals; the parser keeps the one that continues an open list.
 */
export function parseLabels(text: string): TLabel[] {
  const first = text.charAt(0);
  if (first === '(' || first === '（') return parseParenLabels(text);
  const circled = circledNumber(first);
  if (circled !== null) {
    const head = headOf(text, 1);
    return [make(text.charCodeAt(0) >= 0x2474 ? 'paren-digit' : 'circled', head, circled, text)];
  }
  const romanChar = romanCharValue(first);
  if (romanChar) {
    const dot = text.charAt(1) === '.' || text.charAt(1) === '．' ? 1 : 0;
    const head = headOf(text, 1 + dot);
    if (head.length === 1 + dot && text.length > head.length) return [];
    return [make(romanChar.upper ? 'upper-roman' : 'roman', head, romanChar.num, text)];
  }
  const decimal = DECIMAL.exec(text);
  if (decimal?.[1]) {
    const parts = decimal[1].split(/[.．]/);
    return [make(`decimal-${parts.length}`, headOf(text, decimal[0].length), Number(parseNumeral(parts.at(-1) ?? '1')), text)];
  }
  const digits = DIGITS.exec(text);
  if (digits?.[1]) {
    const mark = digits[2];
    const style: TLabelStyle = !mark ? 'digit' : mark === ')' || mark === '）' ? 'digit-paren' : 'digit-dot';
    const head = headOf(text, digits[0].length);
    // 「1 目的」 needs the space; 「2024年」 and 「1.5倍」 are text
    if (style === 'digit' && head.length === digits[0].length && text.length > head.length) return [];
    return [make(style, head, Number(parseNumeral(digits[1])), text)];
  }
  const kanji = KANJI.exec(text);
  if (kanji?.[1]) {
    const num = parseNumeral(kanji[1]);
    return num !== null && num < 100 ? [make('kanji', kanji[0], num, text)] : [];
  }
  const kana = KANA.exec(text);
  if (kana?.[1] && isLabelKana(kana[1])) {
    const style: TLabelStyle = !kana[2] ? 'kana' : kana[2] === '.' || kana[2] === '．' ? 'kana-dot' : 'kana-paren';
    return [kanaLabel(style, headOf(text, kana[0].length), kana[1], text)];
  }
  const latin = LATIN.exec(text);
  if (latin?.[1]) return latinLabels(latin[1], latin[2], latin[0], text, false);
  return [];
}

function parseParenLabels(text: string): TLabel[] {
  const paren = PAREN.exec(text);
  const inner = paren?.[1];
  if (!paren || !inner) return [];
  const head = headOf(text, paren[0].length);
  if (/^[0-9０-９]{1,3}$/.test(inner)) return [make('paren-digit', head, Number(parseNumeral(inner)), text)];
  if (/^[一二三四五六七八九十]{1,4}$/.test(inner)) {
    const num = parseNumeral(inner);
    return num !== null && num < 100 ? [make('paren-kanji', head, num, text)] : [];
  }
  if (/^[ァ-ヺｦ-ﾝ]$/.test(inner) && isLabelKana(inner)) return [kanaLabel('paren-kana', head, inner, text)];
  const romanChar = inner.length === 1 ? romanCharValue(inner) : null;
  if (romanChar) return [make(romanChar.upper ? 'paren-upper-roman' : 'paren-roman', head, romanChar.num, text)];
  if (/^[a-zA-Zａ-ｚＡ-Ｚ]{1,4}$/.test(inner)) return latinLabels(inner, undefined, head, text, true);
  return [];
}

function latinLabels(letters: string, mark: string | undefined, head: string, text: string, paren: boolean): TLabel[] {
  const half = toHalfWidthAscii(letters);
  const upper = half === half.toUpperCase();
  const labels: TLabel[] = [];
  const roman = romanValue(half);
  const romanStyle: TLabelStyle = paren ? (upper ? 'paren-upper-roman' : 'paren-roman') : upper ? 'upper-roman' : 'roman';
  if (half.length === 1) {
    const num = half.toLowerCase().charCodeAt(0) - 96;
    const style: TLabelStyle = paren
      ? upper
        ? 'paren-upper-latin'
        : 'paren-latin'
      : upper
        ? 'upper-latin'
        : mark === ')' || mark === '）'
          ? 'latin-paren'
          : mark
            ? 'latin-dot'
            : 'latin';
    const letter = make(style, head, num, text);
    const romanLabel = roman !== null ? make(romanStyle, head, roman, text) : null;
    // a list starts at i, but at v or x it is the 22nd or 24th letter
    if (romanLabel && half.toLowerCase() === 'i') labels.push(romanLabel, letter);
    else labels.push(letter, ...(romanLabel ? [romanLabel] : []));
    return labels;
  }
  // 「ii 」「iv.」: roman only; a word such as 「of」 is no label
  if (roman !== null) labels.push(make(romanStyle, head, roman, text));
  return labels;
}

/** The number of a kana label in a list of the given order; other labels keep theirs. */
export function labelNumber(label: TLabel, order: TKanaOrder): number {
  if (!label.kana) return label.num;
  return kanaPosition(label.kana, order) ?? kanaPosition(label.kana, order === 'aiueo' ? 'iroha' : 'aiueo') ?? label.num;
}

/** A kana list that starts at イ counts イロハ. */
export function kanaOrderOf(label: TLabel): TKanaOrder {
  return label.kana === 'イ' ? 'iroha' : 'aiueo';
}

/** Labels numbered like 号 (items): cited as 第n号. */
export function isNumericStyle(style: TLabelStyle): boolean {
  return style === 'digit' || style === 'digit-dot' || style === 'digit-paren' || style === 'paren-digit' || style === 'circled' || style === 'kanji' || style === 'paren-kanji';
}
