/*
 * Strings of the auditors' screen (監査記録). Error sentences of invalid filters come from the
 * data access layer, already in Japanese. Action codes not listed here are shown as they are.
 */

const ja = {
  title: '監査記録',
  lead: 'ポータルで行われたログイン、文書の閲覧、管理操作などの記録です。記録はハッシュ連鎖でつながっており、後から書き換えると検知できます。',
  breadcrumb: 'パンくずリスト',
  home: 'ホーム',
  adminScopeNote: 'システム管理者には管理操作の記録のみ表示されます。',
  forbidden: {
    title: 'この画面を表示する権限がありません',
    body: '監査記録は、監査担当とシステム管理者の役割を持つアカウントだけが閲覧できます。必要な場合は、システム管理者に相談してください。',
    toHome: 'ホームへ',
  },
  filter: {
    heading: '絞り込み',
    actor: '操作者（ログインID）',
    action: '操作',
    document: '文書（スラッグ）',
    documentHint: '例: sample-procedure-media',
    outcome: '結果',
    period: '期間',
    from: '開始日',
    to: '終了日',
    periodSeparator: '〜',
    all: 'すべて',
    prefixGroup: 'まとめて選ぶ',
    actionGroup: '個別の操作',
    currentGroup: '指定中の操作',
    submit: '絞り込む',
    clear: '条件をクリア',
  },
  actions: {
    'auth.sign-in': 'ログイン',
    'auth.sign-out': 'ログアウト',
    'auth.throttle': 'ログイン試行の制限',
    'document.read': '文書の閲覧',
    'document.excerpts-update': '公開抜粋の変更',
    'account.create': 'アカウント作成',
    'account.update': 'アカウント変更',
    'account.password-reset': 'パスワード再設定',
    'account.disable': 'アカウント無効化',
    'account.enable': 'アカウント有効化',
    'department.create': '部局作成',
    'department.update': '部局変更',
    'grant.create': '閲覧権限の付与',
    'grant.revoke': '閲覧権限の取消',
    'audit.export': '監査記録の出力',
    'audit.verify': '連鎖の検証',
  } as Record<string, string>,
  actionPrefixes: {
    'auth.': '認証すべて',
    'account.': 'アカウント操作すべて',
  } as Record<string, string>,
  outcomes: {
    SUCCESS: '成功',
    DENIED: '拒否',
    FAILED: '失敗',
  },
  targetTypes: {
    document: '文書',
    account: 'アカウント',
    department: '部局',
    grant: '閲覧権限',
  } as Record<string, string>,
  roles: {
    STAFF: '職員',
    EDITOR: '情報セキュリティ管理者',
    APPROVER: '承認者',
    AUDITOR: '監査担当',
    ADMIN: 'システム管理者',
  } as Record<string, string>,
  table: {
    heading: '記録の一覧',
    caption: '監査記録の一覧（新しい順）',
    region: '監査記録の一覧（横にスクロールできます）',
    occurredAt: '日時',
    actor: '操作者',
    action: '操作',
    target: '対象',
    outcome: '結果',
    clientAddress: '接続元',
    anonymous: '（未ログイン）',
    none: 'なし',
    departmentLabel: '部局',
    rolesLabel: '役割',
    details: (seq: string) => `詳細（連番 ${seq}）`,
    seq: '連番',
    occurredAtUtc: '日時（UTC）',
    userAgent: 'ユーザーエージェント',
    requestId: 'リクエストID',
    hash: 'ハッシュ',
    detailsJson: '記録の内容',
    empty: '条件に一致する記録はありません',
    shown: (n: number) => `${n}件を表示しています（新しい順）`,
  },
  pagination: {
    label: 'ページ送り',
    older: 'さらに古い記録',
    newest: '最新に戻る',
  },
  csv: 'CSVでダウンロード（絞り込み条件を適用）',
  invalidFilterHeading: '絞り込み条件を確認してください',
  chain: {
    heading: '改ざん検知（ハッシュ連鎖）',
    lead: 'すべての記録のハッシュを計算し直し、前の記録とのつながりを確かめます。',
    never: 'まだ検証されていません',
    lastHeading: '前回の検証',
    at: '日時',
    by: '実施者',
    result: '結果',
    ok: '異常なし',
    broken: '連鎖が壊れています',
    checked: '確認した記録',
    checkedCount: (n: number) => `${n.toLocaleString('ja-JP')}件`,
    headSeq: '先頭の連番',
    headHash: '先頭のハッシュ',
    brokenAt: '壊れている連番',
    reason: '理由',
    verify: '今すぐ検証する',
    verifying: '検証しています…',
    doneOk: '検証が終わりました。連鎖に異常はありません。',
    doneBroken: '検証が終わりました。連鎖が壊れています。',
    errorHeading: '検証できませんでした',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { [K in keyof T]: Widen<T[K]> };

/** The shape another locale must satisfy. */
export type TAuditMessages = Widen<typeof ja>;

export const auditMessages: TAuditMessages = ja;
