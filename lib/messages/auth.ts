import type { Widen } from '@/lib/messages/widen';

/*
 * Strings of sign-in, sign-out and the account area of the header, and of the parts of the reader
 * that change with who is reading (public editions, documents of the reader's department).
 */

const ja = {
  login: {
    title: 'ログイン',
    lead: '職員の方は、ログインIDとパスワードを入力してください。',
    publicNote: '公開されている文書は、ログインせずに閲覧できます。',
    toLibrary: '規程一覧へ',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログインしています…',
    errorHeading: 'ログインできませんでした',
    loginIdRequired: 'ログインIDを入力してください。',
    passwordRequired: 'パスワードを入力してください。',
    invalid: 'ログインIDまたはパスワードが正しくありません。',
    throttled: 'ログインの試行回数が上限に達しました。しばらく時間をおいてから再度お試しください。',
    sessionRequired: 'この画面を表示するには、ログインしてください。',
    accessDenied: 'このアカウントではログインできません。',
    failed: 'ログインの処理中に問題が発生しました。しばらく時間をおいてから再度お試しください。',
    alreadySignedIn: (name: string) => `${name}さんとしてログインしています。`,
    toHome: 'ホームへ',
  },
  logout: {
    title: 'ログアウト',
    confirm: 'ログアウトしますか？',
    signedInAs: (name: string) => `${name}さんとしてログインしています。`,
    button: 'ログアウト',
    pending: 'ログアウトしています…',
    failed: 'ログアウトできませんでした。もう一度お試しください。',
    cancel: 'ホームへ戻る',
    notSignedIn: 'ログインしていません。',
    toHome: 'ホームへ',
  },
  header: {
    account: 'ログイン中のアカウント',
    login: 'ログイン',
    admin: '管理',
    audit: '監査記録',
    noDepartment: '所属なし',
    /** the account button's accessible name: 「アカウント: 総務 花子（デモ）」 */
    accountButton: (name: string) => `アカウント: ${name}`,
    department: '所属',
  },
  access: {
    excerptNotice: 'この文書は非公開です。ここでは外部に周知すべき事項のみを掲載しています。',
    excerptTag: '公開抜粋',
    editExcerpts: '外部に周知すべき事項を設定する',
    myDepartmentHeading: (departmentName: string) => `${departmentName}に関係する文書`,
    myDepartmentEmpty: '該当する文書はありません',
  },
} as const;


/** The shape another locale must satisfy. */
export type TAuthMessages = Widen<typeof ja>;

export const authMessages: TAuthMessages = ja;
