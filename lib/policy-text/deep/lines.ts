import { type TCleanLine, parseNumeral } from '@/lib/policy-text/normalize';
import { type TLabel, parseLabels } from '@/lib/policy-text/deep/labels';
import type { TAppendixType, TGroupKind, TRow } from '@/lib/policy-text/deep/tree';

/*
 * What each line of a regulation text is, looked at on its own (one pass, linear): headings,
 * articles, captions, labels, table rows, remarks, 附則 and appendix headings.
 */

export type TToken =
  | { kind: 'toc' }
  | { kind: 'body-marker' }
  | { kind: 'supplementary'; label: string; note?: string; extract?: boolean }
  | { kind: 'appendix'; type: TAppendixType; label: string; num?: number; title?: string; relation?: string }
  | { kind: 'group'; group: TGroupKind; label: string; num: number; branch?: number; title: string }
  | { kind: 'article'; label: string; num: number; branch?: number; rest: string }
  | { kind: 'caption'; caption: string }
  | { kind: 'remarks'; label: string; rest: string }
  | { kind: 'rule'; header: boolean; end: boolean }
  | { kind: 'pipe-row'; cells: string[] }
  | { kind: 'label'; labels: TLabel[] }
  | { kind: 'text' };

const NUMERAL = '[0-9０-９]{1,4}|[〇一二三四五六七八九十百]{1,8}';
const TOC = /^目[\s\u3000]*次$/;
const BODY_MARKER = /^本[\s\u3000]*文$/;
const SUPPLEMENTARY = /^([付附])[\s\u3000]*則(?:[\s\u3000]*[（(]([^）)]*)[）)])?([\s\u3000]*抄)?$/;
const GROUP = new RegExp(`^第(${NUMERAL})(編|章|節|款|目)(?:の(${NUMERAL}))?(.*)$`);
const ARTICLE = new RegExp(`^第(${NUMERAL})(条)?(?:の(${NUMERAL}))?(?=[\\s\\u3000（(]|$)`);
const CAPTION = /^[（(]([^（）()。]{1,40})[）)]$/;
const REMARKS = /^(備考|注)(?:[\s\u3000:：]+(.*))?$/;
const APPENDIX =
  /^(【[^】]{1,20}】|別記様式|別表|別記|別紙|別図|様式|付録|附録|参考)(第?[0-9０-９一二三四五六七八九十]{1,4}号?(?:の[0-9０-９一二三四五六七八九十]{1,3})?)?(?=[\s\u3000（(]|$)(.*)$/;
const RELATION = /[（(]([^（）()]{0,30}関係)[）)]/;
const GROUP_KIND: Record<string, TGroupKind> = { 編: 'part', 章: 'chapter', 節: 'section', 款: 'subsection', 目: 'division' };
const PIPE_RULE = /^[|｜+:\-－ 　]*-[|｜+:\-－ 　]*$/;
const BOX_RULE = /^[┌┐└┘├┤┬┴┼─━═╞╡╪│┃ 　]+$/;

function appendixType(label: string): TAppendixType {
  if (label === '別表') return 'table';
  if (label === '別記') return 'note';
  if (label === '別記様式' || label === '様式') return 'style';
  if (label === '付録' || label === '附録') return 'appdx';
  return 'reference';
}

/** 別表第1（第2条関係） 情報資産の分類 → label 別表第1, num 1, title, relation 第2条関係 */
export function parseAppendixHeading(text: string): Extract<TToken, { kind: 'appendix' }> | null {
  const match = APPENDIX.exec(text);
  if (!match?.[1]) return null;
  let rest = (match[3] ?? '').trim();
  // 「別表に定める」 is a sentence; a heading's title has no 、 or 。
  if (/[、。]/.test(rest) || rest.length > 60) return null;
  const relation = RELATION.exec(rest);
  if (relation) rest = (rest.slice(0, relation.index) + rest.slice(relation.index + relation[0].length)).trim();
  const numText = match[2]?.replace(/^第|号$/g, '').split('の')[0];
  const num = numText ? parseNumeral(numText) : null;
  return {
    kind: 'appendix',
    type: appendixType(match[1]),
    label: match[1] + (match[2] ?? ''),
    ...(num ? { num } : {}),
    ...(rest ? { title: rest } : {}),
    ...(relation?.[1] !== undefined ? { relation: relation[1] } : {}),
  };
}

function parseGroup(text: string): TToken | null {
  const match = GROUP.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const rest = match[4] ?? '';
  // 「第１章の規定により」 is a wrapped sentence; 「第1目的」 is no division heading
  if (rest !== '' && !/^[\s\u3000]/.test(rest) && (match[2] === '目' || /^[ぁ-ゖ、。，．）)」の]/.test(rest))) return null;
  const num = parseNumeral(match[1]);
  const branch = match[3] ? parseNumeral(match[3]) : undefined;
  if (num === null || num < 1 || branch === null) return null;
  const label = `第${match[1]}${match[2]}${match[3] ? `の${match[3]}` : ''}`;
  return { kind: 'group', group: GROUP_KIND[match[2]] ?? 'chapter', label, num, ...(branch ? { branch } : {}), title: rest.trim() };
}

