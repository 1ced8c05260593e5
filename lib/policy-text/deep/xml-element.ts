import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * A small element model between the deep tree and fast-xml-parser's ordered form, so the
 * 法令標準XML writer and reader deal in names, attributes and children only.
 */

export interface TElement {
  name: string;
  attrs: Record<string, string>;
  children: (TElement | string)[];
}

export function el(name: string, attrs: Record<string, string | undefined> = {}, children: (TElement | string | undefined | false)[] = []): TElement {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) clean[key] = value;
  return { name, attrs: clean, children: children.filter((c): c is TElement | string => c !== undefined && c !== false) };
}

type TOrdered = Record<string, unknown>;

function toOrdered(node: TElement | string): TOrdered {
  if (typeof node === 'string') return { '#text': node };
  const out: TOrdered = { [node.name]: node.children.map(toOrdered) };
  const attrs = Object.entries(node.attrs);
  if (attrs.length > 0) out[':@'] = Object.fromEntries(attrs.map(([k, v]) => [`@_${k}`, v]));
  return out;
}

const OPTIONS = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_' } as const;

export function buildXml(root: TElement): string {
  const builder = new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([toOrdered(root)]) as string}\n`;
}

function fromOrdered(entry: TOrdered): TElement | string | null {
  const text = entry['#text'];
  if (text !== undefined) return String(text);
  const name = Object.keys(entry).find((key) => key !== ':@');
  if (!name || name.startsWith('?')) return null;
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries((entry[':@'] as Record<string, unknown> | undefined) ?? {})) attrs[key.replace(/^@_/, '')] = String(value);
  const children = ((entry[name] as TOrdered[] | undefined) ?? []).map(fromOrdered).filter((c): c is TElement | string => c !== null);
  return { name, attrs, children };
}

/** The document element of an XML text; throws on malformed XML. */
export function parseXml(xml: string): TElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${valid.err.line}行目: ${valid.err.msg}`);
  const parser = new XMLParser({ ...OPTIONS, parseTagValue: false, parseAttributeValue: false, trimValues: false });
  const ordered = parser.parse(xml) as TOrdered[];
  const root = ordered.map(fromOrdered).find((node): node is TElement => typeof node === 'object' && node !== null);
  if (!root) throw new Error('XMLに要素がありません。');
  return root;
}

export function childElements(node: TElement, name?: string): TElement[] {
  return node.children.filter((c): c is TElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function firstChild(node: TElement, name: string): TElement | undefined {
  return childElements(node, name)[0];
}

/** The text of an element and its descendants (ruby readings left out). */
export function textOf(node: TElement | undefined): string {
  if (!node) return '';
  let out = '';
  for (const child of node.children) {
    if (typeof child === 'string') out += child;
    else if (child.name !== 'Rt') out += textOf(child);
  }
  return out;
}
