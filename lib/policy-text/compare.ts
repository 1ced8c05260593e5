import {
  type TDiffBudget,
  type TSpan,
  changedSpans,
  diffSpans,
  plainSpans,
  replacedSpans,
} from '@/lib/policy-text/char-diff';
import { toFullWidthDigits } from '@/lib/policy-text/normalize';
import type { TArticle, TItem, TPolicyTree } from '@/lib/policy-text/tree';

/*
 * The 新旧対照表 (comparison table) of two revisions of a regulation text. Pure, no I/O.
 *
 * 1. Both trees are flattened into a sequence of units: the title (only when it changed), the
 *    preamble, chapter and section headings, articles, top-level items of a declaration,
 *    supplementary provisions and annexes.
 * 2. The unit sequences are aligned by content, not by number: exact matches anchor the
 *    alignment (common prefix/suffix, then patience-style unique matches), the rest is a
 *    weighted LCS over character-bigram Dice similarity (≥ 0.5, or an equal caption). Units
 *    left unmatched between two matches are paired by number when both sides have the same one
 *    (an article rewritten in place), the rest are added or deleted. So an article inserted
 *    before 第19条 leaves the old 第19条 matched to the new 第20条 (条の繰下げ).
 * 3. Inside each matched pair, paragraphs, items and sub-items are aligned the same way, which
 *    pairs lines across the two columns; a line only one side has faces a blank line.
 * 4. Each pair of differing lines gets a character diff (char-diff.ts). A work budget bounds
 *    all of this; when it runs out, lines are marked whole ('line') or, when even the
 *    structural alignment is too expensive, changed articles are marked whole ('article').
 */

export type { TSpan } from '@/lib/policy-text/char-diff';

export type TLineTier = 'paragraph' | 'item' | 'subitem' | 'body';

export type TLine = {
  /** the node's anchor id (a20-p2-i3); blank lines use `blank:` + the opposite line's key */
  key: string;
  tier: TLineTier;
  /** indentation level: 0 paragraph, 1 item, 2 sub-item or an item's further paragraph */
  depth: number;
  /** as displayed before the text: 第20条, ２, (3), ア; '' for unnumbered lines */
  label: string;
  /** the label differs from the opposite line's (renumbering): underline it */
  labelChanged: boolean;
  spans: TSpan[];
  /** a placeholder opposite a line only the other side has */
  blank?: true;
};

export type TCellKind = 'title' | 'preamble' | 'chapter' | 'section' | 'article' | 'item' | 'supplementary' | 'annex';

export type TCell = {
  kind: TCellKind;
  /** the unit's anchor id in its own revision: a20, ch6, sp2 */
  anchor: string;
  /** 第20条, 第6章, 附則, (1); '' where the unit has no number */
  label: string;
  labelChanged: boolean;
  /** an article's caption (without brackets), a chapter's or annex's title, a 附則's note */
  heading: TSpan[];
  /**
   * In a row where both cells are present the two `lines` arrays have the same length and
   * line i of one faces line i of the other (at 'article' level: by position only).
   */
  lines: TLine[];
} | null;

export type TRowKind = 'unchanged' | 'modified' | 'added' | 'deleted' | 'moved' | 'moved-modified' | 'heading';

export type TRow = {
  /** stable React key: `${after anchor}|${before anchor}` */
  key: string;
  kind: TRowKind;
  /** 改正後 (shown left) */
  after: TCell;
  /** 改正前 (shown right) */
  before: TCell;
  /** 備考: 字句の改正, 条の追加, 条の削除, 条の繰下げ, 条の繰上げ, 見出しの改正, 号の追加 … */
  remarks: string[];
};

/**
 * The coarsest granularity used anywhere in the table:
 * - 'character': every changed line underlines exactly its changed characters;
 * - 'line': the character budget ran out, so some changed lines (the longest) are underlined whole;
 * - 'article': aligning paragraphs and items was too costly, so every changed unit is underlined whole.
 */
export type TComparisonLevel = 'character' | 'line' | 'article';

export type TComparisonStats = {
  added: number;
  deleted: number;
  /** units whose text changed, including renumbered ones ('modified' + 'moved-modified') */
  modified: number;
  /** renumbered units, whether or not their text changed ('moved' + 'moved-modified') */
  moved: number;
  unchanged: number;
};

export type TComparison = {
  rows: TRow[];
  level: TComparisonLevel;
  /**
   * Some part was cut short by the budget: a level coarser than 'character', or units or lines
   * too many to align by content that were paired by number only.
   */
  degraded: boolean;
  /** over units other than headings (chapters, sections, title) */
  stats: TComparisonStats;
};

