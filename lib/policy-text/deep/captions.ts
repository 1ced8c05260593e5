/*
 * Article captions (見出し) written on the article's own line: 第1条（目的）…, 第1 目的 …, 1 目的.
 */

const INLINE_CAPTION = /^[（(]([^（）()。]{1,40})[）)][\s\u3000]*/;

/** A caption: short, no punctuation, ending in a noun; 「なりすまし対策」 may start in hiragana when it stands alone. */
export function isCaptionWord(text: string, alone = false): boolean {
  // a caption standing alone may name an abbreviation in brackets: 最高情報セキュリティ責任者（CISO）
  const word = alone ? text.replace(/[（(][^（）()、。]{1,20}[）)]$/, '') : text;
  return (
    word !== '' &&
    word.length <= 20 &&
    !/^(?:[0-9０-９]+|[一二三四五六七八九十]+|[ァ-ヺｦ-ﾝ])$/.test(word) &&
    !/[、。，．「」『』（）()：:]/.test(word) &&
    (alone ? !/^[ぁ-ゖ]{1,3}[はがをにでもの]/.test(word) : !/^[ぁ-ゖ]/.test(word)) &&
    /[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]$/.test(word)
  );
}

/** 第1条（目的）…, 第1 目的 …, or a bare 第1 目的 whose text follows on the next line */
export function splitInlineCaption(rest: string, bareCaptionAllowed: boolean): { caption?: string; text: string } {
  const paren = INLINE_CAPTION.exec(rest);
  const parenText = paren?.[1]?.trim();
  if (paren && parenText && isCaptionWord(parenText.replace(/[・及び等]/g, '字'))) return { caption: parenText, text: rest.slice(paren[0].length) };
  if (rest === '削除') return { text: rest };
  const spaced = /^(\S{1,20})[\s\u3000]+/.exec(rest);
  if (spaced?.[1] && isCaptionWord(spaced[1])) return { caption: spaced[1], text: rest.slice(spaced[0].length) };
  if (bareCaptionAllowed && isCaptionWord(rest, true)) return { caption: rest, text: '' };
  return { text: rest };
}

