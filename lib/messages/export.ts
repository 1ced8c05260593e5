/*
 * Strings of the downloads (法令標準XML and Word) of a document's text: the block on the document
 * and revision pages, and the typed errors of the download routes.
 */

const ja = {
  block: {
    heading: 'ダウンロード',
    /** the aria-label of the list: 「第3版をダウンロード」 */
    listLabel: (what: string) => `${what}をダウンロード`,
    docx: 'Word',
    docxDetail: '.docx',
    xml: '法令標準XML',
    xmlDetail: '.xml',
    /** read out after the link: the file holds only the public articles */
    excerptNote: '外部に周知すべき事項のみを収録しています。',
    draftNote: '承認されていない改正案の本文です。',
  },
  filename: {
    /** added to the name of a public edition's file */
    excerpt: '公開抜粋',
    /** Word's コメント property */
    description: (label: string, effective: string | null) => (effective ? `${label}（${effective}施行）` : label),
  },
  errors: {
    format: 'format には docx 又は xml を指定してください。',
    tooDeepForXml: '号の細分が10段を超える箇所があるため、法令標準XMLでは書き出せません。Word形式でダウンロードしてください。',
  },
} as const;

export const exportMessages = ja;
