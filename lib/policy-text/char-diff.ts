import { IDEOGRAPHIC_SPACE, displayWidth } from '@/lib/policy-text/normalize';

/*
 * Character-level diff for Japanese regulation text. Pure functions, no I/O.
 *
 * Japanese has no spaces, so the unit of comparison is the user-perceived character: a code
 * point together with the combining marks, variation selectors and joiners that follow it
 * (か + ゛, 葛 + IVS, 👨‍👩‍👧). A diff never splits one, so 𠮷 (a surrogate pair) or が written
 * with a combining mark is either wholly changed or wholly kept.
 *
 * The algorithm is Myers' O(ND) with the linear-space middle-snake bisection (as in Google's
 * diff-match-patch), followed by diff-match-patch's semantic cleanup: an equality no longer
 * than the edits on both sides of it is folded into them, so a rewritten sentence shows as one
 * replaced phrase instead of confetti of shared particles (の, を, は).
 */

/** A run of text on one side of the comparison table. */
export type TSpan = {
  text: string;
  /** underlined (傍線) in the comparison table */
  changed: boolean;
  /**
   * A placeholder, not text of the document: full-width spaces as wide as what the other side
   * added or deleted at this place, underlined like the 傍線を付した空白 of a printed 新旧対照表.
   * Always `changed: true`. Strip gap spans to get the document's text back.
   */
  gap?: true;
};

export type TDiffOp = { op: -1 | 0 | 1; text: string };

/**
 * Work shared by all diffs of one comparison. `work` counts inner-loop steps of the diff (a
 * deterministic measure, so the same input always degrades the same way); `deadline` is a
 * `performance.now()` value kept as a safety net for slow machines.
 */
export interface TDiffBudget {
  work: number;
  deadline: number;
}

const DELETE = -1;
const EQUAL = 0;
const INSERT = 1;

type TOp = { op: -1 | 0 | 1; t: number[] };

const BUDGET_EXCEEDED = Object.freeze({ reason: 'diff budget exceeded' });

// ---------------------------------------------------------------------------------------------
// Characters

const MARK = /^\p{M}$/u;
// Anything that can make a character longer than one UTF-16 unit or join it to the next.
const NEEDS_CLUSTERING = /[\p{M}\u200c\u200d\uff9e\uff9f\ud800-\udfff\u{10000}-\u{10ffff}]/u;

function isExtend(cp: number): boolean {
  if (cp < 0x0300) return false;
  if (cp <= 0x036f) return true;
  if (cp === 0x200c || cp === 0x200d) return true;
  if (cp === 0x3099 || cp === 0x309a || cp === 0xff9e || cp === 0xff9f) return true;
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return true;
  if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) return true;
  // CJK, kana, full-width forms and Hangul syllables carry no marks: skip the regex for them
  if ((cp >= 0x3040 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000) {
    return false;
  }
  return MARK.test(String.fromCodePoint(cp));
}

const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/** Code-unit offsets where each user-perceived character starts, plus the text's length. */
function clusterStarts(text: string): number[] {
  const starts: number[] = [];
  let joinNext = false;
  let openRegional = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const regional = isRegionalIndicator(cp);
    const attach: boolean = starts.length > 0 && (joinNext || isExtend(cp) || (regional && openRegional));
    if (!attach) starts.push(i);
    openRegional = regional && !(attach && openRegional);
    joinNext = cp === 0x200d;
    i += width;
  }
  starts.push(text.length);
  return starts;
}

/** The user-perceived characters of a text (see the file comment). */
export function splitCharacters(text: string): string[] {
  if (!NEEDS_CLUSTERING.test(text)) return text.split('');
  const starts = clusterStarts(text);
  const out: string[] = [];
  for (let k = 0; k + 1 < starts.length; k++) out.push(text.slice(starts[k], starts[k + 1]));
  return out;
}

/**
 * Turns texts into integer arrays, one integer per character: the UTF-16 unit itself for the
 * common case, an id from 0x10000 up for longer characters. Both sides share one table.
 */
