/*
 * Sentences of refused workflow changes: creating documents, drafts, submission, review,
 * confirmation of rebased revisions, and the chain of amendments (docs/decisions/007).
 * `link` is a revision's label (第3版, 確認待ちの改正（整理番号5）); dates are already in 和暦.
 */
export const workflowErrors = {
  transition: {
    status: 'この版は現在の状態ではその操作ができません。画面を更新してください。',
    permission: 'この操作を行う権限がありません。',
    'separation-of-duties': '自分が起案・編集した版は承認・差戻しできません（提出した版も同じです）。',
  },
  draftNotFound: '改正案が見つかりません。',
  noApprovedRevision: '承認済みの版がないため、改正案を作成できません。',
  baseNotAllowed: '選んだ版をもとに改正案を作成することはできません。現行の版か施行予定の版を選んでください。',
  nulInText: '本文に使用できない文字（NUL）が含まれています。',
  alreadyApprovedByYou: 'この版は既に承認済みです。別の承認者の承認が必要です。',
  effectiveDateRequired: '施行日を入力してください。',
  confirmationWaiting: (number: number) => `確認待ちの改正（整理番号${number}）があります。先にその確認を済ませてから承認してください。`,
  abolitionBeforeScheduled: '施行予定の改正があるため、その前の日付で廃止することはできません。施行日を見直してください。',
  predecessorChanged: 'この改正の直前の版が変わっています。画面を更新して、新旧対照表を確かめ直してください。',
  confirmPredecessorFirst: (link: string) => `先に直前の${link}を確認してください。`,
  dateClash: (date: string, link: string) => `施行日 ${date} には既に${link}が施行されます。別の日付を指定してください。`,
  linkLabel: (edition: number | null, number: number) => (edition ? `第${edition}版` : `確認待ちの改正（整理番号${number}）`),
  staleBase: {
    base: (link: string, date: string) => `${link}（${date}施行）`,
    baseUnknown: 'もとにした版',
    predecessorNone: 'ありません',
    sentence: (base: string, date: string, predecessor: string) =>
      `この改正案は${base}をもとにしていますが、施行日 ${date} の直前の版は${predecessor}。` +
      'もとにした版のあとに別の改正が承認されたか、施行日が別の版の前後に移りました。古い版の上に改正を重ねることはできません。' +
      '改正案を取り下げて直前の版から作成し直すか、もとにした版に合う施行日を指定してください。',
  },
  dateMovesBase: {
    withBase: (base: string, date: string, amends: string, hint: string) => `この改正案は${base}をもとにしています。施行日 ${date} では${amends}の改正になるため提出できません。${hint}の日付を指定してください。`,
    firstRevision: '最初の版',
    beforeNextOf: (base: string) => `${base}の次の版の施行日より前`,
    after: (date: string) => `${date}より後`,
    baseSuperseded: 'もとにした版のあとに別の改正が承認されています。改正案を作成し直してください。',
  },
  document: {
    parentNotFound: '上位文書が見つかりません。',
    parentIsSelf: '自分自身を上位文書にはできません。',
    parentIsDescendant: '下位の文書を上位文書にはできません。',
    departmentNotFound: '所管部局が見つかりません。',
    slugTaken: (slug: string) => `スラッグ「${slug}」は既に使われています。`,
  },
} as const;
