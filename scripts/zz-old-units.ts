import type { TArticle, TItem, TPolicyTree } from '@/lib/policy-text/tree';

/*
 * What search finds: an article (with its paragraphs, items and sub-items), a top-level item of
 * a declaration-style text, the preamble, a supplementary provision or an annex. Each unit keeps
 * where its parts start, so that a hit links to the exact paragraph, item or sub-item.
 */

export interface TSearchSegment {
  /** offset in `text` where this part starts */
  start: number;
  /** HTML anchor of the part (lib/policy-text/tree.ts ids) */
  anchor: string;
  /** how people cite it: 第７, 第７(3), 第７(3)ウ, 第２第2項 */
  cite: string;
}

export interface TSearchUnit {
  /** position in the document, from 0 */
  ord: number;
  /** anchor of the unit as a whole */
  anchor: string;
  /** the article's anchor for article units (public excerpts are whole articles), else null */
  articleAnchor: string | null;
  /** heading shown with a hit: 第７（情報セキュリティ対策）, 前文, 付則 */
  label: string;
  text: string;
  segments: TSearchSegment[];
}

const DOCUMENT_TOP = 'document-title';

class UnitBuilder {
  text = '';
  segments: TSearchSegment[] = [];

  line(value: string, anchor: string, cite: string): void {
    if (value.trim() === '') return;
    if (this.text !== '') this.text += '\n';
    const last = this.segments.at(-1);
    if (!last || last.anchor !== anchor) this.segments.push({ start: this.text.length, anchor, cite });
    this.text += value;
  }
}

function itemLines(builder: UnitBuilder, item: TItem, cite: string): void {
  const itemCite = `${cite}${item.label}`;
  builder.line(`${item.label}　${item.text}`, item.id, itemCite);
  for (const body of item.body) builder.line(body, item.id, itemCite);
  for (const sub of item.subItems) builder.line(`${sub.label}　${sub.text}`, sub.id, `${itemCite}${sub.label}`);
}

function articleUnit(article: TArticle, ord: number): TSearchUnit {
  const builder = new UnitBuilder();
  const label = `${article.number}${article.caption ? `（${article.caption}）` : ''}`;
  builder.line(label, article.id, article.number);
  for (const paragraph of article.paragraphs) {
    const cite = paragraph.num === 1 ? article.number : `${article.number}第${paragraph.num}項`;
    const numeral = paragraph.num > 1 ? `${String(paragraph.num).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}　` : '';
    builder.line(`${numeral}${paragraph.text}`, paragraph.id, cite);
    for (const item of paragraph.items) itemLines(builder, item, cite);
  }
  return { ord, anchor: article.id, articleAnchor: article.id, label, text: builder.text, segments: builder.segments };
}

/** The searchable units of a policy text, in reading order; empty units are left out. */
export function extractSearchUnits(tree: TPolicyTree): TSearchUnit[] {
  const units: TSearchUnit[] = [];
  const push = (unit: Omit<TSearchUnit, 'ord'>) => {
    if (unit.text.trim() !== '') units.push({ ...unit, ord: units.length });
  };
  const single = (anchor: string, label: string, lines: readonly string[], articleAnchor: string | null = null) => {
    const builder = new UnitBuilder();
    for (const line of lines) builder.line(line, anchor, label);
    push({ anchor, articleAnchor, label, text: builder.text, segments: builder.segments });
  };

  single(DOCUMENT_TOP, '前文', [tree.enactment ?? '', ...tree.preamble]);
  for (const item of tree.items) {
    const builder = new UnitBuilder();
    itemLines(builder, item, '');
    push({ anchor: item.id, articleAnchor: null, label: `${item.label}　${item.text}`.slice(0, 60), text: builder.text, segments: builder.segments });
  }
  const articles = [...tree.articles, ...tree.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])];
  for (const article of articles) push(articleUnit(article, 0));
  for (const provision of tree.supplementaryProvisions) {
    single(provision.id, provision.note ? `${provision.heading}（${provision.note}）` : provision.heading, provision.paragraphs);
  }
  for (const annex of tree.annexes) single(annex.id, annex.title, [annex.title, ...annex.lines]);
  return units;
}

/** The part of a unit that holds an offset (the finest anchor there). */
export function segmentAt(unit: Pick<TSearchUnit, 'segments' | 'anchor' | 'label'>, offset: number): TSearchSegment {
  let found: TSearchSegment | undefined;
  for (const segment of unit.segments) {
    if (segment.start > offset) break;
    found = segment;
  }
  return found ?? { start: 0, anchor: unit.anchor, cite: unit.label };
}
