/*
 * Text handling for search: normalisation, index keys, query parsing, snippets. Pure, no I/O.
 *
 * Both sides of a search go through `normalizeForSearch`: NFKC (ＵＳＢ = USB, ｶﾀｶﾅ = カタカナ,
 * ① = 1), lower case, zero-width characters and variation selectors dropped, runs of white space
 * as one space. It also keeps, for every UTF-16 unit of the normalised text, where it came from in
 * the original, so that a match found in normalised text is highlighted in the text as written
 * (ｶﾞ is two characters that normalise to one, ㈱ one that normalises to three).
 *
 * Index keys are UTF-16 units and pairs of units packed into one int32: a unit alone is 1..65535,
 * a pair is (first << 16 | second), never in that range because no text holds U+0000. Lossless,
 * so the index only ever returns candidates that hold every pair of the query in some place;
 * a substring check on the normalised text confirms the order.
 */

export interface TNormalizedText {
  text: string;
  /** for each UTF-16 unit of `text`, the offset in the original where its source starts */
  starts: number[];
  /** … and where its source ends (exclusive) */
  ends: number[];
}

const DROPPED = /^[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\ufe00-\ufe0f]$|^\udb40[\udd00-\uddef]$/;
const COMBINING = /^\p{M}/u;
const SPACE = /^\s+$/u;

interface TCharInfo {
  /** NFKC and lower case of the character alone */
  folded: string;
  /** it attaches to the character before it (a combining mark, or a half-width sound mark) */
  joins: boolean;
  dropped: boolean;
  space: boolean;
}

// Texts repeat a few thousand distinct characters; what each one folds to is worked out once.
const CHAR_CACHE = new Map<string, TCharInfo>();

function charInfo(ch: string): TCharInfo {
  let info = CHAR_CACHE.get(ch);
  if (!info) {
    const nfkc = ch.normalize('NFKC');
    const dropped = DROPPED.test(ch);
    info = { folded: nfkc.toLowerCase(), joins: !dropped && COMBINING.test(nfkc), dropped, space: SPACE.test(nfkc) };
    if (CHAR_CACHE.size < 100_000) CHAR_CACHE.set(ch, info);
  }
  return info;
}

/** NFKC, lower case and folded white space, with a map back to the original offsets. */
export function normalizeForSearch(original: string): TNormalizedText {
  // Chunks: a base character with the marks that follow it (ｶ + ﾞ, か + U+3099), so that NFKC
  // composes within a chunk and never across two of them.
  const chunks: { start: number; end: number; single: TCharInfo | null }[] = [];
  let offset = 0;
  for (const ch of original) {
    const end = offset + ch.length;
    const info = charInfo(ch);
    const last = chunks[chunks.length - 1];
    if (last && info.joins) {
      last.end = end;
      last.single = null;
    } else chunks.push({ start: offset, end, single: info });
    offset = end;
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const chunk of chunks) {
    let out: string;
    if (chunk.single) {
      if (chunk.single.dropped) continue;
      out = chunk.single.space ? ' ' : chunk.single.folded;
    } else {
      out = original.slice(chunk.start, chunk.end).normalize('NFKC').toLowerCase();
    }
    if (out === ' ' || SPACE.test(out)) {
      if (text.length === 0 || text.endsWith(' ')) continue;
      out = ' ';
    }
    for (let i = 0; i < out.length; i += 1) {
      starts.push(chunk.start);
      ends.push(chunk.end);
    }
    text += out;
  }
  return { text, starts, ends };
}

export function normalizedText(original: string): string {
  return normalizeForSearch(original).text;
}

/** Every unit and every pair of adjacent units of a normalised text, white space excluded. */
export function indexKeys(normalized: string): number[] {
  const keys = new Set<number>();
  for (let i = 0; i < normalized.length; i += 1) {
    const a = normalized.charCodeAt(i);
    if (a === 32) continue;
    keys.add(a);
    const b = normalized.charCodeAt(i + 1);
    if (i + 1 < normalized.length && b !== 32) keys.add(((a << 16) | b) | 0);
  }
  return [...keys];
}

/** At most this many pair keys per term go to the index; the substring check does the rest. */
const MAX_KEYS_PER_TERM = 16;