function parseArticle(text: string): TToken | null {
  const match = ARTICLE.exec(text);
  if (!match?.[1]) return null;
  const num = parseNumeral(match[1]);
  const branch = match[3] ? parseNumeral(match[3]) : undefined;
  if (num === null || num < 1 || branch === null || branch === 0) return null;
  return { kind: 'article', label: match[0], num, ...(branch ? { branch } : {}), rest: text.slice(match[0].length).trim() };
}

function splitPipeRow(text: string): string[] {
  const inner = text.replace(/^[|｜│┃]/, '').replace(/[|｜│┃]$/, '');
  return inner.split(/[|｜│┃]/).map((cell) => cell.trim());
}

/** Characters a heading, caption, label, table row or remark can start with; other lines are text. */
const STRUCTURE_START = /^[第附付目本別様参【備注|｜│┃┌├└╞(（0-9０-９①-⑳⑴-⒇ⅰ-ⅻⅠ-Ⅻ一二三四五六七八九十ァ-ヺｦ-ﾝa-zA-Zａ-ｚＡ-Ｚ]/;

export function classifyLine(text: string): TToken {
  if (!STRUCTURE_START.test(text)) return { kind: 'text' };
  if (TOC.test(text)) return { kind: 'toc' };
  if (BODY_MARKER.test(text)) return { kind: 'body-marker' };
  const supplementary = SUPPLEMENTARY.exec(text);
  if (supplementary?.[1]) {
    const note = supplementary[2]?.trim();
    return { kind: 'supplementary', label: `${supplementary[1]}則`, ...(note ? { note } : {}), ...(supplementary[3] ? { extract: true } : {}) };
  }
  const appendix = parseAppendixHeading(text);
  if (appendix) return appendix;
  const heading = parseGroup(text) ?? parseArticle(text);
  if (heading) return heading;
  const caption = CAPTION.exec(text);
  if (caption?.[1] && !/^(?:[0-9０-９]+|[一二三四五六七八九十]+|[ァ-ヺｦ-ﾝ]|[a-zA-Zａ-ｚＡ-Ｚ]{1,4}|[ⅰ-ⅻⅠ-Ⅻ])$/.test(caption[1].trim())) {
    return { kind: 'caption', caption: caption[1].trim() };
  }
  const remarks = REMARKS.exec(text);
  if (remarks?.[1]) return { kind: 'remarks', label: remarks[1], rest: (remarks[2] ?? '').trim() };
  if (/^[|｜]/.test(text) && PIPE_RULE.test(text)) return { kind: 'rule', header: true, end: false };
  if (/^[┌├└╞│┃]/.test(text) && BOX_RULE.test(text) && !/^[│┃]/.test(text)) return { kind: 'rule', header: text.includes('═'), end: text.startsWith('└') };
  if (/^[|｜│┃]/.test(text) && text.length > 2) return { kind: 'pipe-row', cells: splitPipeRow(text) };
  const labels = parseLabels(text);
  if (labels.length > 0) return { kind: 'label', labels };
  return { kind: 'text' };
}

/** Cells of a line aligned in columns by tabs or two or more spaces; null for a one-column line. */
export function alignedCells(text: string): string[] | null {
  if (!/[\s\u3000]{2}/.test(text)) return null;
  const cells = text.split(/[ \t\u3000]{2,}/).map((cell) => cell.trim());
  return cells.length >= 2 && cells.every((cell) => cell !== '') ? cells : null;
}

export interface TTableSpan {
  start: number;
  /** exclusive */
  end: number;
  rows: TRow[];
}

/**
 * Runs of lines that form a table: pipe or box-drawing tables, and two or more lines aligned in
 * the same number of columns. Two columns whose first cells are all labels are a list, not a table.
 */
export function findTables(lines: readonly TCleanLine[], tokens: readonly TToken[]): Map<number, TTableSpan> {
  const spans = new Map<number, TTableSpan>();
  let i = 0;
  while (i < lines.length) {
    const token = tokens[i];
    if (token?.kind === 'pipe-row' || (token?.kind === 'rule' && rowAfterRules(tokens, i))) {
      const span = pipeTable(tokens, i);
      spans.set(i, span);
      i = span.end;
      continue;
    }
    const cells = token && (token.kind === 'text' || token.kind === 'label') ? alignedCells(lines[i]?.text ?? '') : null;
    if (!cells) {
      i++;
      continue;
    }
    const rows: string[][] = [cells];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = tokens[j];
      const nextCells = next && (next.kind === 'text' || next.kind === 'label') ? alignedCells(lines[j]?.text ?? '') : null;
      if (!nextCells || nextCells.length !== cells.length) break;
      rows.push(nextCells);
    }
    const labelList = cells.length === 2 && rows.every((row) => parseLabels(`${row[0] ?? ''} x`).length > 0);
    if (rows.length >= 2 && !labelList) {
      spans.set(i, { start: i, end: j, rows: markHeader(rows.map((row) => ({ cells: row.map((text) => ({ text })) }))) });
    }
    i = j;
  }
  return spans;
}

