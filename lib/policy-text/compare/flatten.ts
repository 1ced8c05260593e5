import { IDEOGRAPHIC_SPACE } from '@/lib/policy-text/normalize';
import type { TAppendix, TDeepTree, TNode, TRemarks, TSupplementary, TTable } from '@/lib/policy-text/deep/tree';
import type { TCellKind, TLineTier } from '@/lib/policy-text/compare/types';

/*
 * A deep tree flattened into the units of the 新旧対照表 (rows): the title (only when it changed),
 * the preamble, the heading of every group (編・章・節・款・目, at any depth), articles, top-level
 * items or paragraphs of a text without articles, 附則 and appendices. Each unit builds its lines
 * as a tree of LineNodes as deep as the text: 項 > 号 > 号の細分 … 10 levels down, further
 * paragraphs of text, 備考, and table rows (one line per row, its cells kept apart).
 *
 * Classes rather than object literals: large documents make tens of thousands of these, and
 * stable shapes with lazily built similarity texts keep that cheap.
 */

type TLineSpec = {
  key: string;
  tier: TLineTier;
  depth: number;
  label: string;
  keyLabel: string;
  num: number;
  text: string;
  children: LineNode[];
  cells?: string[];
  header?: boolean;
};

export class LineNode {
  readonly key: string;
  readonly tier: TLineTier;
  readonly depth: number;
  readonly label: string;
  /** the label as part of the content; '' for an article's first paragraph, whose label is the article number */
  readonly keyLabel: string;
  /** pairs lines rewritten in place: tier and number, the same on both sides (see Idents) */
  readonly ident: number;
  readonly num: number;
  readonly text: string;
  readonly children: LineNode[];
  /** a table row's cells; `text` is them joined by tabs */
  readonly cells: string[] | undefined;
  readonly header: boolean;
  private exact: string | undefined;
  private sim: string | undefined;

  constructor(spec: TLineSpec, ident: number) {
    this.key = spec.key;
    this.tier = spec.tier;
    this.depth = spec.depth;
    this.label = spec.label;
    this.keyLabel = spec.keyLabel;
    this.ident = ident;
    this.num = spec.num;
    this.text = spec.text;
    this.children = spec.children;
    this.cells = spec.cells;
    this.header = spec.header === true;
  }

  /**
   * Exact content, children included. Built on demand: only the lines of changed units are
   * aligned, so most lines never need their own (the units' content is written in one pass).
   */
  get content(): string {
    if (this.exact === undefined) {
      const parts: string[] = [];
      writeContent(this, parts);
      this.exact = parts.join('');
    }
    return this.exact;
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
  /** builds the unit's lines; called again whenever they are needed (see Unit.nodes) */
  nodes: () => LineNode[];
};

export class Unit {
  readonly type: TCellKind;
  readonly anchor: string;
  readonly label: string;
  /** pairs units rewritten in place: type and anchor (anchors derive from the numbering) */
  readonly ident: number;
  /** numeric position for 繰上げ/繰下げ; -1 where units are not numbered */
  readonly order: number;
  readonly heading: string;
  private readonly build: () => LineNode[];
  /** exact content of the lines, labels included except the unit's own number */
  readonly body: string;
  /** exact content: type, heading and body */
  readonly content: string;

  constructor(spec: TUnitSpec) {
    this.type = spec.type;
    this.anchor = spec.anchor;
    this.label = spec.label;
    this.ident = spec.ident;
    this.order = spec.order;
    this.heading = spec.heading;
    this.build = spec.nodes;
    // written flat in one pass: the content is compared and hashed whole, the body rarely
    const prefix = `${spec.type}\u0000${spec.heading}\u0000`;
    const parts: string[] = [prefix];
    for (const node of spec.nodes()) {
      parts.push(node.keyLabel, '\u0001');
      writeContent(node, parts);
      parts.push('\u0002');
    }
    this.content = parts.join('');
    this.body = this.content.slice(prefix.length);
  }

  /**
   * The unit's lines, built afresh on every call (from the same Idents, so alike each time).
   * Held from the flattening to the end of the comparison, the lines of every unit (tens of
   * thousands, with the texts cached on them while a changed unit is aligned) outlived several
   * young-generation collections and were copied by each; built where they are used (once for
   * the content, once for the row, once more to align a changed unit), most die young. On the
   * 500-article deep pair this takes about 40 % off the time spent collecting garbage.
   */
  get nodes(): LineNode[] {
    return this.build();
  }

