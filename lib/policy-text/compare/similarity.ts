import type { TContext } from '@/lib/policy-text/compare/align';

/*
 * Similarity of texts for the alignment: Dice coefficient over character bigrams.
 */

/** Full-width ASCII (Ａ, １) folded onto ASCII and the ideographic space onto a space, for similarity only. */
function foldWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code === 0x3000 ? 0x20 : code;
}

/**
 * Sorted distinct character bigrams (UTF-16 units) of the text, with start and end markers, so
 * that even a one-character text has two. Full-width and half-width forms count as the same here:
 * 「年１回」 and 「年1回」 are the same provision for alignment, though the diff marks the change.
 */
export function bigrams(text: string): Int32Array {
  const n = text.length;
  if (n >= 48) return longBigrams(text);
  const all = new Int32Array(n + 1);
  let previous = 0xffff;
  for (let i = 0; i < n; i++) {
    const c = foldWidth(text.charCodeAt(i));
    all[i] = (previous << 16) | c;
    previous = c;
  }
  all[n] = (previous << 16) | 0xffff;
  // the native sort has a high fixed cost; most lines are short
  for (let i = 1; i < all.length; i++) {
    const value = all[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (all[j] ?? 0) > value) {
      all[j + 1] = all[j] ?? 0;
      j--;
    }
    all[j + 1] = value;
  }
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i] ?? 0;
  return all.subarray(0, distinct);
}

/** Open-addressing set reused by longBigrams: a slot is taken when its stamp is the current epoch. */
let slots = new Int32Array(4096);
let stamps = new Uint32Array(4096);
let epoch = 0;
let found = new Int32Array(4096);

/**
 * The bigrams of a long text (a whole article), the same set as the short path: distinct ones
 * are picked out with a hash set first, so only they are sorted (legal prose repeats its
 * bigrams, and sorting is most of the cost).
 */
function longBigrams(text: string): Int32Array {
  const n = text.length;
  let size = 4096;
  while (size < 2 * (n + 1)) size *= 2;
  if (slots.length < size) {
    slots = new Int32Array(size);
    stamps = new Uint32Array(size);
    epoch = 0;
  }
  if (found.length < n + 1) found = new Int32Array(size);
  epoch++;
  if (epoch === 0xffffffff) {
    stamps.fill(0);
    epoch = 1;
  }
  const mask = slots.length - 1;
  let distinct = 0;
  let previous = 0xffff;
  for (let i = 0; i <= n; i++) {
    let value: number;
    if (i < n) {
      const c = foldWidth(text.charCodeAt(i));
      value = (previous << 16) | c;
      previous = c;
    } else value = (previous << 16) | 0xffff;
    let slot = (Math.imul(value, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      if (stamps[slot] !== epoch) {
        stamps[slot] = epoch;
        slots[slot] = value;
        found[distinct++] = value;
        break;
      }
      if (slots[slot] === value) break;
      slot = (slot + 1) & mask;
    }
  }
  return found.slice(0, distinct).sort();
}

/** Dice coefficient 2|A∩B| / (|A| + |B|) of two bigram sets. */
export function dice(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / total;
}

/** Bigram sets with a cache for the quadratic alignment, charged to the phase's work budget. */
export class Signatures {
  private readonly cache = new Map<string, Int32Array>();
  constructor(private readonly context: TContext) {}

  of(text: string): Int32Array {
    let signature = this.cache.get(text);
    if (!signature) {
      signature = bigrams(text);
      this.context.work -= text.length + 1;
      this.cache.set(text, signature);
    }
    return signature;
  }

  /** Forgets cached sets, so that they die young instead of living to the end of the comparison. */
  clear(): void {
    this.cache.clear();
  }
}