export type TCompareLimits = {
  /** wall-clock budget of the character diffs, ms */
  budgetMs: number;
  /** wall-clock cap of the whole comparison, ms; the last safety net */
  hardCapMs: number;
  /** character-diff steps, all lines together */
  charWork: number;
  /** similarity work for aligning units: characters indexed, bigram postings visited, cells filled */
  alignWork: number;
  /** the same for aligning paragraphs and items inside units, all units together; when spent, the level drops to 'article' */
  innerWork: number;
  /** the largest block of units without exact anchors that is aligned by similarity (n × m) */
  alignCells: number;
  /** the same for the paragraphs or items of one unit */
  innerCells: number;
};

export type TCompareOptions = {
  /** budget of the character-level diff, ms (default 250) */
  budgetMs?: number;
  /** finer control, mainly for tests and tuning */
  limits?: Partial<TCompareLimits>;
};

/**
 * Character-diff steps per millisecond of budget. Measured on the development VM at 60,000
 * (cold) to 110,000 (warm) steps per ms of CPU; set lower so that a slower machine still stays
 * inside the budget. Counting steps rather than time makes the fallback deterministic: the same
 * input degrades the same way on every machine (the wall-clock deadline is only a safety net).
 */
const CHAR_WORK_PER_MS = 40_000;

const DEFAULT_LIMITS: TCompareLimits = {
  budgetMs: 250,
  hardCapMs: 600,
  charWork: 250 * CHAR_WORK_PER_MS,
  alignWork: 60_000_000,
  innerWork: 30_000_000,
  alignCells: 1_000_000,
  innerCells: 40_000,
};

const SIMILAR = 0.5;
/** Below this bigram similarity two texts are shown as wholly replaced, without a character diff. */
const REWRITTEN = 0.25;

// ---------------------------------------------------------------------------------------------
// Flattened model (classes rather than object literals: large documents make tens of
// thousands of these, and stable shapes with lazily built similarity texts keep that cheap)

type TNodeSpec = {
  key: string;
  tier: TLineTier;
  depth: number;
  label: string;
  keyLabel: string;
  ident: number;
  num: number;
  text: string;
  children: TNode[];
};

class TNode {
  readonly key: string;
  readonly tier: TLineTier;
  readonly depth: number;
  readonly label: string;
  /** the label as part of the content; '' for an article's first paragraph, whose label is the article number */
  readonly keyLabel: string;
  /** pairs nodes rewritten in place: tier and number (see identOf) */
  readonly ident: number;
  readonly num: number;
  readonly text: string;
  readonly children: TNode[];
  /** exact content, children included */
  readonly content: string;
  private sim: string | undefined;

  constructor(spec: TNodeSpec) {
    this.key = spec.key;
    this.tier = spec.tier;
    this.depth = spec.depth;
    this.label = spec.label;
    this.keyLabel = spec.keyLabel;
    this.ident = spec.ident;
    this.num = spec.num;
    this.text = spec.text;
    this.children = spec.children;
    let content = spec.text;
    if (spec.children.length > 0) {
      content += '\u0003[';
      for (const child of spec.children) content += `${child.keyLabel}\u0001${child.content}\u0002`;
      content += '\u0003]';
    }
    this.content = content;
  }

  /** the texts of the node and its descendants, labels left out */
  get simText(): string {
    if (this.sim === undefined) this.sim = [this.text, ...this.children.map((c) => c.simText)].join('\n');
    return this.sim;
  }
}

type TUnitSpec = {
  type: TCellKind;
  anchor: string;
  label: string;
  ident: number;
  order: number;
  heading: string;
  nodes: TNode[];
};

class TUnit {
  readonly type: TCellKind;
  readonly anchor: string;
  readonly label: string;
  /** pairs units rewritten in place: type and number (see identOf) */
  readonly ident: number;
  /** numeric position for 繰上げ/繰下げ; -1 where units are not numbered */
  readonly order: number;
  readonly heading: string;
  readonly nodes: TNode[];
  /** exact content of the lines, labels included except the unit's own number */
  readonly body: string;
  /** exact content: type, heading and body */
  readonly content: string;
  private sim: string | undefined;

  constructor(spec: TUnitSpec) {
    this.type = spec.type;
    this.anchor = spec.anchor;
    this.label = spec.label;
    this.ident = spec.ident;
    this.order = spec.order;
    this.heading = spec.heading;
    this.nodes = spec.nodes;
    let body = '';
    for (const node of spec.nodes) body += `${node.keyLabel}\u0001${node.content}\u0002`;
    this.body = body;
    this.content = `${spec.type}\u0000${spec.heading}\u0000${body}`;
  }

