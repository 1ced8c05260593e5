import type { Widen } from '@/lib/messages/widen';

/*
 * Strings of 「外部に周知すべき事項の設定」 and of the panel in the draft editor that shows which
 * public articles a draft carries forward. Error sentences are in excerpts-errors.ts.
 */

const ja = {
  title: '外部に周知すべき事項の設定',
  lead: '非公開の文書のうち、委託先など外部の方にも周知すべき条を、改正案ごとに選びます。選んだ条は、その改正案が承認されて施行された日から、ログインしていない閲覧者にも公開されます。',
  documentLabel: '文書',
  publicDocument: 'この文書は公開文書のため、全文が公開されています。抜粋を設定する必要はありません。',
  inForceHeading: (number: number) => `現在公開している条（第${number}版）`,
  inForceNone: '現在施行されている版では、公開している条はありません。',
  noInForce: '施行中の版はありません。',
  noDraftLead: '公開する条は版ごとに決まっており、承認された版の公開範囲は変更できません。変更するには改正案を作成し、その改正案で公開する条を選んで承認を受けてください。',
  startDraft: '改正案を作成して公開する条を選ぶ',
  startingDraft: '改正案を作成しています…',
  openDraftHeading: '改正案で公開する条',
  inReview: 'この改正案は審査中のため、公開する条を変更できません。差し戻された場合は変更できます。',
  unparsable: '改正案の本文を条に分けられないため、公開する条を選べません。編集画面で本文を直してください。',
  toEditor: '改正案の編集画面へ',
  legend: '外部に周知すべき事項として公開する条',
  selectedCount: (n: number, total: number) => `${total}条のうち${n}条を選択中`,
  selectAll: 'すべて選択',
  clearAll: 'すべて解除',
  empty: 'この改正案には条がありません。',
  save: 'この内容で確定する',
  saving: '確定しています…',
  saved: '公開する条を確定しました。承認されると、施行日からこの内容で公開されます。',
  toDocument: '文書に戻る',
  carry: {
    heading: '外部に周知すべき事項（公開抜粋）の引継ぎ',
    lead: (base: number | null) =>
      base === null ? 'この改正案で公開する条です。' : `第${base}版で公開している条が、この改正案のどの条に引き継がれるかを示します（新旧対照表と同じ対応付け）。`,
    nothing: '公開している条はありません。',
    carried: '引き継がれる条',
    dropped: '削除されるため公開されなくなる条',
    added: 'この改正案で新たに公開する条',
    removed: 'この改正案で公開をやめる条',
    renumbered: '番号変更',
    modified: '本文の改正あり',
    rewritten: '全部改正',
    arrow: '→',
    confirmed: '確認済み：この内容で承認を依頼できます。',
    needsConfirmation: '公開している条に番号の変更・削除・全部改正があります。承認を依頼する前に、引き継ぐ条を確認して確定してください。',
    unchanged: '公開している条は番号を変えずにそのまま引き継がれます（本文の改正は承認時に新旧対照表で確認されます）。',
    review: '公開する条を確認・変更する',
  },
} as const;

/** The shape another locale must satisfy. */
export type TExcerptMessages = Widen<typeof ja>;

export const excerptMessages: TExcerptMessages = ja;