  /**
   * The heading and the texts of all lines in reading order, labels left out: what
   * `LineNode.simText` of each line gives, written in one pass without caching a text on
   * every line, and not kept either (only the changed units are compared by similarity, and
   * their signatures are cached by text while the units are aligned).
   */
  get simText(): string {
    const parts: string[] = [this.heading];
    for (const node of this.nodes) writeSimText(node, parts);
    return parts.join('\n');
  }
}

function writeSimText(node: LineNode, parts: string[]): void {
  parts.push(node.text);
  for (const child of node.children) writeSimText(child, parts);
}

/** A line's exact content into `parts`: its text, then each child's label and content, bracketed. */
function writeContent(node: LineNode, parts: string[]): void {
  if (node.header) parts.push('\u0004');
  parts.push(node.text);
  if (node.children.length === 0) return;
  parts.push('\u0003[');
  for (const child of node.children) {
    parts.push(child.keyLabel, '\u0001');
    writeContent(child, parts);
    parts.push('\u0002');
  }
  parts.push('\u0003]');
}

const NO_CHILDREN: LineNode[] = [];

const GROUP_KINDS = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);

/** The kinds of place a line stands at, numbered for Idents.line. */
const Place = { Remark: 1, Remarks: 2, Row: 3, Body: 4, Paragraph: 5, Item: 6, Subitem: 7, Part: 8, Chapter: 9, Section: 10, Subsection: 11, Division: 12 } as const;
type Place = (typeof Place)[keyof typeof Place];

const GROUP_PLACE: Partial<Record<TNode['kind'], Place>> = { part: Place.Part, chapter: Place.Chapter, section: Place.Section, subsection: Place.Subsection, division: Place.Division };
const PLACE_NAMES = ['', 'remark', 'remarks', 'row', 'body', 'paragraph', 'item', 'subitem', 'part', 'chapter', 'section', 'subsection', 'division'];

const small = (value: number, limit: number): boolean => Number.isInteger(value) && value >= 0 && value < limit;

/**
 * Numbers standing for "the same place" on both sides (第5条, paragraph ２, sub-item (イ) at depth
 * 2, row 3 of a table), so that what is left unmatched can be paired by number. One instance serves
 * both trees of a comparison; numbers rather than strings, compared in the quadratic steps. Only
 * their equality matters: equal places get equal numbers, different places different ones.
 */
export class Idents {
  private readonly ids = new Map<string, number>();

  /** a unit's place (its type and anchor): numbered from 0 up in order of first use */
  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * A line's place: the kind of place, a depth and up to two numbers. Computed, not looked up
   * (a 500-article deep revision has tens of thousands of lines, each built several times): a
   * negative number packing the four parts, so it never equals a unit's; parts out of range
   * (never in practice) fall back to a key numbered like a unit's.
   */
  line(place: Place, depth: number, first: number, second: number): number {
    if (small(depth, 64) && small(first, 0x100000) && small(second, 0x100000)) return -1 - (((place * 64 + depth) * 0x100000 + first) * 0x100000 + second);
    return this.of(`\u0000${PLACE_NAMES[place]}|${depth}|${first}|${second}`);
  }
}

type TContentOwner = { id: string; sentences: readonly string[]; tables: readonly TTable[]; children: readonly TNode[]; remarks: readonly TRemarks[] };

class Flattener {
  constructor(private readonly idents: Idents) {}

  private line(spec: TLineSpec, place: Place, depth: number, first: number, second: number): LineNode {
    return new LineNode(spec, this.idents.line(place, depth, first, second));
  }

  private remarkLines(out: LineNode[], prefix: string, remarks: readonly TRemarks[], depth: number): void {
    remarks.forEach((block, index) => {
      const key = `${prefix}-r${index + 1}`;
      const children = block.sentences.map((text, k) =>
        this.line({ key: `${key}-${k + 1}`, tier: 'remark', depth: depth + 1, label: '', keyLabel: '', num: 0, text, children: NO_CHILDREN }, Place.Remark, 0, k, 0),
      );
      out.push(this.line({ key, tier: 'remark', depth, label: block.label, keyLabel: block.label, num: 0, text: '', children }, Place.Remarks, 0, index, 0));
    });
  }

