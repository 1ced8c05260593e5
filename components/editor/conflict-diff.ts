import { diffText, type TDiffBudget } from '@/lib/policy-text/char-diff';

/*
 * Where two texts of a save conflict differ, for the conflict panel: lines first (each distinct
 * line stands for one character of a stand-in string, so the 新旧対照表's Myers diff aligns whole
 * lines), then characters inside each run of changed lines with the same character diff, so a
 * one-character edit in a long article shows as that character, not as the whole article.
 * Pure, so the browser computes it once when the panel opens.
 */

export type TConflictSpan = { text: string; differs: boolean };

export type TConflictDiff = {
  /** the text saved by the other person, with what the editor's text does not have marked */
  theirs: TConflictSpan[];
  /** the editor's text, with what the other person's text does not have marked */
  mine: TConflictSpan[];
  /** places where the texts differ: runs of changes between unchanged text */
  places: number;
};

const LINE_WORK = 40_000_000;
const CHAR_WORK = 20_000_000;
const BUDGET_MS = 400;
// Stand-in characters for lines: supplementary private use planes 15 and 16, never in a line's text.
const FIRST_STAND_IN = 0xf0000;
const LAST_STAND_IN = 0x10fffd;

function push(spans: TConflictSpan[], text: string, differs: boolean): void {
  if (text === '') return;
  const last = spans.at(-1);
  if (last && last.differs === differs) last.text += text;
  else spans.push({ text, differs });
}

/** Each line keeps its line break, so the pieces join back into the text exactly. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

export function diffConflict(theirs: string, mine: string): TConflictDiff {
  if (theirs === mine) return { theirs: theirs ? [{ text: theirs, differs: false }] : [], mine: mine ? [{ text: mine, differs: false }] : [], places: 0 };
  const deadline = (typeof performance === 'undefined' ? Date.now() : performance.now()) + BUDGET_MS;

  const a = splitLines(theirs);
  const b = splitLines(mine);
  const ids = new Map<string, string>();
  const lines: string[] = [];
  const standIn = (line: string): string | null => {
    let id = ids.get(line);
    if (id === undefined) {
      if (FIRST_STAND_IN + lines.length > LAST_STAND_IN) return null;
      id = String.fromCodePoint(FIRST_STAND_IN + lines.length);
      ids.set(line, id);
      lines.push(line);
    }
    return id;
  };
  const encode = (side: string[]): string | null => {
    let out = '';
    for (const line of side) {
      const id = standIn(line);
      if (id === null) return null;
      out += id;
    }
    return out;
  };
  const encodedA = encode(a);
  const encodedB = encode(b);
  const lineOps = encodedA !== null && encodedB !== null ? diffText(encodedA, encodedB, { work: LINE_WORK, deadline }) : null;
  if (!lineOps) return { theirs: [{ text: theirs, differs: true }], mine: [{ text: mine, differs: true }], places: 1 };
  const decode = (encoded: string): string => Array.from(encoded, (ch) => lines[(ch.codePointAt(0) ?? FIRST_STAND_IN) - FIRST_STAND_IN] ?? '').join('');

  const out: TConflictDiff = { theirs: [], mine: [], places: 0 };
  const charBudget: TDiffBudget = { work: CHAR_WORK, deadline };
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted === '' && inserted === '') return;
    const ops = deleted !== '' && inserted !== '' ? diffText(deleted, inserted, charBudget) : null;
    if (ops) {
      // a place is a run of changes between unchanged text
      let inChange = false;
      for (const { op, text } of ops) {
        if (op !== 0 && !inChange) out.places += 1;
        inChange = op !== 0;
        if (op <= 0) push(out.theirs, text, op < 0);
        if (op >= 0) push(out.mine, text, op > 0);
      }
    } else {
      out.places += 1;
      push(out.theirs, deleted, true);
      push(out.mine, inserted, true);
    }
    deleted = '';
    inserted = '';
  };
  for (const { op, text } of lineOps) {
    const decoded = decode(text);
    if (op < 0) deleted += decoded;
    else if (op > 0) inserted += decoded;
    else {
      flush();
      push(out.theirs, decoded, false);
      push(out.mine, decoded, false);
    }
  }
  flush();
  return out;
}
