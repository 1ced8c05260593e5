/*
 * Strings of search: the box in the header, the /search page and its states.
 */
const ja = {
  box: {
    label: '規程を検索',
    placeholder: '例：USBメモリ、委託',
    submit: '検索',
  },
  page: {
    title: '規程の検索',
    titleWithQuery: (q: string) => `「${q}」の検索結果`,
    lead: '条・項・号の単位で本文を検索します。空白で区切った語はすべてを含む箇所を探します。全角と半角、大文字と小文字は区別しません。',
    queryLabel: '検索語',
    hint: '200文字以内。空白で区切ると、すべての語を含む箇所を探します。',
    scopeLabel: '旧版・未施行の版も検索する',
    scopeHint: '承認済みのすべての版が対象になります。',
  },
  empty: {
    title: '検索語を入力してください',
    body: '規程の本文から、条・項・号の単位で該当箇所を探します。たとえば次の語で検索できます。',
    examples: ['USBメモリ', 'パスワード', '委託', '暗号', '監査'],
  },
  none: {
    title: (q: string) => `「${q}」に一致する箇所は見つかりませんでした`,
    hints: ['語の表記を確かめてください（全角・半角の違いは区別しません）。', '語の数を減らすか、短い語で検索してください。', '種別や部局の絞り込みを解除してください。'],
    clearFilters: '絞り込みを解除する',
  },
  results: {
    count: (total: number, approximate: boolean) => `${approximate ? '約' : ''}${total.toLocaleString('ja-JP')} 件`,
    range: (from: number, to: number, total: number, approximate: boolean) => `${approximate ? '約' : ''}${total.toLocaleString('ja-JP')} 件中 ${from}〜${to} 件目`,
    approximate: 'よく使われる語のため、件数は概数です。語を加えると絞り込めます。',
    heading: '検索結果',
    revision: (n: number) => `第${n}版`,
    place: (cite: string) => `該当箇所 ${cite}`,
    effective: (wareki: string) => `${wareki}施行`,
    scopeAll: '承認済みのすべての版を検索しています。',
  },
  facets: {
    heading: '絞り込み',
    kind: '種別',
    department: '所管部局',
    all: 'すべて',
    noDepartment: '部局の指定なし',
    count: (n: number) => `${n.toLocaleString('ja-JP')}件`,
  },
  pager: {
    label: '検索結果のページ',
    previous: '前のページ',
    next: '次のページ',
    page: (n: number, count: number) => `${n} / ${count} ページ`,
  },
  error: {
    title: '検索できませんでした',
  },
  loading: '検索しています',
};

export type TSearchMessages = typeof ja;
export const searchMessages: TSearchMessages = ja;