  get simText(): string {
    if (this.sim === undefined) this.sim = [this.heading, ...this.nodes.map((n) => n.simText)].join('\n');
    return this.sim;
  }
}

const NO_CHILDREN: TNode[] = [];

const IDENT_KINDS = ['paragraph', 'item', 'subitem', 'body', 'title', 'preamble', 'chapter', 'section', 'article', 'supplementary', 'annex'] as const;

/**
 * A number standing for "the same place" on both sides (第5条, paragraph ２, item (3)), so that
 * what is left unmatched can be paired by number. Numbers rather than strings: large documents
 * have tens of thousands of them.
 */
function identOf(kind: (typeof IDENT_KINDS)[number], num: number): number {
  return IDENT_KINDS.indexOf(kind) * 1e12 + num;
}

function itemNode(item: TItem, depth: number, keyLabel: string): TNode {
  const children: TNode[] = [];
  item.body.forEach((text, index) => {
    children.push(new TNode({ key: `${item.id}-b${index + 1}`, tier: 'body', depth: depth + 1, label: '', keyLabel: '', ident: identOf('body', index), num: 0, text, children: NO_CHILDREN }));
  });
  for (const s of item.subItems) {
    children.push(new TNode({ key: s.id, tier: 'subitem', depth: depth + 1, label: s.label, keyLabel: s.label, ident: identOf('subitem', s.num), num: s.num, text: s.text, children: NO_CHILDREN }));
  }
  return new TNode({ key: item.id, tier: 'item', depth, label: item.label, keyLabel, ident: identOf('item', item.num), num: item.num, text: item.text, children });
}

function textNodes(prefix: string, texts: readonly string[]): TNode[] {
  return texts.map(
    (text, index) =>
      new TNode({ key: `${prefix}-p${index + 1}`, tier: 'paragraph', depth: 0, label: '', keyLabel: '', ident: identOf('paragraph', index + 1), num: index + 1, text, children: NO_CHILDREN }),
  );
}

function articleUnit(article: TArticle): TUnit {
  const nodes = article.paragraphs.map((p) => {
    const first = p.num === 1;
    const label = first ? article.number : toFullWidthDigits(p.num);
    return new TNode({
      key: p.id,
      tier: 'paragraph',
      depth: 0,
      label,
      keyLabel: first ? '' : label,
      ident: identOf('paragraph', p.num),
      num: p.num,
      text: p.text,
      children: p.items.length > 0 ? p.items.map((item) => itemNode(item, 1, item.label)) : NO_CHILDREN,
    });
  });
  const branch = article.branch ?? 0;
  return new TUnit({
    type: 'article',
    anchor: article.id,
    label: article.number,
    ident: identOf('article', article.num * 10_000 + branch),
    order: article.num * 10_000 + branch,
    heading: article.caption ?? '',
    nodes,
  });
}

function flatten(tree: TPolicyTree, withTitle: boolean): TUnit[] {
  const units: TUnit[] = [];
  if (withTitle) units.push(new TUnit({ type: 'title', anchor: 'title', label: '', ident: identOf('title', 0), order: -1, heading: tree.title, nodes: [] }));
  const preamble = [...(tree.enactment ? [tree.enactment] : []), ...tree.preamble];
  if (preamble.length > 0) {
    units.push(new TUnit({ type: 'preamble', anchor: 'preamble', label: '', ident: identOf('preamble', 0), order: -1, heading: '', nodes: textNodes('preamble', preamble) }));
  }
  for (const article of tree.articles) units.push(articleUnit(article));
  for (const chapter of tree.chapters) {
    units.push(new TUnit({ type: 'chapter', anchor: chapter.id, label: chapter.number, ident: identOf('chapter', chapter.num), order: chapter.num, heading: chapter.title, nodes: [] }));
    for (const article of chapter.articles) units.push(articleUnit(article));
    for (const section of chapter.sections) {
      units.push(
        new TUnit({
          type: 'section',
          anchor: section.id,
          label: section.number,
          ident: identOf('section', chapter.num * 10_000 + section.num),
          order: section.num,
          heading: section.title,
          nodes: [],
        }),
      );
      for (const article of section.articles) units.push(articleUnit(article));
    }
  }
  for (const item of tree.items) {
    units.push(new TUnit({ type: 'item', anchor: item.id, label: item.label, ident: identOf('item', item.num), order: item.num, heading: '', nodes: [itemNode(item, 0, '')] }));
  }
  tree.supplementaryProvisions.forEach((provision, index) => {
    units.push(
      new TUnit({
        type: 'supplementary',
        anchor: provision.id,
        label: provision.heading,
        ident: identOf('supplementary', index),
        order: -1,
        heading: provision.note ?? '',
        nodes: textNodes(provision.id, provision.paragraphs),
      }),
    );
  });
  tree.annexes.forEach((annex, index) => {
    units.push(new TUnit({ type: 'annex', anchor: annex.id, label: '', ident: identOf('annex', index), order: -1, heading: annex.title, nodes: textNodes(annex.id, annex.lines) }));
  });
  return units;
}

