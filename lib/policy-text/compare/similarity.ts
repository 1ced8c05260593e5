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
  const all = new Int32Array(n + 1);
  let previous = 0xffff;
  for (let i = 0; i < n; i++) {
    const c = foldWidth(text.charCodeAt(i));
    all[i] = (previous << 16) | c;
    previous = c;
  }
  all[n] = (previous << 16) | 0xffff;
  if (all.length > 48) all.sort();
  else {
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
  }
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i] ?? 0;
  return all.subarray(0, distinct);
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

