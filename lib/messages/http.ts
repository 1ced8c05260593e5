/** Answers to requests refused before they reach a page, an action or an endpoint (JSON `error.message`). */
export const httpMessages = {
  crossOrigin: '別のサイトからの送信は受け付けられません。',
  tooLarge: '送信された内容が大きすぎます。',
  unsupportedType: 'この形式の送信は受け付けられません。',
  malformed: '送信された内容の形式が正しくありません。',
  asOfFormat: 'asOf は YYYY-MM-DD 形式の日付で指定してください。',
  compareRange: '比較する版を from と to に版番号で指定してください。',
  auditFilterUnreadable: '絞り込みの条件を読み取れません。',
} as const;