const HEADER_CELL = /^[^0-9０-９。、．，]{1,10}$/;

/**
 * The first row is a header when its cells are short words (区分, 保存期間) and the rows
 * under it hold longer text or figures: what a table's column headings look like.
 */
function markHeader(rows: TRow[]): TRow[] {
  const [first, ...rest] = rows;
  if (!first || rest.length === 0 || !first.cells.every((cell) => HEADER_CELL.test(cell.text))) return rows;
  if (rest.some((row) => row.cells.some((cell) => !HEADER_CELL.test(cell.text)))) first.header = true;
  return rows;
}

function rowAfterRules(tokens: readonly TToken[], start: number): boolean {
  let i = start;
  while (tokens[i]?.kind === 'rule') i++;
  return tokens[i]?.kind === 'pipe-row';
}

function pipeTable(tokens: readonly TToken[], start: number): TTableSpan {
  const rows: TRow[] = [];
  let headerEnd = -1;
  let i = start;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.kind === 'pipe-row') rows.push({ cells: token.cells.map((text) => ({ text })) });
    else if (token?.kind === 'rule') {
      if (token.header && headerEnd < 0 && rows.length > 0) headerEnd = rows.length;
      if (token.end && rows.length > 0) {
        i++;
        break;
      }
    } else break;
  }
  if (headerEnd > 0 && headerEnd < rows.length) rows.forEach((row, r) => r < headerEnd && (row.header = true));
  // a markdown table marks its header with |---|; a box-drawn one rarely does
  if (headerEnd < 0) markHeader(rows);
  return { start, end: i, rows: rows.length > 0 ? rows : [{ cells: [{ text: '' }] }] };
}
