import { citePath } from '@/lib/policy-text/deep/citation';
import type { TAppendix, TDeepTree, TNode, TRemarks, TSupplementary, TTable } from '@/lib/policy-text/deep/tree';

/*
 * What search finds: an article at any group depth (with its 項, 号 and 号の細分 to any depth, its
 * tables and 備考), a top-level item or paragraph of a declaration-style text, the preamble, each
 * 附則 and each appendix (its tables' text included). Each unit keeps where its parts start, so
 * that a hit links to the deepest provision that holds it and names it as people cite it.
 */

export interface TSearchSegment {
  /** offset in `text` where this part starts */
  start: number;
  /** HTML anchor of the part (lib/policy-text/deep/tree.ts ids) */
  anchor: string;
  /** how people cite it (citeAnchor): 第2条第1号ア(イ)b, 別記第3号(2), 第2条第1項の表, 別表第1備考 */
  cite: string;
}

export interface TSearchUnit {
  /** position in the document, from 0 */
  ord: number;
  /** anchor of the unit as a whole */
  anchor: string;
  /** the article's anchor for article units (public excerpts are whole articles), else null */
  articleAnchor: string | null;
  /** heading shown with a hit: 第７（情報セキュリティ対策）, 第2章第1（最高情報セキュリティ責任者）, 前文, 付則 */
  label: string;
  text: string;
  segments: TSearchSegment[];
}

const DOCUMENT_TOP = 'document-title';
const GROUP = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);
const SP = '\u3000';
/** a top-level item's heading is its opening words */
const ITEM_LABEL_LENGTH = 60;

class UnitBuilder {
  text = '';
  segments: TSearchSegment[] = [];

  line(value: string, anchor: string, cite: string): void {
    if (value.trim() === '') return;
    if (this.text !== '') this.text += '\n';
    const last = this.segments.at(-1);
    if (!last || last.anchor !== anchor || last.cite !== cite) this.segments.push({ start: this.text.length, anchor, cite });
    this.text += value;
  }
}

/** Where a node's lines go and how they are cited: its anchor, and the citation of the path to it. */
interface THost {
  anchor: string;
  cite: string;
  /** a table of this host is cited as 「…の表」 (a node), or as the host itself (an appendix: 別表第1) */
  tableCite: string;
}

function remarksLines(builder: UnitBuilder, remarks: readonly TRemarks[], host: THost, base: string): void {
  for (const r of remarks) {
    const cite = `${base}${r.label}`;
    builder.line(r.label, host.anchor, cite);
    for (const sentence of r.sentences) builder.line(sentence, host.anchor, cite);
  }
}

function tableLines(builder: UnitBuilder, tables: readonly TTable[], host: THost, afterChildren: boolean): void {
  for (const table of tables) {
    if ((table.afterChildren === true) !== afterChildren) continue;
    // a row reads as one line, its cells apart: 「機密性3　秘　文書の右上に朱書きする。」
    for (const row of table.rows) builder.line(row.cells.map((c) => c.text.trim()).filter(Boolean).join(SP), host.anchor, host.tableCite);
    remarksLines(builder, table.remarks ?? [], host, host.tableCite);
  }
}

/** Content in the order of the text: sentences, 備考, tables, children, tables written after the children. */
function contentLines(builder: UnitBuilder, holder: { sentences: string[]; remarks: TRemarks[]; tables: TTable[]; children: TNode[] }, host: THost, from: number, walkChild: (child: TNode) => void): void {
  for (let i = from; i < holder.sentences.length; i += 1) builder.line(holder.sentences[i]!, host.anchor, host.cite);
  remarksLines(builder, holder.remarks, host, host.cite);
  tableLines(builder, holder.tables, host, false);
  for (const child of holder.children) walkChild(child);
  tableLines(builder, holder.tables, host, true);
}

/**
 * The lines of a node and everything below it, each part under its own anchor and citation.
 * `path` holds the node's ancestors from the top of the body (or of a 附則's or an appendix's
 * children); `prefix` goes before every citation (the 附則's or appendix's label).
 */
function nodeLines(builder: UnitBuilder, node: TNode, path: TNode[], prefix: string): void {
  path.push(node);
  const cite = prefix + citePath(path);
  const host: THost = { anchor: node.id, cite, tableCite: `${cite}の表` };
  if (node.kind === 'article') builder.line(articleHeading(node, cite), node.id, cite);
  else {
    if (node.caption) builder.line(`（${node.caption}）`, node.id, cite);
    const [first = ''] = node.sentences;
    builder.line(GROUP.has(node.kind) ? joined(node.label, node.title ?? '') : joined(node.label, first), node.id, cite);
  }
  contentLines(builder, node, host, node.kind === 'article' || GROUP.has(node.kind) ? 0 : 1, (child) => nodeLines(builder, child, path, prefix));
  path.pop();
}