class Tokenizer {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  tokens(text: string): Int32Array {
    if (!NEEDS_CLUSTERING.test(text)) {
      const out = new Int32Array(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
      return out;
    }
    const starts = clusterStarts(text);
    const out = new Int32Array(starts.length - 1);
    for (let k = 0; k + 1 < starts.length; k++) {
      const from = starts[k] ?? 0;
      const to = starts[k + 1] ?? from;
      out[k] = to - from === 1 ? text.charCodeAt(from) : this.id(text.slice(from, to));
    }
    return out;
  }

  text(tokens: readonly number[]): string {
    let out = '';
    // String.fromCharCode(...chunk) is far faster than appending one character at a time.
    const CHUNK = 4096;
    for (let i = 0; i < tokens.length; i += CHUNK) {
      const chunk = tokens.slice(i, i + CHUNK);
      if (chunk.every((t) => t < 0x10000)) out += String.fromCharCode(...chunk);
      else for (const t of chunk) out += t < 0x10000 ? String.fromCharCode(t) : (this.strings[t - 0x10000] ?? '');
    }
    return out;
  }

  private id(cluster: string): number {
    let id = this.ids.get(cluster);
    if (id === undefined) {
      id = 0x10000 + this.strings.length;
      this.strings.push(cluster);
      this.ids.set(cluster, id);
    }
    return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Myers' diff, linear space

type TRawOp = { op: -1 | 0 | 1; from: number; to: number };

class Differ {
  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly budget: TDiffBudget | undefined,
    readonly out: TRawOp[] = [],
  ) {}

  /** Ranges are [lo, hi); EQUAL and DELETE ops index `a`, INSERT ops index `b`. */
  diff(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b } = this;
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
    if (prefix > 0) this.push(EQUAL, aLo, aLo + prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    if (aLo === aHi) {
      if (bLo < bHi) this.push(INSERT, bLo, bHi);
    } else if (bLo === bHi) {
      this.push(DELETE, aLo, aHi);
    } else {
      this.bisect(aLo, aHi, bLo, bHi);
    }
    if (suffix > 0) this.push(EQUAL, aHi, aHi + suffix);
  }

  private push(op: -1 | 0 | 1, from: number, to: number): void {
    this.out.push({ op, from, to });
  }

  private spend(work: number, d: number): void {
    const budget = this.budget;
    if (!budget) return;
    budget.work -= work;
    if (budget.work < 0 || ((d & 15) === 0 && performance.now() > budget.deadline)) throw BUDGET_EXCEEDED;
  }

  /**
   * Finds the middle snake of the edit graph and splits the problem there (Myers 1986, §4b).
   * V arrays hold x + 1 so that a fresh, zero-filled array means "not reached yet".
   */
  private bisect(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    const vOffset = maxD;
    const vLength = 2 * maxD + 2;
    const v1 = new Int32Array(vLength);
    const v2 = new Int32Array(vLength);
    v1[vOffset + 1] = 1;
    v2[vOffset + 1] = 1;
    const delta = n - m;
    const front = (delta & 1) !== 0;
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      let work = 0;
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const k1Offset = vOffset + k1;
        let x1 =
          k1 === -d || (k1 !== d && (v1[k1Offset - 1] ?? 0) < (v1[k1Offset + 1] ?? 0))
            ? (v1[k1Offset + 1] ?? 0) - 1
            : (v1[k1Offset - 1] ?? 0);
        let y1 = x1 - k1;
        const startX = x1;
        while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
          x1++;
          y1++;
        }
        work += 1 + x1 - startX;
        v1[k1Offset] = x1 + 1;
        if (x1 > n) k1end += 2;
        else if (y1 > m) k1start += 2;
        else if (front) {
          const k2Offset = vOffset + delta - k1;
          const v = k2Offset >= 0 && k2Offset < vLength ? (v2[k2Offset] ?? 0) : 0;
          if (v !== 0 && x1 >= n - (v - 1)) return this.split(aLo, aHi, bLo, bHi, x1, y1);
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const k2Offset = vOffset + k2;
        let x2 =
          k2 === -d || (k2 !== d && (v2[k2Offset - 1] ?? 0) < (v2[k2Offset + 1] ?? 0))
            ? (v2[k2Offset + 1] ?? 0) - 1
            : (v2[k2Offset - 1] ?? 0);
        let y2 = x2 - k2;
        const startX = x2;
        while (x2 < n && y2 < m && a[aHi - 1 - x2] === b[bHi - 1 - y2]) {
          x2++;
          y2++;
        }
        work += 1 + x2 - startX;
        v2[k2Offset] = x2 + 1;
        if (x2 > n) k2end += 2;
        else if (y2 > m) k2start += 2;
        else if (!front) {
          const k1Offset = vOffset + delta - k2;
          const v = k1Offset >= 0 && k1Offset < vLength ? (v1[k1Offset] ?? 0) : 0;
          if (v !== 0) {
            const x1 = v - 1;
            const y1 = vOffset + x1 - k1Offset;
            if (x1 >= n - x2) return this.split(aLo, aHi, bLo, bHi, x1, y1);
          }
        }
      }
      this.spend(work, d);
    }
    // Unreachable for well-formed input: the paths always meet by d = maxD.
    this.push(DELETE, aLo, aHi);
    this.push(INSERT, bLo, bHi);
  }

