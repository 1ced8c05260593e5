import { XMLParser } from 'fast-xml-parser';

/*
 * The parts of a .docx (word/document.xml, numbering.xml, styles.xml) as ordered XML nodes:
 * the order of runs, paragraphs and tables is the document, so fast-xml-parser keeps it
 * (preserveOrder) and keeps spaces inside w:t.
 */

export type TXmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function parseXml(xml: string): TXmlNode[] {
  return parser.parse(xml) as TXmlNode[];
}

export function tagOf(node: TXmlNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: TXmlNode): TXmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as TXmlNode[]) : [];
}

export function attrOf(node: TXmlNode | undefined, name: string): string | undefined {
  const attrs = node?.[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}

export function textOf(node: TXmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function child(node: TXmlNode | undefined, tag: string): TXmlNode | undefined {
  if (!node) return undefined;
  return childrenOf(node).find((c) => tag in c);
}

/** The first element `tag` anywhere under the top-level nodes (w:document > w:body …). */
export function findFirst(nodes: readonly TXmlNode[], tag: string): TXmlNode | undefined {
  for (const node of nodes) {
    if (tag in node) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}

/** A w:val-style attribute that means "on" (w:b, w:vanish, w:tblHeader with no value or true). */
export function isOn(node: TXmlNode | undefined): boolean {
  if (!node) return false;
  const value = attrOf(node, 'w:val');
  return value === undefined || value === '1' || value === 'true' || value === 'on';
}
