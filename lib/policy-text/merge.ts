import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
import type { TDeepTree, TNode, TSupplementary, TTailUnit } from '@/lib/policy-text/deep/tree';

/*
 * Three-way merge of policy texts, for re-applying a scheduled amendment on top of an earlier one
 * that was approved after it (docs/decisions/007). The body is merged line by line on the canonical
 * text of the deep tree (serializeDeepTree: one line per labelled unit or paragraph at every depth,
 * so a change to a 細分 four levels down is a change to its line only): diff3 over lines, with
 * base = the text both sides started from. Supplementary provisions (付則) are not
 * merged as text: every approval appends one, so both sides always "change" the end of the text;
 * they are kept as the union of both sides, ordered by their effective dates, and never conflict.
 */

export interface TLineConflict {
  /** 1-based line in the base text where the conflicting region starts */
  baseLine: number;
  base: string[];
  ours: string[];
  theirs: string[];
}

export type TLineMerge = { ok: true; lines: string[] } | { ok: false; conflicts: TLineConflict[]; lines: string[] };

/** Cells of the LCS table of the differing middle of two texts (4 bytes each). */
const MATCH_BUDGET = 16_000_000;

/** Pairs of indices (base, other) of a longest common subsequence of two line lists. */
function matchLines(base: readonly string[], other: readonly string[]): Map<number, number> {
  const matches = new Map<number, number>();
  let start = 0;
  while (start < base.length && start < other.length && base[start] === other[start]) {
    matches.set(start, start);
    start += 1;
  }
  let endBase = base.length;
  let endOther = other.length;
  while (endBase > start && endOther > start && base[endBase - 1] === other[endOther - 1]) {
    endBase -= 1;
    endOther -= 1;
  }
  const n = endBase - start;
  const m = endOther - start;
  // Past a budget the middle is left unmatched (one region): a side that did not change it still
  // merges, two sides that both did conflict. Never quadratic memory on a hostile text.
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MATCH_BUDGET) {
    // LCS table of the differing middle, (n+1) x (m+1), filled from the end.
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        table[i * width + j] = base[start + i] === other[start + j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (base[start + i] === other[start + j]) {
        matches.set(start + i, start + j);
        i += 1;
        j += 1;
      } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i += 1;
      else j += 1;
    }
  }
  for (let k = 0; k < base.length - endBase; k += 1) matches.set(endBase + k, endOther + k);
  return matches;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * diff3 over lines. A region changed on one side only takes that side; changed identically on
 * both, either; changed differently on both, it conflicts, unless the region has the same number
 * of lines on all three sides and no single line was changed differently (two neighbouring
 * paragraphs edited one on each side merge cleanly).
 */
export function mergeLines(base: readonly string[], ours: readonly string[], theirs: readonly string[]): TLineMerge {
  const toOurs = matchLines(base, ours);
  const toTheirs = matchLines(base, theirs);
  const out: string[] = [];
  const conflicts: TLineConflict[] = [];
  let i = 0;
  let a = 0;
  let b = 0;
  const resolve = (chunkBase: string[], chunkOurs: string[], chunkTheirs: string[], baseLine: number) => {
    if (same(chunkOurs, chunkBase)) return out.push(...chunkTheirs);
    if (same(chunkTheirs, chunkBase) || same(chunkOurs, chunkTheirs)) return out.push(...chunkOurs);
    if (chunkBase.length === chunkOurs.length && chunkBase.length === chunkTheirs.length) {
      const lines = chunkBase.map((line, k) => (chunkOurs[k] === line ? chunkTheirs[k]! : chunkTheirs[k] === line || chunkTheirs[k] === chunkOurs[k] ? chunkOurs[k]! : null));
      if (lines.every((line) => line !== null)) return out.push(...(lines as string[]));
    }
    conflicts.push({ baseLine, base: chunkBase, ours: chunkOurs, theirs: chunkTheirs });
    out.push('<<<<<<<', ...chunkOurs, '|||||||', ...chunkBase, '=======', ...chunkTheirs, '>>>>>>>');
  };
  while (i < base.length || a < ours.length || b < theirs.length) {
    if (i < base.length && toOurs.get(i) === a && toTheirs.get(i) === b) {
      out.push(base[i]!);
      i += 1;
      a += 1;
      b += 1;
      continue;
    }
    // The next base line both sides kept: the end of this unstable region.
    let j = i;
    while (j < base.length && !(toOurs.has(j) && toTheirs.has(j))) j += 1;
    const endOurs = j < base.length ? toOurs.get(j)! : ours.length;
    const endTheirs = j < base.length ? toTheirs.get(j)! : theirs.length;
    resolve(base.slice(i, j), ours.slice(a, endOurs), theirs.slice(b, endTheirs), i + 1);
    i = j;
    a = endOurs;
    b = endTheirs;
  }
  return conflicts.length === 0 ? { ok: true, lines: out } : { ok: false, conflicts, lines: out };
}

const EMPTY: TDeepTree = { version: 2, title: '', header: [], toc: [], preamble: [], body: [], tail: [] };

/** A 附則 as text, without its anchors: two 附則 are the same when they read the same. */
const provisionKey = (unit: TSupplementary) => serializeDeepTree({ ...EMPTY, tail: [unit] });

