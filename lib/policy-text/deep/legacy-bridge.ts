import type { TAnnex, TArticle, TChapter, TItem, TParagraph, TPolicyTree, TSection, TSubItem } from '@/lib/policy-text/tree';
import type { TDeepTree, TNode, TTable } from '@/lib/policy-text/deep/tree';
import { readDeepTree } from '@/lib/policy-text/deep/read';

/*
 * INTERIM, to be deleted when every reader of the tree has moved to the deep tree (issue 16):
 * the deep tree squeezed into the three-level TPolicyTree, so a module not yet moved can keep
 * working while its neighbours move. Lossy below 号の細分 depth 1 (deeper text is folded into
 * the sub-item's text) and for tables (rows become tab-separated lines). Never store its result.
 */

const tableLines = (tables: readonly TTable[]): string[] => tables.flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text).join('\t')));

/** Every sentence of a node and of all its descendants, labels included, in reading order. */
function flatText(node: TNode): string[] {
  return [...node.sentences, ...tableLines(node.tables), ...node.children.flatMap((c) => [`${c.label}　${c.sentences[0] ?? ''}`, ...c.sentences.slice(1), ...tableLines(c.tables), ...c.children.flatMap(flatText)]), ...node.remarks.flatMap((r) => [r.label, ...r.sentences])];
}

function subItem(node: TNode): TSubItem {
  return { type: 'subitem', id: node.id, label: node.label, num: Math.max(1, node.num), text: [node.sentences.join(''), ...node.children.flatMap(flatText)].join('') };
}

function item(node: TNode): TItem {
  const [text = '', ...body] = node.sentences;
  return { type: 'item', id: node.id, label: node.label || String(node.num), num: Math.max(1, node.num), text, body: [...body, ...tableLines(node.tables)], subItems: node.children.map(subItem) };
}

function paragraph(node: TNode): TParagraph {
  return { type: 'paragraph', id: node.id, num: Math.max(1, node.num), text: [...node.sentences, ...tableLines(node.tables)].join('\n'), items: node.children.filter((c) => c.kind !== 'paragraph').map(item) };
}

function article(node: TNode): TArticle {
  const paragraphs = node.children.filter((c) => c.kind === 'paragraph').map(paragraph);
  if (paragraphs.length === 0) paragraphs.push({ type: 'paragraph', id: `${node.id}-p1`, num: 1, text: node.sentences.join('\n'), items: node.children.filter((c) => c.kind !== 'paragraph').map(item) });
  return { type: 'article', id: node.id, number: node.label, num: Math.max(1, node.num), ...(node.branch ? { branch: node.branch } : {}), ...(node.caption ? { caption: node.caption } : {}), paragraphs };
}

function section(node: TNode): TSection {
  return { type: 'section', id: node.id, number: node.label, num: Math.max(1, node.num), title: node.title ?? '', articles: articlesUnder(node) };
}

function articlesUnder(node: TNode): TArticle[] {
  return node.children.flatMap((c) => (c.kind === 'article' ? [article(c)] : c.kind === 'item' || c.kind === 'paragraph' ? [] : articlesUnder(c)));
}

function chapter(node: TNode): TChapter {
  return {
    type: 'chapter',
    id: node.id,
    number: node.label,
    num: Math.max(1, node.num),
    title: node.title ?? '',
    articles: node.children.filter((c) => c.kind === 'article').map(article),
    sections: node.children.filter((c) => c.kind === 'section' || c.kind === 'subsection' || c.kind === 'division').map(section),
  };
}

/** INTERIM (see above): the deep tree as a TPolicyTree for modules not yet moved. */
export function legacyTreeFromDeep(tree: TDeepTree): TPolicyTree {
  const groups = tree.body.flatMap((n) => (n.kind === 'part' ? n.children : [n]));
  const annexes: TAnnex[] = [];
  const supplementaryProvisions: TPolicyTree['supplementaryProvisions'] = [];
  for (const unit of tree.tail) {
    if (unit.kind === 'supplementary') {
      supplementaryProvisions.push({
        type: 'supplementary',
        id: unit.id,
        heading: unit.label,
        ...(unit.note ? { note: unit.note } : {}),
        paragraphs: unit.children.flatMap((c) => [...(c.label ? [`${c.label}　${c.sentences[0] ?? ''}`] : c.sentences.slice(0, 1)), ...c.sentences.slice(1), ...c.children.flatMap(flatText)]),
        ...(unit.effectiveDate ? { effectiveDate: unit.effectiveDate } : {}),
      });
    } else {
      annexes.push({ type: 'annex', id: unit.id, title: [unit.label, unit.title, unit.relation ? `（${unit.relation}）` : ''].filter(Boolean).join(' '), lines: [...unit.sentences, ...tableLines(unit.tables), ...unit.children.flatMap(flatText)] });
    }
  }
  return {
    title: tree.title,
    header: [...tree.header],
    ...(tree.enactment ? { enactment: tree.enactment } : {}),
    toc: [...tree.toc],
    preamble: [...tree.preamble, ...groups.filter((n) => n.kind === 'paragraph').flatMap((n) => n.sentences)],
    articles: groups.filter((n) => n.kind === 'article').map(article),
    chapters: groups.filter((n) => n.kind === 'chapter' || n.kind === 'section').map(chapter),
    items: groups.filter((n) => n.kind === 'item').map(item),
    supplementaryProvisions,
    annexes,
  };
}

/** INTERIM (see above): stored content, old or deep, as a TPolicyTree for modules not yet moved. */
export function readInterimLegacyTree(content: unknown): TPolicyTree {
  return legacyTreeFromDeep(readDeepTree(content));
}