  private tableLines(out: LineNode[], prefix: string, tables: readonly TTable[], first: number, depth: number): void {
    tables.forEach((table, t) => {
      const key = `${prefix}-t${first + t + 1}`;
      table.rows.forEach((row, r) => {
        const cells = row.cells.map((cell) => cell.text);
        out.push(
          this.line({ key: `${key}-r${r + 1}`, tier: 'row', depth, label: '', keyLabel: '', num: 0, text: cells.join('\t'), children: NO_CHILDREN, cells, ...(row.header ? { header: true } : {}) }, Place.Row, 0, t, r),
        );
      });
      this.remarkLines(out, key, table.remarks ?? [], depth);
    });
  }

  /**
   * The lines of a node's content after its first `from` sentences, in the order of the text:
   * further sentences, 備考, tables before the children (all at `depth`), the children (below
   * `childDepth`), tables after them.
   */
  content(owner: TContentOwner, depth: number, childDepth: number, from: number, withChildren: boolean): LineNode[] {
    const out: LineNode[] = [];
    for (let k = from; k < owner.sentences.length; k++) {
      const index = k - from;
      out.push(this.line({ key: `${owner.id}-b${index + 1}`, tier: 'body', depth, label: '', keyLabel: '', num: 0, text: owner.sentences[k] ?? '', children: NO_CHILDREN }, Place.Body, 0, index, 0));
    }
    if (owner.remarks.length > 0) this.remarkLines(out, owner.id, owner.remarks, depth);
    // most nodes have no table: no filtered copies for them
    const tables = owner.tables.length > 0;
    const before = tables ? owner.tables.filter((t) => !t.afterChildren) : owner.tables;
    if (tables) this.tableLines(out, owner.id, before, 0, depth);
    if (withChildren) for (const child of owner.children) this.child(out, child, childDepth);
    if (tables)
      this.tableLines(
        out,
        owner.id,
        owner.tables.filter((t) => t.afterChildren),
        before.length,
        depth,
      );
    return out;
  }

  /** A node below an article, a 附則 or an appendix; a paragraph always stands at depth 0. */
  private child(out: LineNode[], node: TNode, parentDepth: number): void {
    if (node.kind === 'article') {
      out.push(...this.articleLines(node));
      return;
    }
    if (GROUP_KINDS.has(node.kind)) {
      // a group inside an appendix: its heading as a line, then its content
      out.push(this.line({ key: node.id, tier: 'body', depth: parentDepth, label: node.label, keyLabel: node.label, num: node.num, text: node.title ?? '', children: this.content(node, parentDepth + 1, parentDepth, 0, true) }, GROUP_PLACE[node.kind] as Place, 0, node.num, node.branch ?? 0));
      return;
    }
    const depth = node.kind === 'paragraph' ? 0 : parentDepth + 1;
    out.push(this.nodeLine(node, depth, node.label, node.label));
  }

  nodeLine(node: TNode, depth: number, label: string, keyLabel: string): LineNode {
    const tier: TLineTier = node.kind === 'subitem' ? 'subitem' : node.kind === 'item' ? 'item' : 'paragraph';
    const place = tier === 'subitem' ? Place.Subitem : tier === 'item' ? Place.Item : Place.Paragraph;
    // further text of a 項 stays at its depth (an indented paragraph); of a 号 or deeper, one in
    const inner = tier === 'paragraph' ? depth : depth + 1;
    return this.line({ key: node.id, tier, depth, label, keyLabel, num: node.num, text: node.sentences[0] ?? '', children: this.content(node, inner, depth, 1, true) }, place, node.depth ?? 0, node.num, node.branch ?? 0);
  }

  /** An article's lines: its paragraphs, the first labelled with the article's number. */
  articleLines(article: TNode): LineNode[] {
    const out: LineNode[] = [];
    const [first] = article.children;
    const own = article.sentences.length > 0 || article.tables.length > 0 || article.remarks.length > 0 || first === undefined || first.kind !== 'paragraph';
    if (own) {
      // text straight under the article (no paragraph nodes): one opening paragraph
      const children = this.content({ ...article, children: article.children.filter((c) => c.kind !== 'paragraph') }, 0, 0, 1, true);
      out.push(this.line({ key: `${article.id}-p1`, tier: 'paragraph', depth: 0, label: article.label, keyLabel: '', num: 1, text: article.sentences[0] ?? '', children }, Place.Paragraph, 0, 1, 0));
    }
    article.children.forEach((child, index) => {
      if (child.kind !== 'paragraph') return;
      const opening = !own && index === 0 && child.label === '';
      out.push(this.nodeLine(child, 0, opening ? article.label : child.label, opening ? '' : child.label));
    });
    return out;
  }