// ---------------------------------------------------------------------------------------------
// Similarity

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
function bigrams(text: string): Int32Array {
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
function dice(a: Int32Array, b: Int32Array): number {
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
class Signatures {
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

// ---------------------------------------------------------------------------------------------
// Sequence alignment

interface TContext {
  /** remaining similarity work of the current phase */
  work: number;
  deadline: number;
  /** an alignment was approximated (paired by number only) */
  degraded: boolean;
  /** a quadratic step was refused for want of budget */
  exhausted: boolean;
}

interface TAlignable {
  content: string;
  ident: number;
}

/**
 * How much a match counts in the alignment. A chapter heading matters less than an article: when
 * a chapter boundary moves past an article, the article should stay matched, not the heading.
 */
type TWeight<T> = (item: T) => number;

interface TAlignSpec<T extends TAlignable> {
  /** the item's character bigrams (see bigrams) */
  signature(item: T): Int32Array;
  /** ≥ 0: may be matched, higher is better; < 0: must not be matched. `similarity` is their Dice coefficient. */
  score(before: T, after: T, similarity: number): number;
  weight: TWeight<T>;
  cells: number;
}

type TMatchHow = 'same' | 'similar' | 'ident';
type TMatch = { i: number; j: number; how: TMatchHow };

/**
 * Aligns two sequences; returns increasing index pairs. Exact matches are taken first (common
 * prefix and suffix, then matches unique on both sides in increasing order, recursively, as in
 * patience diff), so the quadratic similarity step only sees the stretches that really changed.
 */
function alignSequences<T extends TAlignable>(before: readonly T[], after: readonly T[], spec: TAlignSpec<T>, context: TContext): TMatch[] {
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

type TStep<T> = { before: T | null; after: T | null; how?: TMatchHow };

/** The alignment as a walk: matches in order, each gap as its deletions then its additions. */
function steps<T>(before: readonly T[], after: readonly T[], matches: readonly TMatch[]): TStep<T>[] {
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

// ---------------------------------------------------------------------------------------------
// Rows

const UNIT_NOUN: Record<TCellKind, string> = {
  title: '題名',
  preamble: '前文',
  chapter: '章',
  section: '節',
  article: '条',
  item: '号',
  supplementary: '附則',
  annex: '別表等',
};

const TIER_NOUN: Record<TLineTier, string | null> = {
  paragraph: '項',
  item: '号',
  subitem: '号の細分',
  body: null,
};

const HEADING_REMARK: Partial<Record<TCellKind, string>> = {
  title: '題名の改正',
  chapter: '章名の改正',
  section: '節名の改正',
  article: '見出しの改正',
};

const REWORDED = '字句の改正';

const isHeadingUnit = (type: TCellKind): boolean => type === 'title' || type === 'chapter' || type === 'section';
const isNumbered = (unit: TUnit): boolean => unit.order >= 0;

function nounOf(unit: TUnit): string {
  return unit.type === 'supplementary' && unit.label ? unit.label : UNIT_NOUN[unit.type];
}

type TLinePair = { before: TNode | null; after: TNode | null };

function addRemark(remarks: string[], remark: string): void {
  if (!remarks.includes(remark)) remarks.push(remark);
}

interface TRowPlan {
  before: TUnit | null;
  after: TUnit | null;
  how: TMatchHow | undefined;
  /** index-aligned line pairs of a matched pair with different content; null: pair the lines one to one (equal content) */
  lines: TLinePair[] | null;
  /** remarks found while aligning the lines */
  remarks: string[];
  /** only at 'article' level: the whole pair is underlined */
  whole: boolean;
  /** a unit deleted here reappears unchanged elsewhere (or the reverse) */
  relocated: boolean;
}

/** The alignment of units as row plans: matches in order, each gap as its deletions then its additions. */
function rowPlans(before: readonly TUnit[], after: readonly TUnit[], matches: readonly TMatch[]): TRowPlan[] {
  const out: TRowPlan[] = [];
  const plan = (b: TUnit | null, a: TUnit | null, how: TMatchHow | undefined): TRowPlan => ({
    before: b,
    after: a,
    how,
    lines: null,
    remarks: [],
    whole: false,
    relocated: false,
  });
  let i = 0;
  let j = 0;
  const gap = (aHi: number, bHi: number): void => {
    for (; i < aHi; i++) out.push(plan(before[i] ?? null, null, undefined));
    for (; j < bHi; j++) out.push(plan(null, after[j] ?? null, undefined));
  };
  for (const match of matches) {
    gap(match.i, match.j);
    out.push(plan(before[match.i] ?? null, after[match.j] ?? null, match.how));
    i = match.i + 1;
    j = match.j + 1;
  }
  gap(before.length, after.length);
  return out;
}

interface TJob {
  before: string;
  after: string;
  size: number;
  apply(spans: { before: TSpan[]; after: TSpan[] }): void;
}

function nodeSpec(signatures: Signatures, cells: number): TAlignSpec<TNode> {
  return {
    cells,
    weight: () => 1,
    signature: (node) => signatures.of(node.simText),
    score: (before, after, similarity) => (similarity < SIMILAR ? -1 : similarity + (before.ident === after.ident ? 0.01 : 0)),
  };
}

function unitSpec(signatures: Signatures, cells: number): TAlignSpec<TUnit> {
  return {
    cells,
    weight: (unit) => (isHeadingUnit(unit.type) ? 0.1 : 1),
    signature: (unit) => signatures.of(unit.simText),
    score(before, after, similarity) {
      if (before.type !== after.type) return -1;
      const sameCaption = before.type === 'article' && before.heading !== '' && before.heading === after.heading;
      if (similarity < SIMILAR && !sameCaption) return -1;
      return similarity + (sameCaption ? 0.5 : 0) + (before.ident === after.ident ? 0.01 : 0);
    },
  };
}

function subtree(node: TNode, out: TNode[]): void {
  out.push(node);
  for (const child of node.children) subtree(child, out);
}

function alignNodes(before: readonly TNode[], after: readonly TNode[], spec: TAlignSpec<TNode>, context: TContext, out: TLinePair[], remarks: string[]): void {
  if (before.length === 0 && after.length === 0) return;
  // One line on each side at the same place: the alignment could only pair them.
  const single = before.length === 1 && after.length === 1 && before[0]?.ident === after[0]?.ident;
  const matches = single ? [{ i: 0, j: 0, how: 'ident' as const }] : alignSequences(before, after, spec, context);
  const walk = steps(before, after, matches);
  const deletedContent = new Set(walk.flatMap((s) => (s.before && !s.after ? [s.before.content] : [])));
  const addedContent = new Set(walk.flatMap((s) => (s.after && !s.before ? [s.after.content] : [])));
  for (const step of walk) {
    const { before: b, after: a } = step;
    if (b && a) {
      out.push({ before: b, after: a });
      const noun = TIER_NOUN[a.tier];
      // two first paragraphs are labelled by their article numbers, which the row reports
      const numbered = b.keyLabel !== '' || a.keyLabel !== '';
      if (noun && numbered && a.num !== b.num) addRemark(remarks, `${noun}の繰${a.num > b.num ? '下げ' : '上げ'}`);
      else if (numbered && b.label !== a.label) addRemark(remarks, REWORDED);
      if (b.text !== a.text) addRemark(remarks, REWORDED);
      alignNodes(b.children, a.children, spec, context, out, remarks);
      continue;
    }
    const node = (b ?? a) as TNode;
    const lines: TNode[] = [];
    subtree(node, lines);
    for (const line of lines) out.push(b ? { before: line, after: null } : { before: null, after: line });
    const noun = TIER_NOUN[node.tier];
    const relocated = b ? addedContent.has(node.content) : deletedContent.has(node.content);
    if (!noun) addRemark(remarks, REWORDED);
    else addRemark(remarks, `${noun}の${relocated ? '移動' : b ? '削除' : '追加'}`);
  }
}

type TFilledCell = NonNullable<TCell>;

class TableBuilder {
  readonly jobs: TJob[] = [];

  constructor(private readonly level: TComparisonLevel) {}

  cells(plan: TRowPlan): { before: TCell; after: TCell } {
    const { before: b, after: a } = plan;
    if (!b || !a) {
      const unit = (b ?? a) as TUnit;
      const cell = cellOf(unit, changedSpans(unit.heading), true);
      const nodes: TNode[] = [];
      for (const node of unit.nodes) subtree(node, nodes);
      for (const node of nodes) cell.lines.push(lineOf(node, changedSpans(node.text), true));
      return b ? { before: cell, after: null } : { before: null, after: cell };
    }
    const renumbered = b.label !== a.label;
    const before = cellOf(b, plainSpans(b.heading), renumbered);
    const after = cellOf(a, plainSpans(a.heading), renumbered);
    if (plan.lines === null) {
      zipLines(b.nodes, a.nodes, before, after);
      return { before, after };
    }
    this.text(b.heading, a.heading, plan.whole, (spans) => {
      before.heading = spans.before;
      after.heading = spans.after;
    });
    for (const { before: bn, after: an } of plan.lines) {
      if (bn && an) {
        const labelChanged = plan.whole || bn.label !== an.label;
        const beforeLine = lineOf(bn, NO_SPANS, labelChanged);
        const afterLine = lineOf(an, NO_SPANS, labelChanged);
        before.lines.push(beforeLine);
        after.lines.push(afterLine);
        this.text(bn.text, an.text, plan.whole, (spans) => {
          beforeLine.spans = spans.before;
          afterLine.spans = spans.after;
        });
      } else if (bn) {
        before.lines.push(lineOf(bn, changedSpans(bn.text), plan.whole));
        after.lines.push(blankLine(bn));
      } else if (an) {
        before.lines.push(blankLine(an));
        after.lines.push(lineOf(an, changedSpans(an.text), plan.whole));
      }
    }
    return { before, after };
  }

  private text(before: string, after: string, whole: boolean, apply: TJob['apply']): void {
    if (whole) apply({ before: changedSpans(before), after: changedSpans(after) });
    else if (before === after) apply({ before: plainSpans(before), after: plainSpans(after) });
    else if (this.level !== 'character' || before === '' || after === '') apply(replacedSpans(before, after));
    else this.jobs.push({ before, after, size: before.length + after.length, apply });
  }
}

const NO_SPANS: TSpan[] = [];

function cellOf(unit: TUnit, heading: TSpan[], labelChanged: boolean): TFilledCell {
  return { kind: unit.type, anchor: unit.anchor, label: unit.label, labelChanged, heading, lines: [] };
}

function lineOf(node: TNode, spans: TSpan[], labelChanged: boolean): TLine {
  return { key: node.key, tier: node.tier, depth: node.depth, label: node.label, labelChanged, spans };
}

function blankLine(opposite: TNode): TLine {
  return { key: `blank:${opposite.key}`, tier: opposite.tier, depth: opposite.depth, label: '', labelChanged: false, spans: [], blank: true };
}

/** The lines of two units with equal content, one to one. */
function zipLines(before: readonly TNode[], after: readonly TNode[], beforeCell: TFilledCell, afterCell: TFilledCell): void {
  for (let k = 0; k < before.length; k++) {
    const b = before[k] as TNode;
    const a = (after[k] ?? b) as TNode;
    const labelChanged = b.label !== a.label;
    beforeCell.lines.push(lineOf(b, plainSpans(b.text), labelChanged));
    afterCell.lines.push(lineOf(a, plainSpans(a.text), labelChanged));
    if (b.children.length > 0) zipLines(b.children, a.children, beforeCell, afterCell);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

function limitsOf(options: TCompareOptions | undefined): TCompareLimits {
  const budgetMs = Math.max(0, options?.budgetMs ?? DEFAULT_LIMITS.budgetMs);
  const limits: TCompareLimits = { ...DEFAULT_LIMITS, budgetMs, charWork: budgetMs * CHAR_WORK_PER_MS };
  return { ...limits, ...options?.limits };
}

/**
 * The 新旧対照表 of two revisions: rows aligned article by article (the UI puts 改正後 left),
 * changes underlined. Never throws on well-formed trees and finishes within about
 * `limits.hardCapMs` whatever the input; see TComparison.level / degraded.
 */
export function compareTrees(before: TPolicyTree, after: TPolicyTree, options?: TCompareOptions): TComparison {
  const limits = limitsOf(options);
  const start = performance.now();
  const hardDeadline = start + limits.hardCapMs;
  const withTitle = before.title !== after.title;
  const beforeUnits = flatten(before, withTitle);
  const afterUnits = flatten(after, withTitle);

  // 1. Units
  const alignContext: TContext = { work: limits.alignWork, deadline: start + limits.hardCapMs * 0.35, degraded: false, exhausted: false };
  const unitMatches = alignSequences(beforeUnits, afterUnits, unitSpec(new Signatures(alignContext), limits.alignCells), alignContext);
  const plans = rowPlans(beforeUnits, afterUnits, unitMatches);
  markRelocated(plans);

  // 2. Lines: inside matched units of different content, paragraphs, items and sub-items are
  // aligned in turn. Each row's cells are built right away so that the line pairs die young.
  const innerContext: TContext = { work: limits.innerWork, deadline: start + limits.hardCapMs * 0.55, degraded: false, exhausted: false };
  const innerSignatures = new Signatures(innerContext);
  const innerSpec = nodeSpec(innerSignatures, limits.innerCells);
  let level: TComparisonLevel = 'character';
  let builder = new TableBuilder(level);
  let cells: Array<{ before: TCell; after: TCell }> = [];
  for (const plan of plans) {
    const { before: b, after: a } = plan;
    if (b && a && b.content !== a.content) {
      if (innerContext.work <= 0 || performance.now() > innerContext.deadline) innerContext.exhausted = true;
      else {
        plan.lines = [];
        alignNodes(b.nodes, a.nodes, innerSpec, innerContext, plan.lines, plan.remarks);
        innerSignatures.clear();
      }
      if (innerContext.exhausted) {
        level = 'article';
        break;
      }
    }
    cells.push(builder.cells(plan));
    plan.lines = null;
  }
  if (level === 'article') {
    // Too costly to align lines: pair whole units and underline every changed one entirely.
    builder = new TableBuilder(level);
    cells = plans.map((plan) => {
      const { before: b, after: a } = plan;
      plan.remarks = [];
      plan.whole = b !== null && a !== null && b.content !== a.content;
      plan.lines = plan.whole && b && a ? articleLevelLines(b, a) : null;
      const built = builder.cells(plan);
      plan.lines = null;
      return built;
    });
  }

  // 3. Character diffs of the changed lines, cheapest first
  const charBudget: TDiffBudget = { work: limits.charWork, deadline: Math.min(performance.now() + limits.budgetMs, hardDeadline) };
  let charDegraded = false;
  // Once the budget is spent, a later diff still succeeds if it needs no search (a pure
  // insertion or deletion), so cheap lines keep their character-level underlines.
  for (const job of builder.jobs.sort((x, y) => x.size - y.size)) {
    const similar = dice(bigrams(job.before), bigrams(job.after)) >= REWRITTEN;
    const spans = similar ? diffSpans(job.before, job.after, charBudget) : null;
    if (similar && !spans) charDegraded = true;
    job.apply(spans ?? replacedSpans(job.before, job.after));
  }
  if (charDegraded && level === 'character') level = 'line';

  const rows = plans.map((plan, index) => finishRow(plan, cells[index] as { before: TCell; after: TCell }));
  return {
    rows,
    level,
    degraded: alignContext.degraded || innerContext.degraded || level !== 'character',
    stats: statsOf(rows),
  };
}

/** At 'article' level the lines of a changed pair are listed side by side without alignment. */
function articleLevelLines(b: TUnit, a: TUnit): TLinePair[] {
  const beforeLines: TNode[] = [];
  const afterLines: TNode[] = [];
  for (const node of b.nodes) subtree(node, beforeLines);
  for (const node of a.nodes) subtree(node, afterLines);
  const out: TLinePair[] = [];
  for (let k = 0; k < Math.max(beforeLines.length, afterLines.length); k++) out.push({ before: beforeLines[k] ?? null, after: afterLines[k] ?? null });
  return out;
}

/** An article deleted in one place and added unchanged in another was moved (条の移動). */
function markRelocated(plans: TRowPlan[]): void {
  const deleted = new Map<string, TRowPlan[]>();
  for (const plan of plans) {
    if (plan.before && !plan.after) {
      const list = deleted.get(plan.before.content) ?? [];
      list.push(plan);
      deleted.set(plan.before.content, list);
    }
  }
  for (const plan of plans) {
    if (!plan.after || plan.before) continue;
    const counterpart = deleted.get(plan.after.content)?.shift();
    if (counterpart) {
      counterpart.relocated = true;
      plan.relocated = true;
    }
  }
}

function finishRow(plan: TRowPlan, cells: { before: TCell; after: TCell }): TRow {
  const { before: b, after: a } = plan;
  const unit = (a ?? b) as TUnit;
  const noun = nounOf(unit);
  const remarks: string[] = [];
  let kind: TRowKind;
  if (!b || !a) {
    kind = isHeadingUnit(unit.type) ? 'heading' : a ? 'added' : 'deleted';
    remarks.push(`${noun}の${plan.relocated ? '移動' : a ? '追加' : '削除'}`);
  } else {
    const renumbered = isNumbered(a) && isNumbered(b) && a.order !== b.order;
    if (renumbered) remarks.push(`${noun}の繰${a.order > b.order ? '下げ' : '上げ'}`);
    if (plan.how === 'ident' && a.heading !== b.heading && (unit.type === 'article' || unit.type === 'item')) remarks.push(`${noun}の全部改正`);
    if (a.heading !== b.heading) remarks.push(HEADING_REMARK[unit.type] ?? REWORDED);
    if ((plan.whole && a.body !== b.body) || (!renumbered && a.label !== b.label)) addRemark(remarks, REWORDED);
    for (const remark of plan.remarks) addRemark(remarks, remark);
    const changed = a.content !== b.content || (!renumbered && a.label !== b.label);
    if (isHeadingUnit(unit.type)) kind = 'heading';
    else if (renumbered) kind = changed ? 'moved-modified' : 'moved';
    else kind = changed ? 'modified' : 'unchanged';
  }
  return { key: `${cells.after?.anchor ?? ''}|${cells.before?.anchor ?? ''}`, kind, after: cells.after, before: cells.before, remarks };
}

function statsOf(rows: readonly TRow[]): TComparisonStats {
  const stats: TComparisonStats = { added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 0 };
  for (const row of rows) {
    if (row.kind === 'added') stats.added++;
    else if (row.kind === 'deleted') stats.deleted++;
    else if (row.kind === 'modified') stats.modified++;
    else if (row.kind === 'moved') stats.moved++;
    else if (row.kind === 'moved-modified') {
      stats.modified++;
      stats.moved++;
    } else if (row.kind === 'unchanged') stats.unchanged++;
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Article identity across revisions (public excerpts follow it)

/** How an article of the earlier revision reappears in the later one. */
export type TArticleCorrespondence = {
  /** the article's anchor in the earlier revision: a23 */
  before: string;
  /** its anchor in the later revision: a24 after an article was inserted before it */
  after: string;
  /** its label in the later revision: 第24条 */
  afterLabel: string;
  /**
   * unchanged: same text (perhaps renumbered or moved); modified: the text changed;
   * rewritten: paired by number only, its text replaced (全部改正)
   */
  change: 'unchanged' | 'modified' | 'rewritten';
};

/**
 * Which article of `after` each article of `before` became, by the alignment of the 新旧対照表:
 * by content through renumbering, an article moved unchanged elsewhere (条の移動) included. An
 * article of `before` missing from the map was deleted. Only the units are aligned (no line or
 * character diffs), so this is cheap enough to run on every approval.
 */
export function mapArticleAnchors(before: TPolicyTree, after: TPolicyTree, options?: TCompareOptions): Map<string, TArticleCorrespondence> {
  const limits = limitsOf(options);
  const start = performance.now();
  const withTitle = before.title !== after.title;
  const beforeUnits = flatten(before, withTitle);
  const afterUnits = flatten(after, withTitle);
  const alignContext: TContext = { work: limits.alignWork, deadline: start + limits.hardCapMs * 0.35, degraded: false, exhausted: false };
  const plans = rowPlans(beforeUnits, afterUnits, alignSequences(beforeUnits, afterUnits, unitSpec(new Signatures(alignContext), limits.alignCells), alignContext));

  const out = new Map<string, TArticleCorrespondence>();
  const pair = (b: TUnit, a: TUnit, change: TArticleCorrespondence['change']) => out.set(b.anchor, { before: b.anchor, after: a.anchor, afterLabel: a.label, change });
  const deleted = new Map<string, TUnit[]>();
  for (const { before: b, after: a, how } of plans) {
    if (b?.type === 'article' && a?.type === 'article') pair(b, a, b.content === a.content ? 'unchanged' : how === 'ident' ? 'rewritten' : 'modified');
    else if (b?.type === 'article' && !a) deleted.set(b.content, [...(deleted.get(b.content) ?? []), b]);
  }
  // The same pairing as markRelocated: a deleted article added unchanged elsewhere was moved.
  for (const { before: b, after: a } of plans) {
    if (b || a?.type !== 'article') continue;
    const counterpart = deleted.get(a.content)?.shift();
    if (counterpart) pair(counterpart, a, 'unchanged');
  }
  return out;
}
