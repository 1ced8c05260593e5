import type { Widen } from '@/lib/messages/widen';
import type { TDocumentKind, TVisibility } from '@/lib/domain/documents';

/*
 * Every string the reader-facing screens show. Components read them from here only, so that
 * another locale is one more object of type TMessages.
 */

const PORTAL_NAME = '情報セキュリティポリシー ポータル';

export const ja = {
  portal: {
    name: PORTAL_NAME,
    titleTemplate: `%s | ${PORTAL_NAME}`,
    description: '情報セキュリティ基本方針、対策基準及び実施手順を閲覧するためのポータルです。',
  },
  layout: {
    skipToContent: '本文へ移動',
    mainNav: 'メインメニュー',
    navHome: 'ホーム',
    navLibrary: '規程一覧',
    footerNote: '掲載している規程は、表示している施行日時点の内容です。',
  },
  kind: {
    BASIC_POLICY: '基本方針',
    STANDARD: '対策基準',
    SAFETY_MANAGEMENT_STANDARD: '安全管理措置基準',
    PROCEDURE: '実施手順',
  } satisfies Record<TDocumentKind, string>,
  visibility: {
    PUBLIC: '公開',
    STAFF: '職員限定',
    RESTRICTED: '限定公開',
  } satisfies Record<TVisibility, string>,
  visibilityLabel: '公開範囲',
  document: {
    revision: (n: number) => `第${n}版`,
    effectiveDate: '施行日',
    revisionLabel: '版',
    /** beside the revision in force today: 「現行: 第2版」 */
    inForceLabel: '現行',
    /** an approved amendment still ahead: 「改正予定: 第3版（令和8年12月6日施行）」 */
    scheduledLabel: '改正予定',
    scheduledValue: (n: number, wareki: string) => `第${n}版（${wareki}施行）`,
    /** the tag of a document with nothing in force yet */
    scheduled: '未施行',
    scheduledSuffix: (n: number) => `から第${n}版が施行されます。`,
    viewScheduled: '施行予定の版を見る',
    notYetInForce: '現在施行されている版はありません。',
    asOfSuffix: '時点で施行されている内容を表示しています。',
    department: '所管',
    backToCurrent: '現在の内容を表示',
  },
  home: {
    title: '情報セキュリティポリシー',
    lead: 'このポータルでは、情報資産を守るために定めた情報セキュリティポリシーと、その下で定める実施手順を閲覧できます。',
    familyHeading: 'ポリシーの構成',
    family: [
      {
        term: '情報セキュリティ基本方針',
        description: '情報セキュリティ対策の目的、対象とする脅威、講ずる対策など、基本的な方針を定めたものです。',
        access: '公開',
      },
      {
        term: '情報セキュリティ対策基準・安全管理措置基準',
        description: '基本方針に基づき、具体的な遵守事項と判断基準を定めたものです。安全管理措置基準は特定個人情報等の取扱いについて定めます。',
        access: '非公開（権限のある職員のみ閲覧できます）',
      },
      {
        term: '情報セキュリティ実施手順',
        description: '対策基準に基づき、対策を実施するための具体的な手順を定めたものです。',
        access: '非公開（権限のある職員のみ閲覧できます）',
      },
    ],
    accessLabel: '公開範囲',
    readBasicPolicy: '基本方針を読む',
    countsHeading: '閲覧できる文書',
    count: (n: number) => `${n}件`,
    recentHeading: '最近の改正',
    recentEmpty: '最近施行された改正はありません。',
    toLibrary: '規程一覧を見る',
    empty: '閲覧できる文書はまだありません。',
  },
  library: {
    title: '規程一覧',
    lead: '基本方針、対策基準、実施手順の順に、体系に沿って掲載しています。',
    empty: '閲覧できる文書はまだありません。',
    childrenLabel: (title: string) => `${title}に基づく文書`,
  },
  reader: {
    breadcrumb: 'パンくずリスト',
    toc: '目次',
    tocToggleOpen: '目次を開く',
    tocToggleClose: '目次を閉じる',
    history: '沿革',
    copyLink: 'リンクをコピー',
    copyLinkFor: (target: string) => `${target}のリンクをコピー`,
    copied: 'リンクをコピーしました',
    copyFailed: 'リンクをコピーできませんでした',
    paragraph: (n: number) => `第${n}項`,
    effectiveFrom: (date: string) => `${date}施行`,
    /** the name of a table for screen readers: 「第2条の表」, 「別表第1の表」, a second one 「第2条の表2」 */
    tableOf: (target: string, n: number) => `${target}の表${n > 1 ? n : ''}`,
    relation: (relation: string) => `（${relation}）`,
    extract: '抄',
    /** printed above the text: where the printed revision is found */
    printSource: (url: string) => `掲載場所: ${url}`,
    printEffective: (edition: string, wareki: string) => `${edition}（${wareki}施行）`,
  },
  forbidden: {
    title: 'この画面を表示する権限がありません',
    body: 'この画面は、必要な役割を持つアカウントだけが利用できます。必要な場合は、システム管理者に相談してください。',
    toHome: 'ホームへ',
  },
  notFound: {
    title: 'お探しの文書は見つかりません',
    body: 'アドレスが間違っているか、文書が存在しないか、閲覧する権限がない可能性があります。',
    toLibrary: '規程一覧へ',
    toHome: 'ホームへ',
  },
  error: {
    title: '表示中に問題が発生しました',
    body: '一時的な問題の可能性があります。しばらくしてから、もう一度お試しください。',
    retry: '再試行',
    reference: (digest: string) => `問い合わせ番号: ${digest}`,
    toHome: 'ホームへ',
  },
  loading: '読み込んでいます',
} as const;


/** The shape another locale must satisfy. */
export type TMessages = Widen<typeof ja>;

export const messages: TMessages = ja;