/** The index keys a normalised term needs: its one unit, or (a spread of) its pairs. */
export function termKeys(term: string): number[] {
  if (term.length === 1) return [term.charCodeAt(0)];
  const pairs: number[] = [];
  for (let i = 0; i + 1 < term.length; i += 1) pairs.push(((term.charCodeAt(i) << 16) | term.charCodeAt(i + 1)) | 0);
  const unique = [...new Set(pairs)];
  if (unique.length <= MAX_KEYS_PER_TERM) return unique;
  const step = (unique.length - 1) / (MAX_KEYS_PER_TERM - 1);
  return [...new Set(Array.from({ length: MAX_KEYS_PER_TERM }, (_, i) => unique[Math.round(i * step)]!))];
}

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 10;

export type TQueryError = 'EMPTY' | 'TOO_LONG' | 'CONTROL_CHARACTER' | 'TOO_MANY_TERMS';

export type TParsedQuery = { ok: true; terms: string[] } | { ok: false; error: TQueryError };

// C0/C1 control characters other than white space (tab and newlines separate terms like spaces).
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

/**
 * Splits a query into terms, all of which must match (AND). Every character but white space is
 * literal: %, _, \, quotes and SQL-looking text are searched as written.
 */
export function parseSearchQuery(raw: string): TParsedQuery {
  if (CONTROL.test(raw)) return { ok: false, error: 'CONTROL_CHARACTER' };
  if ([...raw].length > MAX_QUERY_LENGTH) return { ok: false, error: 'TOO_LONG' };
  const normalized = normalizedText(raw).trim();
  if (normalized === '') return { ok: false, error: 'EMPTY' };
  const terms: string[] = [];
  for (const term of normalized.split(' ')) {
    if (term === '' || terms.some((t) => t.includes(term))) continue;
    // a longer term makes a shorter one it contains redundant: 「USB」 in 「USBメモリ USB」
    for (let i = terms.length - 1; i >= 0; i -= 1) if (term.includes(terms[i]!)) terms.splice(i, 1);
    terms.push(term);
  }
  if (terms.length > MAX_QUERY_TERMS) return { ok: false, error: 'TOO_MANY_TERMS' };
  return { ok: true, terms };
}

export interface TMatch {
  start: number;
  end: number;
}

/** Where the terms occur in the original text (merged where they overlap), in text order. */
export function findMatches(original: string, terms: readonly string[], normalized: TNormalizedText = normalizeForSearch(original)): TMatch[] {
  const found: TMatch[] = [];
  for (const term of terms) {
    if (term === '') continue;
    let from = 0;
    for (;;) {
      const at = normalized.text.indexOf(term, from);
      if (at < 0) break;
      found.push({ start: normalized.starts[at]!, end: normalized.ends[at + term.length - 1]! });
      from = at + 1;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TMatch[] = [];
  for (const match of found) {
    const last = merged.at(-1);
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

export interface TSnippetPart {
  text: string;
  match: boolean;
}

export interface TSnippet {
  parts: TSnippetPart[];
  /** offset (in the original) of the first match, or -1 */
  firstMatch: number;
}

/**
 * A window of the text around its first match, with the matches marked. Line breaks read as
 * spaces; an ellipsis marks a cut end.
 */
export function buildSnippet(original: string, terms: readonly string[], options: { width?: number; before?: number; skip?: number } = {}): TSnippet {
  const width = options.width ?? 120;
  const before = options.before ?? 30;
  // `skip`: a leading part (an article's heading, shown apart) left out unless the match is in it
  const skip = options.skip ?? 0;
  const flat = original.replace(/\r?\n/g, (m) => '　'.padEnd(m.length, '　'));
  const matches = findMatches(original, terms);
  const first = matches[0];
  const floor = first && first.start >= skip ? skip : 0;
  let start = first ? Math.max(floor, first.start - before) : floor;
  let end = Math.min(flat.length, start + width);
  if (end - start < width) start = Math.max(floor, end - width);
  // never cut a surrogate pair or a match in two
  if (start > 0 && /[\udc00-\udfff]/.test(flat[start] ?? '')) start -= 1;
  if (end < flat.length && /[\udc00-\udfff]/.test(flat[end] ?? '')) end += 1;
  for (const m of matches) if (m.start < end && m.end > end) end = m.end;
  const parts: TSnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  if (start > floor) push('…', false);
  let cursor = start;
  for (const m of matches) {
    if (m.end <= start || m.start >= end) continue;
    const s = Math.max(m.start, start);
    push(flat.slice(cursor, s), false);
    push(flat.slice(s, m.end), true);
    cursor = m.end;
  }
  push(flat.slice(cursor, end), false);
  if (end < flat.length) push('…', false);
  return { parts, firstMatch: first?.start ?? -1 };
}