/** a label and the text on its line: 「(1)　認証」, 「第1章　総則」, the text alone for an unnumbered paragraph */
function joined(label: string, text: string): string {
  return label === '' || text === '' ? label + text : `${label}${SP}${text}`;
}

/** 第７（情報セキュリティ対策）; articles numbered again in each 章 carry the 章: 第2章第1（…） */
function articleHeading(article: TNode, cite: string): string {
  return `${cite}${article.caption ? `（${article.caption}）` : ''}`;
}

function supplementaryUnit(unit: TSupplementary): Omit<TSearchUnit, 'ord'> {
  const builder = new UnitBuilder();
  for (const child of unit.children) {
    // a 附則 of one unnumbered paragraph (「この規程は、…から施行する。」) is the 附則 itself: linked to the 附則's own anchor,
    // which every reader of the text has always had, and cited as it (附則)
    if (unit.children.length === 1 && child.kind === 'paragraph' && child.label === '' && child.children.length === 0 && child.tables.length === 0) {
      for (const sentence of child.sentences) builder.line(sentence, unit.id, unit.label);
      remarksLines(builder, child.remarks, { anchor: unit.id, cite: unit.label, tableCite: unit.label }, unit.label);
    } else nodeLines(builder, child, [], unit.label);
  }
  const label = `${unit.label}${unit.note ? `（${unit.note}）` : ''}${unit.extract ? `${SP}抄` : ''}`;
  return { anchor: unit.id, articleAnchor: null, label, text: builder.text, segments: builder.segments };
}

function appendixUnit(unit: TAppendix): Omit<TSearchUnit, 'ord'> {
  const builder = new UnitBuilder();
  const label = `${unit.label}${unit.relation !== undefined ? `（${unit.relation}）` : ''}${unit.title ? `${SP}${unit.title}` : ''}`;
  const host: THost = { anchor: unit.id, cite: unit.label, tableCite: unit.label };
  builder.line(label, unit.id, unit.label);
  contentLines(builder, unit, host, 0, (child) => nodeLines(builder, child, [], unit.label));
  return { anchor: unit.id, articleAnchor: null, label, text: builder.text, segments: builder.segments };
}

/** The searchable units of a policy text, in reading order; empty units are left out. */
export function extractSearchUnits(tree: TDeepTree): TSearchUnit[] {
  const units: TSearchUnit[] = [];
  const push = (unit: Omit<TSearchUnit, 'ord'>) => {
    if (unit.text.trim() !== '') units.push({ ...unit, ord: units.length });
  };

  const top = new UnitBuilder();
  for (const line of [tree.enactment ?? '', ...tree.preamble]) top.line(line, DOCUMENT_TOP, '前文');
  push({ anchor: DOCUMENT_TOP, articleAnchor: null, label: '前文', text: top.text, segments: top.segments });

  const walk = (nodes: readonly TNode[], groups: TNode[]): void => {
    for (const node of nodes) {
      if (GROUP.has(node.kind)) {
        // a group's own text, if it has any, is a unit of its own; its articles follow
        if (node.sentences.length > 0 || node.tables.length > 0 || node.remarks.length > 0) {
          const builder = new UnitBuilder();
          groups.push(node);
          const cite = citePath(groups);
          contentLines(builder, { ...node, children: [] }, { anchor: node.id, cite, tableCite: `${cite}の表` }, 0, () => undefined);
          groups.pop();
          push({ anchor: node.id, articleAnchor: null, label: joined(node.label, node.title ?? ''), text: builder.text, segments: builder.segments });
        }
        groups.push(node);
        walk(node.children, groups);
        groups.pop();
        continue;
      }
      const builder = new UnitBuilder();
      const path = [...groups];
      nodeLines(builder, node, path, '');
      if (node.kind === 'article') {
        const cite = citePath([...groups, node]);
        push({ anchor: node.id, articleAnchor: node.id, label: articleHeading(node, cite), text: builder.text, segments: builder.segments });
      } else {
        // a top-level item or paragraph of a declaration-style text
        push({ anchor: node.id, articleAnchor: null, label: joined(node.label, node.sentences[0] ?? '').slice(0, ITEM_LABEL_LENGTH), text: builder.text, segments: builder.segments });
      }
    }
  };
  walk(tree.body, []);

  for (const unit of tree.tail) push(unit.kind === 'supplementary' ? supplementaryUnit(unit) : appendixUnit(unit));
  return units;
}

/** The part of a unit that holds an offset (the deepest provision there). */
export function segmentAt(unit: Pick<TSearchUnit, 'segments' | 'anchor' | 'label'>, offset: number): TSearchSegment {
  let found: TSearchSegment | undefined;
  for (const segment of unit.segments) {
    if (segment.start > offset) break;
    found = segment;
  }
  return found ?? { start: 0, anchor: unit.anchor, cite: unit.label };
}
