/*
 * Sentences of the data access layer's refusals that every area shares (DalError messages,
 * PermissionDeniedError, the JSON API's not-found answer).
 */
export const commonErrors = {
  /** the one not-found answer: identical for a missing document and for one the reader may not see */
  documentNotFound: '文書が見つかりません。',
  revisionNotFound: '版が見つかりません。',
  signInRequired: 'ログインが必要です。',
  forbidden: 'この操作を行う権限がありません。',
  nulCharacter: '使用できない文字（NUL）が含まれています。',
  pastEffectiveDate: '施行日に過去の日付は指定できません。',
} as const;
