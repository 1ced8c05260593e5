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
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10}MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${bytes}バイト`;
}

export type TIngestMessages = typeof ja;
export const ingestMessages: TIngestMessages = ja;
