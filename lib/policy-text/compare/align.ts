import { dice } from '@/lib/policy-text/compare/similarity';

/*
 * Alignment of two sequences (units of the table, or the lines inside one unit) by content:
 * exact matches first (common prefix/suffix, then patience-style unique matches), the rest by a
 * weighted LCS over similarity, and what is left between matches paired by number (ident).
 */

export interface TContext {
  /** remaining similarity work of the current phase */
  work: number;
  deadline: number;
  /** an alignment was approximated (paired by number only) */
  degraded: boolean;
  /** a quadratic step was refused for want of budget */
  exhausted: boolean;
}

export interface TAlignable {
  content: string;
  ident: number;
}

/**
 * How much a match counts in the alignment. A chapter heading matters less than an article: when
 * a chapter boundary moves past an article, the article should stay matched, not the heading.
 */
export type TWeight<T> = (item: T) => number;

export interface TAlignSpec<T extends TAlignable> {
  /** the item's character bigrams (see bigrams) */
  signature(item: T): Int32Array;
  /** ≥ 0: may be matched, higher is better; < 0: must not be matched. `similarity` is their Dice coefficient. */
  score(before: T, after: T, similarity: number): number;
  weight: TWeight<T>;
  cells: number;
}

export type TMatchHow = 'same' | 'similar' | 'ident';
export type TMatch = { i: number; j: number; how: TMatchHow };

/**
 * Aligns two sequences; returns increasing index pairs. Exact matches are taken first (common
 * prefix and suffix, then matches unique on both sides in increasing order, recursively, as in
 * patience diff), so the quadratic similarity step only sees the stretches that really changed.
 */