  private unit(spec: Omit<TUnitSpec, 'ident'>): Unit {
    return new Unit({ ...spec, ident: this.idents.of(`${spec.type}|${spec.anchor}`) });
  }

  private textUnit(type: TCellKind, anchor: string, label: string, heading: string, texts: readonly string[]): Unit {
    const nodes = (): LineNode[] =>
      texts.map((text, index) =>
        this.line({ key: `${anchor}-p${index + 1}`, tier: 'paragraph', depth: 0, label: '', keyLabel: '', num: index + 1, text, children: NO_CHILDREN }, Place.Paragraph, 0, index + 1, 0),
    );
    return this.unit({ type, anchor, label, order: -1, heading, nodes });
  }

  private body(out: Unit[], nodes: readonly TNode[]): void {
    for (const node of nodes) {
      if (GROUP_KINDS.has(node.kind)) {
        out.push(this.unit({ type: node.kind as TCellKind, anchor: node.id, label: node.label, order: node.num, heading: node.title ?? '', nodes: () => this.content(node, 0, 0, 0, false) }));
        this.body(out, node.children);
      } else if (node.kind === 'article') {
        const branch = node.branch ?? 0;
        out.push(this.unit({ type: 'article', anchor: node.id, label: node.label, order: node.num * 10_000 + branch, heading: node.caption ?? '', nodes: () => this.articleLines(node) }));
      } else {
        // a text without articles: its top-level items (a declaration) or paragraphs
        const type: TCellKind = node.kind === 'paragraph' ? 'paragraph' : 'item';
        out.push(this.unit({ type, anchor: node.id, label: node.label, order: node.num, heading: node.caption ?? '', nodes: () => [this.nodeLine(node, 0, node.label, '')] }));
      }
    }
  }

  private supplementary(unit: TSupplementary): Unit {
    const nodes = (): LineNode[] => {
      const out: LineNode[] = [];
      for (const child of unit.children) this.child(out, child, -1);
      return out;
    };
    return this.unit({ type: 'supplementary', anchor: unit.id, label: unit.label, order: -1, heading: `${unit.note ?? ''}${unit.extract ? `${IDEOGRAPHIC_SPACE}抄` : ''}`, nodes });
  }

  private appendix(unit: TAppendix): Unit {
    const heading = `${unit.relation !== undefined ? `（${unit.relation}）` : ''}${unit.title ? `${IDEOGRAPHIC_SPACE}${unit.title}` : ''}`;
    return this.unit({ type: 'annex', anchor: unit.id, label: unit.label, order: -1, heading, nodes: () => this.content(unit, 0, -1, 0, true) });
  }

  tree(tree: TDeepTree, withTitle: boolean): Unit[] {
    const units: Unit[] = [];
    if (withTitle) units.push(this.unit({ type: 'title', anchor: 'title', label: '', order: -1, heading: tree.title, nodes: () => [] }));
    const preamble = [...(tree.enactment ? [tree.enactment] : []), ...tree.preamble];
    if (preamble.length > 0) units.push(this.textUnit('preamble', 'preamble', '', '', preamble));
    this.body(units, tree.body);
    for (const unit of tree.tail) units.push(unit.kind === 'supplementary' ? this.supplementary(unit) : this.appendix(unit));
    return units;
  }
}

/** Both trees as units, numbered alike (see Idents). */
export function flattenPair(before: TDeepTree, after: TDeepTree): { before: Unit[]; after: Unit[] } {
  const withTitle = before.title !== after.title;
  const flattener = new Flattener(new Idents());
  return { before: flattener.tree(before, withTitle), after: flattener.tree(after, withTitle) };
}

/** A line and all its descendants, in reading order. */
export function subtree(node: LineNode, out: LineNode[]): void {
  out.push(node);
  for (const child of node.children) subtree(child, out);
}