  private split(aLo: number, aHi: number, bLo: number, bHi: number, x: number, y: number): void {
    this.diff(aLo, aLo + x, bLo, bLo + y);
    this.diff(aLo + x, aHi, bLo + y, bHi);
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup (after diff-match-patch's diff_cleanupMerge / diff_cleanupSemantic / ...Lossless)

function startsWith(text: readonly number[], prefix: readonly number[]): boolean {
  if (prefix.length > text.length) return false;
  for (let i = 0; i < prefix.length; i++) if (text[i] !== prefix[i]) return false;
  return true;
}

function endsWith(text: readonly number[], suffix: readonly number[]): boolean {
  const offset = text.length - suffix.length;
  if (offset < 0) return false;
  for (let i = 0; i < suffix.length; i++) if (text[offset + i] !== suffix[i]) return false;
  return true;
}

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** Joins adjacent ops of one kind, puts DELETE before INSERT and slides single edits. */
function cleanupMerge(diffs: TOp[]): void {
  for (;;) {
    diffs.push({ op: EQUAL, t: [] });
    let pointer = 0;
    let countDelete = 0;
    let countInsert = 0;
    let textDelete: number[] = [];
    let textInsert: number[] = [];
    while (pointer < diffs.length) {
      const current = diffs[pointer];
      if (!current) break;
      if (current.op === INSERT) {
        countInsert++;
        textInsert = textInsert.concat(current.t);
        pointer++;
      } else if (current.op === DELETE) {
        countDelete++;
        textDelete = textDelete.concat(current.t);
        pointer++;
      } else {
        if (countDelete + countInsert > 1) {
          if (countDelete !== 0 && countInsert !== 0) {
            let common = commonPrefix(textInsert, textDelete);
            if (common !== 0) {
              const before = diffs[pointer - countDelete - countInsert - 1];
              if (before && before.op === EQUAL) before.t = before.t.concat(textInsert.slice(0, common));
              else {
                diffs.unshift({ op: EQUAL, t: textInsert.slice(0, common) });
                pointer++;
              }
              textInsert = textInsert.slice(common);
              textDelete = textDelete.slice(common);
            }
            common = commonSuffix(textInsert, textDelete);
            if (common !== 0) {
              const here = diffs[pointer];
              if (here) here.t = textInsert.slice(textInsert.length - common).concat(here.t);
              textInsert = textInsert.slice(0, textInsert.length - common);
              textDelete = textDelete.slice(0, textDelete.length - common);
            }
          }
          pointer -= countDelete + countInsert;
          diffs.splice(pointer, countDelete + countInsert);
          if (textDelete.length > 0) diffs.splice(pointer++, 0, { op: DELETE, t: textDelete });
          if (textInsert.length > 0) diffs.splice(pointer++, 0, { op: INSERT, t: textInsert });
          pointer++;
        } else if (pointer !== 0 && diffs[pointer - 1]?.op === EQUAL) {
          const previous = diffs[pointer - 1];
          if (previous) previous.t = previous.t.concat(current.t);
          diffs.splice(pointer, 1);
        } else {
          pointer++;
        }
        countInsert = 0;
        countDelete = 0;
        textDelete = [];
        textInsert = [];
      }
    }
    if (diffs.at(-1)?.t.length === 0) diffs.pop();

    // A single edit between two equalities may slide over one of them: A<ins>BA</ins>C -> <ins>AB</ins>AC
    let changes = false;
    for (let i = 1; i < diffs.length - 1; i++) {
      const previous = diffs[i - 1];
      const current = diffs[i];
      const next = diffs[i + 1];
      if (!previous || !current || !next || previous.op !== EQUAL || next.op !== EQUAL) continue;
      if (previous.t.length > 0 && endsWith(current.t, previous.t)) {
        current.t = previous.t.concat(current.t.slice(0, current.t.length - previous.t.length));
        next.t = previous.t.concat(next.t);
        diffs.splice(i - 1, 1);
        changes = true;
      } else if (next.t.length > 0 && startsWith(current.t, next.t)) {
        previous.t = previous.t.concat(next.t);
        current.t = current.t.slice(next.t.length).concat(next.t);
        diffs.splice(i + 1, 1);
        changes = true;
      }
    }
    if (!changes) return;
  }
}

/** Folds equalities no longer than the edits on both sides into those edits. */
function cleanupSemantic(diffs: TOp[], text: (t: readonly number[]) => string): void {
  let changes = false;
  const equalities: number[] = [];
  let lastEquality: number[] | null = null;
  let pointer = 0;
  let insertions1 = 0;
  let deletions1 = 0;
  let insertions2 = 0;
  let deletions2 = 0;
  while (pointer < diffs.length) {
    const current = diffs[pointer];
    if (!current) break;
    if (current.op === EQUAL) {
      equalities.push(pointer);
      insertions1 = insertions2;
      deletions1 = deletions2;
      insertions2 = 0;
      deletions2 = 0;
      lastEquality = current.t;
    } else {
      if (current.op === INSERT) insertions2 += current.t.length;
      else deletions2 += current.t.length;
      if (
        lastEquality &&
        lastEquality.length > 0 &&
        lastEquality.length <= Math.max(insertions1, deletions1) &&
        lastEquality.length <= Math.max(insertions2, deletions2)
      ) {
        const at = equalities.at(-1) ?? 0;
        diffs.splice(at, 0, { op: DELETE, t: lastEquality });
        const converted = diffs[at + 1];
        if (converted) converted.op = INSERT;
        equalities.pop();
        equalities.pop();
        pointer = equalities.at(-1) ?? -1;
        insertions1 = 0;
        deletions1 = 0;
        insertions2 = 0;
        deletions2 = 0;
        lastEquality = null;
        changes = true;
      }
    }
    pointer++;
  }
  if (changes) cleanupMerge(diffs);
  cleanupSemanticLossless(diffs, text);
}

type TCharClass = 'space' | 'open' | 'close' | 'stop' | 'comma' | 'kanji' | 'hiragana' | 'katakana' | 'digit' | 'latin' | 'other';

function charClass(ch: string): TCharClass {
  if (/^[\s\u3000]/.test(ch)) return 'space';
  if (/^[。．.！？!?]/.test(ch)) return 'stop';
  if (/^[、，,；;：:]/.test(ch)) return 'comma';
  if (/^[（(「『【［[〔]/.test(ch)) return 'open';
  if (/^[）)」』】］\]〕]/.test(ch)) return 'close';
  if (/^[\u4e00-\u9fff\u3400-\u4dbf\u3005\uf900-\ufaff\u{20000}-\u{3ffff}]/u.test(ch)) return 'kanji';
  if (/^[\u3041-\u309f]/.test(ch)) return 'hiragana';
  if (/^[\u30a0-\u30ff\uff66-\uff9f]/.test(ch)) return 'katakana';
  if (/^[0-9０-９]/.test(ch)) return 'digit';
  if (/^[A-Za-zＡ-Ｚａ-ｚ]/.test(ch)) return 'latin';
  return 'other';
}

/**
 * How good a place the boundary between two characters is for an underline to start or end:
 * after a sentence or clause, around brackets, at a change of script (漢字 → かな).
 */
function boundaryScore(left: string, right: string): number {
  if (left === '' || right === '') return 6;
  const l = charClass(left);
  const r = charClass(right);
  if (l === 'stop') return 5;
  if (l === 'comma' || l === 'close' || r === 'open') return 4;
  if (l === 'space' || r === 'space') return 3;
  if (r === 'stop' || r === 'comma' || r === 'close' || l === 'open') return 2;
  return l === r ? 0 : 1;
}

/** How far an edit may slide either way; keeps a long run of one repeated character linear. */
const MAX_SLIDE = 64;

/**
 * Slides single edits between equalities to the best-scoring boundary (ties: rightmost), as
 * diff-match-patch's cleanupSemanticLossless does. Positions are scored by index over
 * equality1 + edit + equality2, and the arrays are rebuilt once, for the chosen position only.
 */
function cleanupSemanticLossless(diffs: TOp[], text: (t: readonly number[]) => string): void {
  for (let pointer = 1; pointer < diffs.length - 1; pointer++) {
    const previous = diffs[pointer - 1];
    const current = diffs[pointer];
    const next = diffs[pointer + 1];
    if (!previous || !current || !next || previous.op !== EQUAL || next.op !== EQUAL) continue;
    const one = previous.t;
    const edit = current.t;
    const two = next.t;
    const start = one.length;
    const m = edit.length;
    const at = (position: number): number | undefined =>
      position < start ? one[position] : position < start + m ? edit[position - start] : two[position - start - m];
    // the edit may slide left while the character leaving its end equals the one entering its start
    let left = 0;
    while (left < MAX_SLIDE && start - left - 1 >= 0 && at(start - left - 1) === at(start + m - left - 1)) left++;
    let right = 0;
    while (right < MAX_SLIDE && right < two.length && at(start + right) === at(start + m + right)) right++;
    if (left === 0 && right === 0) continue;
    const char = (position: number): string => {
      const token = at(position);
      return token === undefined ? '' : text([token]);
    };
    const score = (boundary: number): number => boundaryScore(char(boundary - 1), char(boundary));
    let best = -left;
    let bestScore = -Infinity;
    for (let shift = -left; shift <= right; shift++) {
      const s = score(start + shift) + score(start + shift + m);
      if (s >= bestScore) {
        bestScore = s;
        best = shift;
      }
    }
    if (best === 0) continue;
    const from = start + best;
    const all = (lo: number, hi: number): number[] => {
      const out: number[] = [];
      for (let k = lo; k < hi; k++) out.push(at(k) ?? 0);
      return out;
    };
    const total = start + m + two.length;
    // slices of the untouched parts, and the few moved characters copied by index
    previous.t = best < 0 ? one.slice(0, from) : one.concat(all(start + m, start + m + best));
    current.t = all(from, from + m);
    next.t = best < 0 ? all(from + m, start + m).concat(two) : two.slice(best);
    if (previous.t.length === 0) {
      diffs.splice(pointer - 1, 1);
      pointer--;
    }
    if (next.t.length === 0 && from + m === total) diffs.splice(pointer + 1, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * The character-level edit script from `before` to `after`, cleaned up for reading; null when
 * the budget ran out (the caller then marks the whole line instead).
 */
export function diffText(before: string, after: string, budget?: TDiffBudget): TDiffOp[] | null {
  if (before === after) return before === '' ? [] : [{ op: EQUAL, text: before }];
  const tokenizer = new Tokenizer();
  const a = tokenizer.tokens(before);
  const b = tokenizer.tokens(after);
  const differ = new Differ(a, b, budget);
  try {
    differ.diff(0, a.length, 0, b.length);
  } catch (error) {
    if (error === BUDGET_EXCEEDED) return null;
    throw error;
  }
  const ops: TOp[] = differ.out.map(({ op, from, to }) => ({ op, t: Array.from((op === INSERT ? b : a).subarray(from, to)) }));
  const text = (t: readonly number[]): string => tokenizer.text(t);
  cleanupMerge(ops);
  cleanupSemantic(ops, text);
  cleanupMerge(ops);
  return ops.filter((o) => o.t.length > 0).map((o) => ({ op: o.op, text: text(o.t) }));
}

/**
 * Width of a text in full-width character cells: CJK and other wide characters count 1,
 * half-width ones ½, combining marks and joined characters 0. At least one cell, so that
 * even a deleted zero-width character leaves a visible mark.
 */
export function gapWidth(text: string): number {
  let halves = 0;
  let joinNext = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // emoji and other pictographs are drawn full-width by Japanese fonts
    if (!joinNext && !isExtend(cp)) halves += cp >= 0x1f000 ? 2 : displayWidth(ch);
    joinNext = cp === 0x200d;
  }
  return Math.max(1, Math.ceil(halves / 2));
}

export function gapSpan(forText: string): TSpan {
  return { text: IDEOGRAPHIC_SPACE.repeat(gapWidth(forText)), changed: true, gap: true };
}

function pushSpan(spans: TSpan[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = spans.at(-1);
  if (last && !last.gap && last.changed === changed) last.text += text;
  else spans.push({ text, changed });
}

/**
 * Spans for both columns from an edit script. Where one side has nothing opposite the other's
 * edit (a pure insertion or deletion), it gets a gap placeholder of the edit's width.
 */
export function opsToSpans(ops: readonly TDiffOp[]): { before: TSpan[]; after: TSpan[] } {
  const before: TSpan[] = [];
  const after: TSpan[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted !== '' && inserted === '') after.push(gapSpan(deleted));
    if (inserted !== '' && deleted === '') before.push(gapSpan(inserted));
    pushSpan(before, deleted, true);
    pushSpan(after, inserted, true);
    deleted = '';
    inserted = '';
  };
  for (const { op, text } of ops) {
    if (op === DELETE) deleted += text;
    else if (op === INSERT) inserted += text;
    else {
      flush();
      pushSpan(before, text, false);
      pushSpan(after, text, false);
    }
  }
  flush();
  return { before, after };
}

/** Both lines wholly underlined (the line-level fallback); equal texts stay plain. */
export function replacedSpans(before: string, after: string): { before: TSpan[]; after: TSpan[] } {
  if (before === after) return { before: plainSpans(before), after: plainSpans(after) };
  return opsToSpans([
    { op: DELETE, text: before },
    { op: INSERT, text: after },
  ]);
}

export function plainSpans(text: string): TSpan[] {
  return text === '' ? [] : [{ text, changed: false }];
}

export function changedSpans(text: string): TSpan[] {
  return text === '' ? [] : [{ text, changed: true }];
}

/** The document's text of a side: the spans without gap placeholders. */
export function spansText(spans: readonly TSpan[]): string {
  return spans
    .filter((s) => !s.gap)
    .map((s) => s.text)
    .join('');
}

/** Character-level spans for two texts; null when the budget ran out. */
export function diffSpans(before: string, after: string, budget?: TDiffBudget): { before: TSpan[]; after: TSpan[] } | null {
  const ops = diffText(before, after, budget);
  return ops ? opsToSpans(ops) : null;
}
