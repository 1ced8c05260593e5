import type { TKanaOrder } from '@/lib/policy-text/normalize';
import { type TLabel, type TLabelStyle, labelNumber } from '@/lib/policy-text/deep/labels';

/*
 * Where a label goes among the open lists (the heart of the deep parser): levels are inferred
 * from the labels around a label, never from a fixed table of styles.
 */

export interface TOpenList {
  style: TLabelStyle;
  order: TKanaOrder;
  /** the number of the list's last label */
  last: number;
}

export interface TPlacement {
  /** the reading of the line's label that was chosen (i may be a letter or a roman numeral) */
  label: TLabel;
  /** 0-based level: 0 for a 号 under its 項, 1 for the first 細分 … */
  index: number;
  /** the label's style is open but its number does not follow the list's last */
  outOfSequence: boolean;
}

/**
 * - a label continuing an open list's sequence (イ after ア) stays at that level;
 * - a style open on an ancestor level closes the deeper lists;
 * - a style first seen at some depth goes back to that depth, unless the list open there is of a
 *   style first seen at that same depth (① and ア both met under a 号: ア after ② nests under it);
 * - an unseen style opens a deeper level.
 * `firstDepth` maps a style to the 1-based depth it was first seen at.
 */
export function placeLabel(open: readonly TOpenList[], labels: readonly TLabel[], firstDepth: ReadonlyMap<TLabelStyle, number>): TPlacement {
  for (let j = open.length - 1; j >= 0; j--) {
    const list = open[j] as TOpenList;
    const label = labels.find((l) => l.style === list.style && labelNumber(l, list.order) === list.last + 1);
    if (label) return { label, index: j, outOfSequence: false };
  }
  for (let j = open.length - 1; j >= 0; j--) {
    const list = open[j] as TOpenList;
    const label = labels.find((l) => l.style === list.style);
    if (label) return { label, index: j, outOfSequence: true };
  }
  const label = labels[0] as TLabel;
  const known = firstDepth.get(label.style);
  const occupant = known !== undefined ? open[known - 1] : undefined;
  const returns = known !== undefined && occupant !== undefined && firstDepth.get(occupant.style) !== known;
  return { label, index: returns ? (known as number) - 1 : open.length, outOfSequence: false };
}
