import { toFullWidthDigits } from '@/lib/policy-text/normalize';

/*
 * Word's number formats (w:numFmt) as Word displays them. A 例規 in Word mostly uses
 * decimalEnclosedParen ⑴ or "(%1)" with decimal, aiueoFullWidth ア, iroha, lowerLetter a,
 * japaneseCounting 一 and decimalEnclosedCircle ①.
 */

const AIUEO_FULL = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン'];
const AIUEO_HALF = [...'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ'];
const IROHA_FULL = [...'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス'];
const IROHA_HALF = [...'ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽ'];
const KANJI_DIGITS = [...'〇一二三四五六七八九'];
const TRADITIONAL = [...'甲乙丙丁戊己庚辛壬癸'];

function cyclic(list: readonly string[], n: number): string {
  return list[(n - 1) % list.length] ?? '';
}

function letters(n: number): string {
  // Word repeats the letter: 27 -> aa, 53 -> aaa
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let rest = n;
  let out = '';
  for (const [value, text] of table) {
    while (rest >= value) {
      out += text;
      rest -= value;
    }
  }
  return out;
}

/** 11 -> 十一, 20 -> 二十, 105 -> 百五 */
function japaneseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let rest = n;
  let out = '';
  for (const [value, name] of units) {
    const digit = Math.floor(rest / value);
    if (digit > 0) out += (digit > 1 ? KANJI_DIGITS[digit] : '') + name;
    rest %= value;
  }
  return out + (rest > 0 ? KANJI_DIGITS[rest] : '');
}

/** The displayed number, or null for a format this reader does not know (the caller falls back to decimal). */
export function formatNumber(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
    case 'ordinal':
    case 'cardinalText':
    case 'ordinalText':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return toFullWidthDigits(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'aiueoFullWidth':
      return cyclic(AIUEO_FULL, n);
    case 'aiueo':
      return cyclic(AIUEO_HALF, n);
    case 'irohaFullWidth':
      return cyclic(IROHA_FULL, n);
    case 'iroha':
      return cyclic(IROHA_HALF, n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'japaneseCounting':
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseLegal':
      return japaneseCounting(n);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => KANJI_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return cyclic(TRADITIONAL, n);
    case 'none':
      return '';
    default:
      return null;
  }
}