export function alignSequences<T extends TAlignable>(before: readonly T[], after: readonly T[], spec: TAlignSpec<T>, context: TContext): TMatch[] {
  const matches: TMatch[] = [];

  const exactRange = (aLo: number, aHi: number, bLo: number, bHi: number, depth: number): void => {
    const head: TMatch[] = [];
    while (aLo < aHi && bLo < bHi && before[aLo]?.content === after[bLo]?.content) head.push({ i: aLo++, j: bLo++, how: 'same' });
    const tail: TMatch[] = [];
    while (aHi > aLo && bHi > bLo && before[aHi - 1]?.content === after[bHi - 1]?.content) tail.push({ i: --aHi, j: --bHi, how: 'same' });
    for (const match of head) matches.push(match);
    if (aLo < aHi && bLo < bHi) middle(aLo, aHi, bLo, bHi, depth);
    for (let k = tail.length - 1; k >= 0; k--) matches.push(tail[k] as TMatch);
  };

  const middle = (aLo: number, aHi: number, bLo: number, bHi: number, depth: number): void => {
    // Unique exact matches first: they are the strongest evidence and cut the rest into small gaps.
    const anchors = depth < 24 ? uniqueAnchors(before, after, aLo, aHi, bLo, bHi, spec.weight) : [];
    if (anchors.length > 0) {
      let i = aLo;
      let j = bLo;
      for (const anchor of anchors) {
        if (i < anchor.i && j < anchor.j) exactRange(i, anchor.i, j, anchor.j, depth + 1);
        matches.push(anchor);
        i = anchor.i + 1;
        j = anchor.j + 1;
      }
      if (i < aHi && j < bHi) exactRange(i, aHi, j, bHi, depth + 1);
      return;
    }
    if (aHi - aLo === 1 && bHi - bLo === 1) {
      // one unit left on each side (the usual amended article): score the pair, no index needed
      const a = before[aLo] as T;
      const b = after[bLo] as T;
      const x = spec.signature(a);
      const y = spec.signature(b);
      context.work -= x.length + y.length;
      if (spec.score(a, b, dice(x, y)) >= 0) matches.push({ i: aLo, j: bLo, how: a.content === b.content ? 'same' : 'similar' });
      return;
    }
    if ((aHi - aLo) * (bHi - bLo) <= spec.cells && similarRange(aLo, aHi, bLo, bHi)) return;
    // Too large or too costly to align by similarity: leave it to pairing by number.
    context.degraded = true;
  };

  /**
   * Weighted LCS over the similarity scores; false when the budget does not allow it. The
   * bigrams shared by every pair are counted at once through an index of the after side's
   * bigrams, whose exact cost is known before starting (the sum of the posting lists visited).
   * A bigram most units have (しな, なけ, れば …) is stored as the list of units lacking it:
   * it adds one to every count of the row, and the short list takes it back.
   */
  const similarRange = (aLo: number, aHi: number, bLo: number, bHi: number): boolean => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const refuse = (): false => {
      context.exhausted = true;
      return false;
    };
    const postings = new Map<number, number[]>();
    const afterSizes = new Int32Array(m);
    for (let j = 0; j < m; j++) {
      const signature = spec.signature(after[bLo + j] as T);
      afterSizes[j] = signature.length;
      for (const bigram of signature) {
        const list = postings.get(bigram);
        if (list) list.push(j);
        else postings.set(bigram, [j]);
      }
    }
    const common = new Set<number>();
    if (m >= 8) {
      const present = new Uint8Array(m);
      for (const [bigram, list] of postings) {
        if (list.length * 2 <= m) continue;
        present.fill(0);
        for (const j of list) present[j] = 1;
        const lacking: number[] = [];
        for (let j = 0; j < m; j++) if (present[j] === 0) lacking.push(j);
        postings.set(bigram, lacking);
        common.add(bigram);
      }
    }
    const beforeSignatures: Int32Array[] = [];
    let cost = 0;
    for (let i = aLo; i < aHi; i++) {
      const signature = spec.signature(before[i] as T);
      beforeSignatures.push(signature);
      for (const bigram of signature) cost += 1 + (postings.get(bigram)?.length ?? 0);
    }
    if (cost + n * m > context.work || performance.now() > context.deadline) return refuse();
    context.work -= cost + n * m;

    const width = m + 1;
    let previous = new Float64Array(width);
    let current = new Float64Array(width);
    const shared = new Int32Array(m);
    // 0: from the left (after-only), 1: from above (before-only), 2: diagonal (match)
    const from = new Uint8Array((n + 1) * width);
    for (let i = 1; i <= n; i++) {
      if ((i & 7) === 0 && performance.now() > context.deadline) return refuse();
      const a = before[aLo + i - 1] as T;
      const signature = beforeSignatures[i - 1] as Int32Array;
      shared.fill(0);
      let everywhere = 0;
      for (const bigram of signature) {
        const list = postings.get(bigram);
        if (!list) continue;
        if (common.has(bigram)) {
          everywhere++;
          for (const j of list) shared[j] = (shared[j] ?? 0) - 1;
        } else {
          for (const j of list) shared[j] = (shared[j] ?? 0) + 1;
        }
      }
      const weight = spec.weight(a);
      current[0] = 0;
      from[i * width] = 1;
      for (let j = 1; j <= m; j++) {
        let best = previous[j] ?? 0;
        let step = 1;
        const left = current[j - 1] ?? 0;
        if (left > best) {
          best = left;
          step = 0;
        }
        const similarity = (2 * ((shared[j - 1] ?? 0) + everywhere)) / (signature.length + (afterSizes[j - 1] ?? 0));
        const score = spec.score(a, after[bLo + j - 1] as T, similarity);
        if (score >= 0) {
          const diagonal = (previous[j - 1] ?? 0) + score * weight;
          if (diagonal > best) {
            best = diagonal;
            step = 2;
          }
        }
        current[j] = best;
        from[i * width + j] = step;
      }
      [previous, current] = [current, previous];
    }
    const found: TMatch[] = [];
    let i = n;
    let j = m;
    while (i > 0 && j > 0) {
      const step = from[i * width + j];
      if (step === 2) {
        found.push({ i: aLo + i - 1, j: bLo + j - 1, how: before[aLo + i - 1]?.content === after[bLo + j - 1]?.content ? 'same' : 'similar' });
        i--;
        j--;
      } else if (step === 1) i--;
      else j--;
    }
    for (let k = found.length - 1; k >= 0; k--) matches.push(found[k] as TMatch);
    return true;
  };

  exactRange(0, before.length, 0, after.length, 0);
  return pairByIdent(before, after, matches);
}

/**
 * Matches whose key occurs exactly once on each side, the heaviest increasing run of them
 * (patience diff with weights; a Fenwick tree of running maxima over j, O(k log k)).
 */
