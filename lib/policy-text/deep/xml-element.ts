import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * A small element model between the deep tree and XML text (read through fast-xml-parser's
 * ordered form), so the 法令標準XML writer and reader deal in names, attributes and children only.
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

const OPTIONS = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_' } as const;

// Characters XML 1.0 does not allow at all (a form feed from a PDF, say): dropped, not escaped.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const escapeText = (text: string): string => text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/**
 * The document with its XML declaration. Written directly rather than through XMLBuilder: a
 * thousand-article 例規 is a download a person waits for, and the builder's ordered form took
 * about twice as long for the same bytes (2.2× on a 1,000-article text). Text and attribute
 * values are escaped, characters XML 1.0 forbids dropped; an element without children is
 * written empty (`<ParagraphNum/>`).
 */
export function buildXml(root: TElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const write = (node: TElement): void => {
    let open = `<${node.name}`;
    for (const [key, value] of Object.entries(node.attrs)) open += ` ${key}="${escapeAttr(value)}"`;
    if (node.children.length === 0) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    for (const child of node.children) {
      if (typeof child === 'string') out.push(escapeText(child));
      else write(child);
    }
    out.push(`</${node.name}>`);
  };
  write(root);
  out.push('\n');
  return out.join('');
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
