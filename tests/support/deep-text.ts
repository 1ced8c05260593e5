/*
 * A long regulation text of known shape, for the parser's linear-time test and benchmark:
 * chapters of articles, each with a caption, two paragraphs, items and three levels of
 * sub-items, and a tab-aligned table; 附則 at the end.
 */

export interface TGeneratedText {
  text: string;
  lines: number;
  chapters: number;
  articles: number;
}

const ARTICLE_LINES = [
  (n: number) => `（第${n}条の見出し）`,
  (n: number) => `第${n}条　情報セキュリティ管理者は、第${n}条の規定により、次に掲げる措置を講じなければならない。`,
  () => '(1)　管理の体制',
  () => 'ア　責任者を置くこと。',
  () => 'イ　次の事務を行うこと。',
  () => '(ア)　計画の策定',
  () => 'a　年度計画',
  () => 'b　中期計画',
  () => '(イ)　実施状況の確認',
  () => '(2)　記録の保存',
  () => '区分\t保存期間',
  () => 'ログ\t1年',
  () => '２　前項の措置の結果は、毎年度、統括情報セキュリティ責任者に報告しなければならない。ただし、軽微なものはこの限りでない。',
];
const ARTICLES_PER_CHAPTER = 20;

/** About `lines` lines of text (whole articles, so a few lines more or less). */
export function generateDeepText(lines: number): TGeneratedText {
  const out: string[] = ['○○市情報セキュリティ対策基準（試験用）', '令和6年3月29日訓令第1号'];
  let article = 0;
  let chapter = 0;
  while (out.length < lines - 2) {
    if (article % ARTICLES_PER_CHAPTER === 0) out.push(`第${++chapter}章　第${chapter}章の規定`);
    article++;
    for (const line of ARTICLE_LINES) out.push(line(article));
  }
  out.push('附則', 'この基準は、令和6年4月1日から施行する。');
  return { text: `${out.join('\n')}\n`, lines: out.length, chapters: chapter, articles: article };
}
