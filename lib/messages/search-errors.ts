/* Sentences of a refused search query; keys are the query errors of lib/server/search/search-documents.ts. */
export const searchErrors = {
  EMPTY: '検索する語を入力してください。',
  TOO_LONG: '検索語が長すぎます。200文字以内で入力してください。',
  CONTROL_CHARACTER: '検索語に使用できない文字（制御文字）が含まれています。',
  TOO_MANY_TERMS: '検索語が多すぎます。空白で区切った語は10個までにしてください。',
  invalidParams: '検索条件が正しくありません。',
} as const;
