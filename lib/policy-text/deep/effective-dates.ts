import { findWarekiDate } from '@/lib/policy-text/wareki';
import type { TNode, TSupplementary } from '@/lib/policy-text/deep/tree';

/*
 * The dates a 附則 puts provisions into force on: 「この規程は、令和5年4月1日から施行する。ただし、
 * 第3条の規定は、令和5年10月1日から施行する。」 names two.
 */

function sentencesOf(nodes: readonly TNode[], out: string[]): string[] {
  for (const node of nodes) {
    out.push(...node.sentences);
    sentencesOf(node.children, out);
  }
  return out;
}

/** The first 施行 date of a 附則: its 施行日. */
export function effectiveDateOf(unit: TSupplementary): string | null {
  for (const sentence of sentencesOf(unit.children, [])) {
    if (!sentence.includes('施行')) continue;
    const date = findWarekiDate(sentence);
    if (date) return date;
    // 「公布の日から施行する」: the day of promulgation is the one the heading's note names
    if (sentence.includes('公布の日から施行') && unit.note) return findWarekiDate(unit.note);
  }
  return null;
}

/** Every 施行 date the 附則 names, sentence by sentence, without repeats. */
export function effectiveDatesOf(unit: TSupplementary): string[] {
  const dates: string[] = [];
  for (const paragraph of sentencesOf(unit.children, [])) {
    if (!paragraph.includes('施行')) continue;
    for (const sentence of paragraph.split(/(?<=。)/)) {
      const date = sentence.includes('施行') ? findWarekiDate(sentence) : null;
      if (date && !dates.includes(date)) dates.push(date);
    }
  }
  return dates;
}

export function setEffectiveDates(unit: TSupplementary): void {
  const date = effectiveDateOf(unit);
  if (date) unit.effectiveDate = date;
  const dates = effectiveDatesOf(unit);
  if (dates.length > 1) unit.dates = dates;
}
