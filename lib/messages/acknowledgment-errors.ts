/* Refusals of the acknowledgment data access layer (DalError messages). */
export const acknowledgmentErrors = {
  notAsked: 'この文書について確認を求められている版はありません。',
  alreadyAcknowledged: 'この版は確認済みです。',
  stale: (label: string) => `確認を求める版が${label}に変わりました。表示し直した本文を読んでから確認してください。`,
  comparisonMismatch: '表示した新旧対照表が、前回確認した版からのものではありません。表示し直してから確認してください。',
  unitOutOfScope: '指定した部署の状況は表示できません。',
  unknownUnits: (codes: readonly string[]) => `部局コード「${codes.join('、')}」が見つかりません。`,
  noUnitsChosen: '対象の部局を1つ以上選択してください。',
} as const;
