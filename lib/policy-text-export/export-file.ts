import { revisionToDocx } from '@/lib/policy-text-export/docx';
import { EXPORT_CONTENT_TYPES, type TExportFormat } from '@/lib/policy-text-export/formats';
import { MAX_SUBITEM_DEPTH, deepTreeToLawXml } from '@/lib/policy-text/deep/xml';
import { type TDeepTree, walkNodes } from '@/lib/policy-text/deep/tree';

/*
 * A revision's text as a file to download: 法令標準XML (schema v3, UTF-8 with the declaration) or
 * a Word file laid out like a 例規. Pure: the data access layer hands in the tree the reader may
 * see (the whole text or its public edition) and the names that go into the file name.
 */


export interface TExportFile {
  /** the name shown to people: 府中市情報セキュリティ対策基準_第3版.docx */
  filename: string;
  /** an ASCII name for clients that do not read RFC 5987 (filename*) */
  asciiFilename: string;
  contentType: string;
  body: Uint8Array;
}

export interface TExportNames {
  /** the document's title */
  title: string;
  /** the revision's label: 第3版, 改正案（整理番号5） */
  revisionLabel: string;
  /** added for a public edition: 公開抜粋 */
  editionLabel?: string;
  /** ASCII stem of the fallback name: the slug and the revision number */
  asciiStem: string;
  /** Word's 作成者 and コメント */
  creator?: string;
  description?: string;
}

// Characters Windows and macOS refuse in a file name, and control characters.
const UNSAFE_IN_FILENAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

export function exportFilename(names: Pick<TExportNames, 'title' | 'revisionLabel' | 'editionLabel'>, format: TExportFormat): string {
  const stem = [names.title, names.revisionLabel, names.editionLabel]
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => part.replace(UNSAFE_IN_FILENAME, '').replace(/\s+/g, ' ').trim())
    .join('_');
  return `${stem.slice(0, 120)}.${format}`;
}

/** Whether the format has a place for the whole text: 法令標準XML stops at Subitem10, Word has no limit. */
export function canExportAs(tree: TDeepTree, format: TExportFormat): boolean {
  if (format === 'docx') return true;
  let deepest = 0;
  walkNodes(tree, (node) => {
    if (node.kind === 'subitem') deepest = Math.max(deepest, node.depth ?? 1);
  });
  return deepest <= MAX_SUBITEM_DEPTH;
}

/** The file for `tree` in `format`. Throws only when the XML schema has no place for the text (細分 deeper than Subitem10). */
export async function renderExport(tree: TDeepTree, format: TExportFormat, names: TExportNames): Promise<TExportFile> {
  // a public edition or an untitled text still carries the document's title (LawTitle, Word's title)
  const titled = tree.title ? tree : { ...tree, title: names.title };
  const body =
    format === 'xml'
      ? new TextEncoder().encode(deepTreeToLawXml(titled))
      : new Uint8Array(await revisionToDocx(titled, { title: names.title, ...(names.creator ? { creator: names.creator } : {}), ...(names.description ? { description: names.description } : {}) }));
  return {
    filename: exportFilename(names, format),
    asciiFilename: `${names.asciiStem.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    body,
  };
}
