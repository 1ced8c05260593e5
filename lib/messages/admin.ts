import type { Widen } from '@/lib/messages/widen';
import type { TRole } from '@/lib/domain/roles';

/*
 * Strings of the administration screens (accounts, departments, grants). Error sentences come
 * from the data access layer, already in Japanese.
 */


const ja = {
  roles: {
    STAFF: '職員',
    EDITOR: '情報セキュリティ管理者（起案）',
    APPROVER: '承認者（CISO・統括情報セキュリティ責任者）',
    AUDITOR: '監査担当',
    ADMIN: 'システム管理者',
  } satisfies Record<TRole, string>,
  common: {
    breadcrumb: 'パンくずリスト',
    home: 'ホーム',
    adminHome: '管理',
    adminNav: '管理メニュー',
    forbiddenTitle: 'この画面を表示する権限がありません',
    forbiddenBody: '管理の画面は、システム管理者の役割を持つアカウントだけが利用できます。必要な場合は、システム管理者に相談してください。',
    toHome: 'ホームへ',
    cancel: 'キャンセル',
    saved: '保存しました。',
    errorHeading: '入力内容を確認してください',
    required: '必須',
    none: 'なし',
  },
  overview: {
    title: '管理',
    lead: 'アカウント、部局、限定公開文書の閲覧権限を管理します。変更はすべて監査ログに記録されます。',
    accounts: 'アカウント',
    accountsDescription: 'アカウントの作成、役割と所属の変更、パスワードの再発行、利用の停止を行います。',
    departments: '部局',
    departmentsDescription: '部局の追加と名称の変更を行います。',
    grants: '閲覧権限',
    grantsDescription: '限定公開の文書を閲覧できる部局、役割、アカウントを設定します。',
    count: (n: number) => `${n}件`,
    countLabel: '登録数',
  },
  accounts: {
    title: 'アカウント管理',
    lead: 'ポータルにログインできるアカウントを管理します。パスワードは作成時と再発行時に一度だけ表示されます。',
    createHeading: 'アカウントを作成',
    listHeading: 'アカウント一覧',
    empty: 'アカウントはまだありません。',
    loginId: 'ログインID',
    loginIdHint: '半角英小文字・数字・「.」「_」「-」で3文字以上。作成後は変更できません。',
    displayName: '氏名',
    department: '所属部局',
    noDepartment: '所属なし',
    roles: '役割',
    rolesHint: 'ログインしたアカウントは、役割がなくても職員限定の文書を閲覧できます。',
    status: '状態',
    statusLabel: { ACTIVE: '有効', DISABLED: '無効' },
    you: '（あなた）',
    create: 'アカウントを作成',
    creating: '作成しています…',
    createdHeading: (loginId: string) => `アカウント「${loginId}」を作成しました`,
    passwordBoxTitle: '初期パスワード（この画面を離れると再表示できません）',
    passwordBoxNote: '本人に安全な方法で伝えてください。この画面を離れたり再読み込みしたりすると、再び表示することはできません。',
    passwordFor: (loginId: string) => `ログインID「${loginId}」`,
    passwordLabel: 'パスワード',
    edit: (loginId: string) => `${loginId}の登録内容を変更`,
    editSummary: '登録内容を変更',
    save: '変更を保存',
    saving: '保存しています…',
    resetPassword: 'パスワードを再発行',
    resetConfirm: (name: string) => `${name}さんのパスワードを再発行しますか？現在のパスワードは使えなくなり、ログイン中の画面もログアウトされます。`,
    resetDo: '再発行する',
    resetting: '再発行しています…',
    resetDoneTitle: '新しいパスワード（この画面を離れると再表示できません）',
    disable: '無効にする',
    disableConfirm: (name: string) => `${name}さんのアカウントを無効にしますか？ログインできなくなり、ログイン中の画面もログアウトされます。`,
    disableDo: '無効にする',
    enable: '有効にする',
    enableConfirm: (name: string) => `${name}さんのアカウントを有効に戻しますか？`,
    enableDo: '有効にする',
    statusDone: { ACTIVE: 'アカウントを有効にしました。', DISABLED: 'アカウントを無効にしました。' },
    cannotDisableSelf: '自分自身のアカウントは無効にできません。',
    actionsFor: (loginId: string) => `${loginId}の操作`,
    ownAccessHeading: '役割と所属部局',
    ownAccessNote: '自分自身の役割と所属部局は、別のシステム管理者が変更します。',
  },
  /*
   * The two-person rule: what widens an administrator's own access (a role, a department, a grant
   * that reaches them) is done by another administrator; and there stay two of them to do it.
   */
  twoPerson: {
    ownRoles: '自分自身の役割は変更できません。役割の変更は、別のシステム管理者に依頼してください。',
    ownDepartment: '自分自身の所属部局は変更できません。所属部局の変更は、別のシステム管理者に依頼してください。',
    ownGrantUser: '自分自身には閲覧権限を付与できません。別のシステム管理者に依頼してください。',
    ownGrantDepartment: (name: string) => `自分が所属する部局（${name}）には閲覧権限を付与できません。別のシステム管理者に依頼してください。`,
    ownGrantRole: (role: string) => `自分が持つ役割（${role}）には閲覧権限を付与できません。別のシステム管理者に依頼してください。`,
    lastOtherAdministrator:
      'この変更を行うと、有効なシステム管理者が1人以下になります。管理者自身の役割や閲覧権限は別のシステム管理者が変更するため、先にほかのアカウントをシステム管理者にしてください。',
    grantsNote: '自分自身、自分が所属する部局、自分が持つ役割への閲覧権限の付与は、別のシステム管理者が行います。',
  },
  departments: {
    title: '部局管理',
    lead: '部局は、アカウントの所属と、限定公開文書の閲覧権限の付与先に使います。部局コードは作成後に変更できません。',
    createHeading: '部局を追加',
    listHeading: '部局一覧',
    empty: '部局はまだありません。',
    code: '部局コード',
    codeHint: '半角英小文字・数字・ハイフンで2文字以上（例: general-affairs）',
    name: '部局名',
    userCount: '所属アカウント',
    userCountValue: (n: number) => `${n}人`,
    create: '部局を追加',
    creating: '追加しています…',
    created: (name: string) => `部局「${name}」を追加しました。`,
    rename: '名称を変更',
    renaming: '変更しています…',
    renameLabel: (code: string) => `部局コード ${code} の部局名`,
    renamed: '名称を変更しました。',
  },
  grants: {
    title: '閲覧権限の管理',
    lead: '限定公開の文書を閲覧できる部局、役割、アカウントを設定します。ここでは文書の題名だけを表示し、本文は表示しません。',
    empty: '限定公開の文書はありません。',
    noGrants: '閲覧権限はまだ付与されていません。',
    grantsOf: (title: string) => `${title}の閲覧権限`,
    granteeType: '付与先の種類',
    granteeTypes: { DEPARTMENT: '部局', ROLE: '役割', USER: 'アカウント' },
    grantee: '付与先',
    granteeUserHint: 'ログインIDを入力してください。',
    choose: '選択してください',
    add: '閲覧権限を付与',
    adding: '付与しています…',
    added: '閲覧権限を付与しました。',
    addHeading: '閲覧権限を付与',
    revoke: '取り消す',
    revokeFor: (label: string) => `${label}の閲覧権限を取り消す`,
    revokeConfirm: (label: string, title: string) => `「${label}」の「${title}」に対する閲覧権限を取り消しますか？`,
    revokeDo: '取り消す',
    revoking: '取り消しています…',
    revoked: '閲覧権限を取り消しました。',
  },
} as const;


/** The shape another locale must satisfy. */
export type TAdminMessages = Widen<typeof ja>;

export const adminMessages: TAdminMessages = ja;
