import { toHalfWidthAscii, endsSentence } from '@/lib/policy-text/normalize';
import { parseWarekiDate } from '@/lib/policy-text/wareki';

/*
 * Lines before the main provisions: the title, header lines (制定日, 訓令第N号), the 制定文.
 */

export const ENACTMENT = /次の(?:ように|とおり)(?:定める|改正する|制定する)/;
const HEADER_PREFIX = /^[（(]?(?:最終|全部|一部)?(?:改正|制定)/;
const HEADER_NUMBER = /^.{0,20}?(?:訓令|告示|規則|条例|要綱|要領|規程|規定|達|通達|通知)(?:甲|乙)?第[0-9〇一二三四五六七八九十百]{1,6}号$/;
const DATE_HEAD = /^(?:(?:明治|大正|昭和|平成|令和)(?:元|[0-9]{1,2}|[〇一二三四五六七八九十]{1,4})年(?:[0-9]{1,2}|[〇一二三四五六七八九十]{1,3})月(?:[0-9]{1,2}|[〇一二三四五六七八九十]{1,3})日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)/;

/** 令和3年3月25日訓令第5号, 平成12年3月28日, 訓令第8号, 最終改正 … */
export function isHeaderLine(text: string): boolean {
  if (text.length > 80) return false;
  const compact = toHalfWidthAscii(text).replace(/\s+/g, '');
  if (HEADER_PREFIX.test(compact)) return true;
  let rest = compact;
  const date = DATE_HEAD.exec(rest);
  if (date && parseWarekiDate(date[0])) {
    rest = rest.slice(date[0].length).replace(/^(?:制定|決定|施行|公布|改正)$/, '');
    if (rest === '') return true;
  }
  return HEADER_NUMBER.test(rest);
}

export function isTitleLine(text: string): boolean {
  return text.length <= 100 && !endsSentence(text) && !isHeaderLine(text);
}

/** 例規集 pages mark titles with ○; ○○市 is a placeholder name and keeps its marks. */
export function stripTitleMarker(text: string): string {
  return /^[○◯][^○◯]/.test(text) ? text.slice(1).trim() : text;
}
