import { z } from 'zod';

/*
 * The structured form of a Japanese regulation text (例規).
 *
 * Every node carries an `id` that doubles as its HTML anchor. Ids are derived from the
 * numbering only (never from position in the file or from a random source), so importing
 * the same text again yields the same ids and links to articles keep working:
 *   article 第７            -> a7          (第7条の2 -> a7-2)
 *   its paragraph ２         -> a7-p2       (paragraph 1 is the article's opening text: a7-p1)
 *   item (3) of paragraph 1 -> a7-i3       (items of paragraph 2: a7-p2-i3)
 *   sub-item ウ of (3)      -> a7-i3-s3
 *   chapter 第2章 / section 第1節 -> ch2 / ch2-sec1
 *   supplementary provision n -> sp1, sp2 …   annex n -> annex1 …
 *   top-level items of a declaration-style text -> i1, i2 … (sub-items i1-s1)
 */

export const ZSubItem = z.object({
  type: z.literal('subitem'),
  id: z.string().min(1),
  /** as written: ア, イ, (ア) */
  label: z.string().min(1),
  /** 1-based position in the iroha / aiueo order */
  num: z.number().int().positive(),
  text: z.string(),
});
export type TSubItem = z.infer<typeof ZSubItem>;

export const ZItem = z.object({
  type: z.literal('item'),
  id: z.string().min(1),
  /** as written: (1), ⑴, 一 */
  label: z.string().min(1),
  num: z.number().int().positive(),
  /** the text on the item's own line; for a definition, the defined term */
  text: z.string(),
  /** further paragraphs of the item: a definition's explanation, a 「また、」 paragraph … */
  body: z.array(z.string()),
  subItems: z.array(ZSubItem),
});
export type TItem = z.infer<typeof ZItem>;

export const ZParagraph = z.object({
  type: z.literal('paragraph'),
  id: z.string().min(1),
  /** 1 for the article's opening paragraph (unnumbered), 2 for ２ … */
  num: z.number().int().positive(),
  text: z.string(),
  items: z.array(ZItem),
});
export type TParagraph = z.infer<typeof ZParagraph>;

export const ZArticle = z.object({
  type: z.literal('article'),
  id: z.string().min(1),
  /** as written in the source, normalised to its canonical spelling: 第１, 第1条, 第7条の2 */
  number: z.string().min(1),
  /** numeric article number (7 for 第７ and 第7条) */
  num: z.number().int().positive(),
  /** branch number (2 for 第7条の2), absent for plain articles */
  branch: z.number().int().positive().optional(),
  /** the caption without its brackets: 目的 for （目的） */
  caption: z.string().optional(),
  paragraphs: z.array(ZParagraph).min(1),
});
export type TArticle = z.infer<typeof ZArticle>;

export const ZSection = z.object({
  type: z.literal('section'),
  id: z.string().min(1),
  /** 第1節 */
  number: z.string().min(1),
  num: z.number().int().positive(),
  title: z.string(),
  articles: z.array(ZArticle),
});
export type TSection = z.infer<typeof ZSection>;

export const ZChapter = z.object({
  type: z.literal('chapter'),
  id: z.string().min(1),
  /** 第2章 */
  number: z.string().min(1),
  num: z.number().int().positive(),
  title: z.string(),
  /** articles directly under the chapter, then its sections */
  articles: z.array(ZArticle),
  sections: z.array(ZSection),
});
export type TChapter = z.infer<typeof ZChapter>;

export const ZSupplementaryProvision = z.object({
  type: z.literal('supplementary'),
  id: z.string().min(1),
  /** 付則 or 附則, as the text spells it */
  heading: z.string().min(1),
  /** e.g. 令和４年５月２６日訓令第３号, when the heading names it */
  note: z.string().optional(),
  paragraphs: z.array(z.string()),
  /** ISO date (YYYY-MM-DD) of the first 「…から施行する」 found in the paragraphs */
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type TSupplementaryProvision = z.infer<typeof ZSupplementaryProvision>;

export const ZAnnex = z.object({
  type: z.literal('annex'),
  id: z.string().min(1),
  /** 【参考】 第２(4) 情報セキュリティポリシーの概念図 */
  title: z.string().min(1),
  /** the annex's remaining lines, kept as they are */
  lines: z.array(z.string()),
});
export type TAnnex = z.infer<typeof ZAnnex>;

export const ZPolicyTree = z.object({
  /** the document's title as the text states it */
  title: z.string(),
  /** header lines after the title: date, 告示/訓令 number */
  header: z.array(z.string()),
  /** 制定文: 「…の全部を次のように改正する。」 */
  enactment: z.string().optional(),
  /** 目次 entries, kept for display; they are not articles */
  toc: z.array(z.string()),
  /** 前文 paragraphs */
  preamble: z.array(z.string()),
  /** articles of a text without chapters */
  articles: z.array(ZArticle),
  chapters: z.array(ZChapter),
  /** a declaration-style text: preamble plus a numbered list with no articles */
  items: z.array(ZItem),
  supplementaryProvisions: z.array(ZSupplementaryProvision),
  annexes: z.array(ZAnnex),
});
export type TPolicyTree = z.infer<typeof ZPolicyTree>;
