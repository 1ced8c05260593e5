/*
 * Strings of file import (文書を取り込む): refusals of a file and warnings about its content.
 */
const ja = {
  errors: {
    empty: 'ファイルが空です。',
    tooLarge: (maxBytes: number) => `ファイルが大きすぎます。${formatBytes(maxBytes)}以下のファイルを指定してください。`,
    unpackedTooLarge: 'Word ファイルの中身が大きすぎるため読み込めません。文書を分けて取り込んでください。',
    unsupported: 'このファイルの形式には対応していません。Word（.docx）、PDF 又はテキストファイルを指定してください。',
    encrypted: 'PDF にパスワードが設定されているため読み込めません。パスワードを解除したファイルを指定してください。',
    noTextLayer: 'PDF に文字の情報がありません（スキャンした画像の PDF と思われます）。文字を含む PDF、Word ファイル又はテキストファイルを指定してください。',
    brokenPdf: 'PDF ファイルが壊れているため読み込めません。元のファイルから PDF を作り直してください。',
    brokenDocx: 'Word ファイルが壊れているため読み込めません。Word で開いて保存し直したファイルを指定してください。',
    notDocx: 'Word（.docx）の本文が見つかりません。Word で保存したファイルを指定してください。',
    legacyDoc: '古い形式の Word ファイル（.doc）には対応していません。Word で .docx 形式に保存し直してください。',
    undecodable: '文字コードを判別できません。UTF-8 又は Shift_JIS で保存したテキストファイルを指定してください。',
    noStructure: '条・号が見つかりません。本文に条（第１、第1条 など）又は番号付きの項目（(1)、1 など）があるか確かめてください。',
  },
  warnings: {
    where: {
      paragraph: (n: number) => `Word の第${n}段落`,
      tableRow: (table: number, row: number) => `Word の表${table}の${row}行目`,
      page: (page: number) => `PDF の${page}ページ`,
      line: (line: number) => `${line}行目`,
    },
    unknownNumberFormat: (format: string) => `Word の番号の書式「${format}」は読み取れないため、数字に置き換えました。`,
    pipeInCell: '表のセルにある「|」は表の区切りと紛れるため「∣」に置き換えました。',
    mergedCells: '結合されたセルを含む表です。取り込んだ後で表の形を確かめてください。',
    headersRemoved: (count: number) => `各ページに繰り返されるヘッダー・フッター等 ${count} 行を取り除きました。`,
    pageNumbersRemoved: (count: number) => `ページ番号 ${count} 行を取り除きました。`,
    fewText: (pages: number) => `${pages}ページに文字の情報がありません（画像のみのページと思われます）。その部分は取り込まれていません。`,
  },
  /** refusals of the import screens' server side */
  refusals: {
    noFile: 'ファイルを選んでください。',
    openDraft: (number: number) => `この文書には作成中の改正案（整理番号${number}）があります。その改正案を提出・取下げしてから取り込んでください。`,
    receipt: '取り込んだファイルの記録が見つかりません（読み込みから時間が経ったか、別の文書のファイルです）。もう一度ファイルを選んでください。',
  },
  screen: {
    newTitle: '文書を取り込む',
    newLead: 'Word（.docx）、PDF 又はテキストファイルの例規を読み込み、新しい文書の最初の版の下書きにします。読み込んだ本文を確かめて直してから保存し、通常どおり承認を受けます。',
    newLink: 'ファイルから取り込む',
    newLinkLead: '既存の Word・PDF・テキストファイルがあるときは、ファイルから文書を作成できます。',
    amendTitle: (title: string) => `ファイルから改正案を作る（${title}）`,
    amendLead: '改正後の全文を収めた Word（.docx）、PDF 又はテキストファイルを読み込み、この文書の改正案にします。読み込んだ本文を確かめて直してから保存し、通常どおり承認を受けます。',
    amendLink: 'ファイルから改正案を作る',
    openDraftLink: '作成中の改正案を開く',
    amendLinkLead: '改正後の全文を Word・PDF・テキストファイルで用意してあるときは、',
    breadcrumbNew: '文書の作成',
    steps: { upload: 'ファイルを選ぶ', review: '本文を確かめる', save: '下書きとして保存' },
    stepLabel: (n: number, total: number, name: string) => `手順 ${n}/${total}: ${name}`,
    fileLabel: '取り込むファイル',
    fileHint: (limit: string) => `Word（.docx）、文字を含む PDF、テキストファイル（UTF-8 又は Shift_JIS）。${limit}まで。ファイルの種類は中身で判定します。`,
    read: 'ファイルを読み込む',
    reading: '読み込んでいます…',
    readFailedHeading: 'ファイルを読み込めませんでした',
    networkError: '通信できませんでした。接続を確かめて、もう一度お試しください。',
    chooseAnother: '別のファイルを選ぶ',
    fileFacts: '読み込んだファイル',
    factName: 'ファイル名',
    factKind: '種類',
    factSize: '大きさ',
    factLines: '本文の行数',
    kinds: { docx: 'Word 文書（.docx）', pdf: 'PDF', text: 'テキスト' },
    lines: (n: number) => `${n.toLocaleString('ja-JP')}行`,
    readerWarningsHeading: (n: number) => `読み込み時の注意 ${n}件`,
    readerWarningsLead: '行番号は読み込んだときの本文のものです。押すとその行に移ります。',
    noReaderWarnings: 'ファイルの読み込みで気になる点はありませんでした。',
    reviewLead: '左が読み込んだ本文、右がその構造です。警告やエラーのある行は色が付いています。本文を直すと右の構造がすぐに変わります。',
    structureHeading: '構造のプレビュー',
    resetText: '読み込んだ本文に戻す',
    resetDone: '読み込んだときの本文に戻しました。',
    saveLeadNew: '文書の情報を入力して保存すると、最初の版の下書きができます。保存後は編集画面で承認依頼を提出できます。',
    saveLeadAmend: '保存すると、この本文が改正案（下書き）になります。保存後は編集画面で改正理由と施行日を入力して承認依頼を提出できます。',
    saveAmend: '改正案として保存する',
    saving: '保存しています…',
    createNew: '文書を作成して下書きを保存する',
    errorsBlock: (n: number) => `構造を読み取れない箇所が ${n} 件あります。保存はできますが、承認依頼の前に直す必要があります。`,
    sizeOf: formatBytes,
  },
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10}MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${bytes}バイト`;
}

export type TIngestMessages = typeof ja;
export const ingestMessages: TIngestMessages = ja;