/** The 附則 under another anchor: its own id and its paragraphs' (sp2-p1 → sp3-p1). */
function renumbered(unit: TSupplementary, id: string): TSupplementary {
  if (unit.id === id) return unit;
  const from = `${unit.id}-`;
  const move = (node: TNode): TNode => ({ ...node, id: node.id.startsWith(from) ? `${id}-${node.id.slice(from.length)}` : node.id, children: node.children.map(move) });
  return { ...unit, id, children: unit.children.map(move) };
}

const supplementaryOf = (tree: TDeepTree) => tree.tail.filter((u): u is TSupplementary => u.kind === 'supplementary');

/**
 * The supplementary provisions of a merge: those of the base that neither side removed, then every
 * one either side added, ordered by effective date (undated ones keep their place after the base's).
 */
export function mergeSupplementaryUnits(base: readonly TSupplementary[], ours: readonly TSupplementary[], theirs: readonly TSupplementary[]): TSupplementary[] {
  const oursKeys = new Set(ours.map(provisionKey));
  const theirsKeys = new Set(theirs.map(provisionKey));
  const baseKeys = new Set(base.map(provisionKey));
  const kept = base.filter((p) => oursKeys.has(provisionKey(p)) && theirsKeys.has(provisionKey(p)));
  const added: TSupplementary[] = [];
  const seen = new Set<string>();
  for (const p of [...ours, ...theirs]) {
    const key = provisionKey(p);
    if (baseKeys.has(key) || seen.has(key)) continue;
    seen.add(key);
    added.push(p);
  }
  const dated = added.map((p, index) => ({ p, index })).sort((x, y) => (x.p.effectiveDate ?? '9999').localeCompare(y.p.effectiveDate ?? '9999') || x.index - y.index);
  return [...kept, ...dated.map((x) => x.p)].map((p, index) => renumbered(p, `sp${index + 1}`));
}

/** The canonical text of a tree without its supplementary provisions: what the line merge reads. */
export function bodyText(tree: TDeepTree): string {
  return serializeDeepTree({ ...tree, tail: tree.tail.filter((u) => u.kind !== 'supplementary') });
}

/** How many 附則 stand before each appendix of a tail (by anchor). */
function slots(tree: TDeepTree): Map<string, number> {
  const out = new Map<string, number>();
  let before = 0;
  for (const unit of tree.tail) {
    if (unit.kind === 'supplementary') before += 1;
    else out.set(unit.id, before);
  }
  return out;
}

/**
 * The merged tail: the appendices of the merged text with the merged 附則 among them, each appendix
 * after as many 附則 as it followed in `ours` (else in `theirs`), in the merged text's order.
 */
function mergedTail(appendices: readonly TTailUnit[], provisions: readonly TSupplementary[], ours: TDeepTree, theirs: TDeepTree): TTailUnit[] {
  const fromOurs = slots(ours);
  const fromTheirs = slots(theirs);
  const placed: { unit: TTailUnit; slot: number }[] = [];
  let previous = 0;
  for (const unit of appendices) {
    previous = Math.max(previous, fromOurs.get(unit.id) ?? fromTheirs.get(unit.id) ?? previous);
    placed.push({ unit, slot: previous });
  }
  const out: TTailUnit[] = [];
  provisions.forEach((unit, index) => {
    out.push(...placed.filter((p) => p.slot === index).map((p) => p.unit), unit);
  });
  out.push(...placed.filter((p) => p.slot >= provisions.length).map((p) => p.unit));
  return out;
}

export type TTreeMerge =
  | { ok: true; tree: TDeepTree }
  | {
      ok: false;
      /** conflicting regions of the body text */
      conflicts: TLineConflict[];
      /** the merged body with conflict markers (<<<<<<< ours ||||||| base ======= theirs >>>>>>>) */
      text: string;
      /** the body merged cleanly but no longer reads as a policy text */
      unparsable?: string;
    };

const toLines = (text: string) => text.replace(/\n$/, '').split('\n');

/**
 * Re-applies the changes from `base` to `theirs` on top of `ours`: the result has both sides'
 * changes, or the regions where they overlap. `ours` is the revision that now comes first in the
 * chain; `theirs` the one that was scheduled after it.
 */
export function mergeDeepTrees(input: { base: TDeepTree; ours: TDeepTree; theirs: TDeepTree }): TTreeMerge {
  const { base, ours, theirs } = input;
  const merged = mergeLines(toLines(bodyText(base)), toLines(bodyText(ours)), toLines(bodyText(theirs)));
  if (!merged.ok) return { ok: false, conflicts: merged.conflicts, text: `${merged.lines.join('\n')}\n` };
  const text = `${merged.lines.join('\n')}\n`;
  const parsed = parseDeepText(text);
  if (!parsed.ok) return { ok: false, conflicts: [], text, unparsable: parsed.errors.map((e) => e.message).join('\n') };
  const provisions = mergeSupplementaryUnits(supplementaryOf(base), supplementaryOf(ours), supplementaryOf(theirs));
  return { ok: true, tree: { ...parsed.tree, tail: mergedTail(parsed.tree.tail, provisions, ours, theirs) } };
}

/** The empty text: the base of a merge onto a revision that had no predecessor. */
export function emptyMergeBase(): TDeepTree {
  return { ...EMPTY };
}
