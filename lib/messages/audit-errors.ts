/* Sentences of the audit trail's refusals and of a broken hash chain (shown to auditors and operators). */
export const auditErrors = {
  eventNotFound: '指定された監査記録は見つかりません。',
  chain: {
    notLinked: (previousSeq: bigint) => `前の記録（${previousSeq}）とつながっていません（削除・挿入・並べ替えの疑い）`,
    firstNotGenesis: '最初の記録が連鎖の起点ではありません',
    hashMismatch: '記録の内容がハッシュと一致しません（改ざんの疑い）',
    headMismatch: '保存済みの先頭ハッシュと一致しません（連鎖全体の書き換えの疑い）',
    headMissing: '保存済みの先頭の記録が見つかりません（記録の削除の疑い）',
  },
} as const;