function uniqueAnchors<T extends TAlignable>(
  before: readonly T[],
  after: readonly T[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  weight: TWeight<T>,
): TMatch[] {
  const seen = new Map<string, { a: number; b: number; i: number; j: number }>();
  for (let i = aLo; i < aHi; i++) {
    const key = (before[i] as T).content;
    const entry = seen.get(key);
    if (entry) entry.a++;
    else seen.set(key, { a: 1, b: 0, i, j: -1 });
  }
  for (let j = bLo; j < bHi; j++) {
    const entry = seen.get((after[j] as T).content);
    if (entry) {
      entry.b++;
      entry.j = j;
    }
  }
  const candidates = [...seen.values()].filter((e) => e.a === 1 && e.b === 1).sort((x, y) => x.i - y.i);
  if (candidates.length === 0) return [];
  const size = bHi - bLo;
  const treeBest = new Float64Array(size + 1);
  const treeAt = new Int32Array(size + 1).fill(-1);
  const total = new Float64Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  let bestEnd = -1;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as { i: number; j: number };
    // best chain ending at a j below this one
    let best = 0;
    let at = -1;
    for (let x = c.j - bLo; x > 0; x -= x & -x) {
      if ((treeBest[x] ?? 0) > best) {
        best = treeBest[x] ?? 0;
        at = treeAt[x] ?? -1;
      }
    }
    const value = best + weight(before[c.i] as T);
    total[k] = value;
    previous[k] = at;
    if (bestEnd < 0 || value > (total[bestEnd] ?? 0)) bestEnd = k;
    for (let x = c.j - bLo + 1; x <= size; x += x & -x) {
      if (value > (treeBest[x] ?? 0)) {
        treeBest[x] = value;
        treeAt[x] = k;
      }
    }
  }
  const out: TMatch[] = [];
  for (let k = bestEnd; k >= 0; k = previous[k] ?? -1) {
    const c = candidates[k];
    if (c) out.push({ i: c.i, j: c.j, how: 'same' });
  }
  return out.reverse();
}

/**
 * Between consecutive matches, pairs what is left on both sides by number (an article or item
 * rewritten in place keeps its number), in order.
 */
function pairByIdent<T extends TAlignable>(before: readonly T[], after: readonly T[], matches: TMatch[]): TMatch[] {
  const out: TMatch[] = [];
  let i = 0;
  let j = 0;
  const gap = (aHi: number, bHi: number): void => {
    if (i >= aHi || j >= bHi) return;
    const positions = new Map<number, number[]>();
    for (let k = j; k < bHi; k++) {
      const ident = (after[k] as T).ident;
      const list = positions.get(ident);
      if (list) list.push(k);
      else positions.set(ident, [k]);
    }
    let last = j - 1;
    for (let k = i; k < aHi; k++) {
      const candidates = positions.get((before[k] as T).ident);
      while (candidates && candidates.length > 0 && (candidates[0] ?? 0) <= last) candidates.shift();
      const at = candidates?.shift();
      if (at !== undefined) {
        out.push({ i: k, j: at, how: 'ident' });
        last = at;
      }
    }
  };
  for (const match of matches) {
    gap(match.i, match.j);
    out.push(match);
    i = match.i + 1;
    j = match.j + 1;
  }
  gap(before.length, after.length);
  return out;
}

export type TStep<T> = { before: T | null; after: T | null; how?: TMatchHow };

/** The alignment as a walk: matches in order, each gap as its deletions then its additions. */
export function steps<T>(before: readonly T[], after: readonly T[], matches: readonly TMatch[]): TStep<T>[] {
  const out: TStep<T>[] = [];
  let i = 0;
  let j = 0;
  const gap = (aHi: number, bHi: number): void => {
    for (; i < aHi; i++) out.push({ before: before[i] as T, after: null });
    for (; j < bHi; j++) out.push({ before: null, after: after[j] as T });
  };
  for (const match of matches) {
    gap(match.i, match.j);
    out.push({ before: before[match.i] as T, after: after[match.j] as T, how: match.how });
    i = match.i + 1;
    j = match.j + 1;
  }
  gap(before.length, after.length);
  return out;
}

