/* Sentences of refused changes to a draft's public excerpts (外部に周知すべき事項). */
export const excerptsErrors = {
  unconfirmed: '外部に周知すべき事項（公開抜粋）の条に、番号の変更・削除・全部改正があります。「外部に周知すべき事項の設定」で引き継ぐ条を確認してから提出してください。',
  inReview: 'この改正案は審査中のため、公開する条を変更できません。差し戻された後に変更してください。',
  publicDocument: '公開文書には抜粋を設定できません。',
  staleVersion: '改正案の本文がその後保存されました。画面を更新して、公開する条を確認し直してください。',
  unparsable: '改正案の本文を条に分けられないため、公開する条を設定できません。編集画面で本文を直してください。',
  unknownArticle: '改正案にない条が指定されています。画面を更新してください。',
} as const;
