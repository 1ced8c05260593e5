import { IDEOGRAPHIC_SPACE, toFullWidthDigits } from '@/lib/policy-text/normalize';
import { keepsTextAfterNumber, startsStructure } from '@/lib/policy-text/parse';
import type { TArticle, TChapter, TItem, TPolicyTree, TSupplementaryProvision } from '@/lib/policy-text/tree';

/*
 * The canonical text form: one line per paragraph, no wrapping. Every line that starts a new
 * paragraph without a number (preamble, an item's body, 付則) begins with a full-width space,
 * which the parser reads as a typed indent; that is what makes parse(serialize(tree)) exact.
 */

const SP = IDEOGRAPHIC_SPACE;

function labelled(label: string, text: string): string {
  return text === '' ? label : `${label}${SP}${text}`;
}

function writeItem(out: string[], item: TItem): void {
  out.push(labelled(item.label, item.text));
  for (const paragraph of item.body) out.push(SP + paragraph);
  for (const subItem of item.subItems) out.push(labelled(subItem.label, subItem.text));
}

function writeArticle(out: string[], article: TArticle): void {
  if (article.caption) out.push(`（${article.caption}）`);
  for (const paragraph of article.paragraphs) {
    if (paragraph.num === 1 && !article.caption && !keepsTextAfterNumber(paragraph.text)) {
      // 「第1条 目的 …」 would read back as a caption: put the text on a line of its own
      out.push(article.number, SP + paragraph.text);
    } else {
      out.push(labelled(paragraph.num === 1 ? article.number : toFullWidthDigits(paragraph.num), paragraph.text));
    }
    for (const item of paragraph.items) writeItem(out, item);
  }
}

function writeChapter(out: string[], chapter: TChapter): void {
  out.push(labelled(chapter.number, chapter.title));
  for (const article of chapter.articles) writeArticle(out, article);
  for (const section of chapter.sections) {
    out.push(labelled(section.number, section.title));
    for (const article of section.articles) writeArticle(out, article);
  }
}

function writeSupplementary(out: string[], provision: TSupplementaryProvision): void {
  out.push(provision.note ? `${provision.heading}（${provision.note}）` : provision.heading);
  for (const paragraph of provision.paragraphs) out.push(startsStructure(paragraph) ? paragraph : SP + paragraph);
}

/** The canonical regulation text of a tree; parsePolicyText reads it back to the same tree. */
export function serializePolicyText(tree: TPolicyTree): string {
  const out: string[] = [];
  if (tree.title) out.push(tree.title);
  out.push(...tree.header);
  if (tree.enactment) out.push(SP + tree.enactment);
  if (tree.toc.length > 0) out.push('目次', ...tree.toc);
  for (const paragraph of tree.preamble) out.push(SP + paragraph);
  for (const article of tree.articles) writeArticle(out, article);
  for (const chapter of tree.chapters) writeChapter(out, chapter);
  for (const item of tree.items) writeItem(out, item);
  for (const provision of tree.supplementaryProvisions) writeSupplementary(out, provision);
  for (const annex of tree.annexes) out.push(annex.title, ...annex.lines);
  return `${out.join('\n')}\n`;
}

/** A readable plain-text rendition for search and storage: the canonical text form. */
export function toPlainText(tree: TPolicyTree): string {
  return serializePolicyText(tree);
}
