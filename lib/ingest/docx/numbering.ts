import { formatNumber } from '@/lib/ingest/docx/number-format';
import { type TXmlNode, attrOf, child, childrenOf, findFirst, parseXml, tagOf } from '@/lib/ingest/docx/xml';

/*
 * Word's automatic numbering (word/numbering.xml): each w:num points at a w:abstractNum whose
 * levels (w:lvl) give the format (w:numFmt), the text around the number (w:lvlText 「(%1)」,
 * 「(%3)」) and the start. Counters run per list instance (w:num); numbering a level restarts
 * every deeper level, as Word does by default.
 */

interface TLevelDef {
  format: string;
  text: string;
  start: number;
  legal: boolean;
  /** the paragraph style that carries this level (w:pStyle) */
  style?: string;
}

interface TNumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: TLevelDef }>;
}

export interface TNumberedLabel {
  /** the label as Word shows it: (1), ア, (ア), a; '' for a level without a number */
  label: string;
  /** 0-based list level (w:ilvl) */
  level: number;
  numId: string;
  bullet: boolean;
  /** a w:numFmt this reader does not know (rendered as decimal) */
  unknownFormat?: string;
}

function readLevel(lvl: TXmlNode): TLevelDef {
  const start = Number(attrOf(child(lvl, 'w:start'), 'w:val') ?? '1');
  const style = attrOf(child(lvl, 'w:pStyle'), 'w:val');
  return {
    format: attrOf(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
    text: attrOf(child(lvl, 'w:lvlText'), 'w:val') ?? '',
    start: Number.isFinite(start) ? start : 1,
    legal: child(lvl, 'w:isLgl') !== undefined,
    ...(style ? { style } : {}),
  };
}

export class Numbering {
  private readonly abstracts = new Map<string, TLevelDef[]>();
  private readonly nums = new Map<string, TNumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** paragraph style -> the list and level it numbers */
  readonly styleLevels = new Map<string, { abstractId: string; level: number }>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const root = findFirst(parseXml(xml), 'w:numbering');
    if (!root) return;
    for (const node of childrenOf(root)) {
      const tag = tagOf(node);
      if (tag === 'w:abstractNum') {
        const id = attrOf(node, 'w:abstractNumId') ?? '';
        const levels: TLevelDef[] = [];
        for (const lvl of childrenOf(node)) {
          if (tagOf(lvl) !== 'w:lvl') continue;
          const index = Number(attrOf(lvl, 'w:ilvl') ?? '0');
          const def = readLevel(lvl);
          levels[index] = def;
          if (def.style) this.styleLevels.set(def.style, { abstractId: id, level: index });
        }
        this.abstracts.set(id, levels);
      } else if (tag === 'w:num') {
        const id = attrOf(node, 'w:numId') ?? '';
        const overrides = new Map<number, { start?: number; level?: TLevelDef }>();
        for (const override of childrenOf(node)) {
          if (tagOf(override) !== 'w:lvlOverride') continue;
          const index = Number(attrOf(override, 'w:ilvl') ?? '0');
          const start = attrOf(child(override, 'w:startOverride'), 'w:val');
          const lvl = child(override, 'w:lvl');
          overrides.set(index, { ...(start !== undefined ? { start: Number(start) } : {}), ...(lvl ? { level: readLevel(lvl) } : {}) });
        }
        this.nums.set(id, { abstractId: attrOf(child(node, 'w:abstractNumId'), 'w:val') ?? '', overrides });
      }
    }
  }

  /** The numId whose abstract list a style-linked level belongs to (the first w:num using it). */
  numIdOfAbstract(abstractId: string): string | undefined {
    for (const [id, num] of this.nums) if (num.abstractId === abstractId) return id;
    return undefined;
  }

  private levelDef(num: TNumDef, level: number): TLevelDef | undefined {
    const override = num.overrides.get(level);
    const base = override?.level ?? this.abstracts.get(num.abstractId)?.[level];
    if (!base) return undefined;
    return override?.start !== undefined ? { ...base, start: override.start } : base;
  }

  /** Counts the paragraph in its list and returns the label Word displays for it. */
  next(numId: string, level: number): TNumberedLabel | null {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return null;
    const def = this.levelDef(num, level);
    if (!def) return null;
    let counters = this.counters.get(numId);
    if (!counters) this.counters.set(numId, (counters = []));
    counters[level] = (counters[level] ?? def.start - 1) + 1;
    counters.length = level + 1;
    if (def.format === 'bullet') return { label: def.text, level, numId, bullet: true };
    let unknownFormat: string | undefined;
    const label = def.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const atDef = at === level ? def : this.levelDef(num, at);
      const value = counters?.[at] ?? atDef?.start ?? 1;
      const format = def.legal && at !== level ? 'decimal' : (atDef?.format ?? 'decimal');
      const formatted = formatNumber(value, format);
      if (formatted === null) unknownFormat = format;
      return formatted ?? String(value);
    });
    return { label, level, numId, bullet: false, ...(unknownFormat ? { unknownFormat } : {}) };
  }
}
