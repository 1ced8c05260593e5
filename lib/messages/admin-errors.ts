/* Sentences of refused administrative changes (accounts, departments, grants, directory links). */
export const adminErrors = {
  departmentNotFound: '部局が見つかりません。',
  parentNotFound: '上位の部局が見つかりません。',
  parentRequired: '課・係には上位の部局を選択してください。',
  accountNotFound: 'アカウントが見つかりません。',
  loginIdTaken: (loginId: string) => `ログインID「${loginId}」は既に使われています。`,
  ownAdminRole: '自分自身のシステム管理者の役割は外せません。',
  ownAccountDisabled: '自分自身のアカウントは無効にできません。',
  directoryUserLinked: (loginId: string) => `この庁内ディレクトリの利用者は、既にアカウント「${loginId}」に連携されています。`,
  grantNeedsRestricted: '限定公開の文書を選択してください。',
  roleInvalid: '役割が正しくありません。',
  grantExists: 'この付与先には既に閲覧権限があります。',
  grantNotFound: '閲覧権限が見つかりません。',
  departmentCodeTaken: (code: string) => `部局コード「${code}」は既に使われています。`,
} as const;
