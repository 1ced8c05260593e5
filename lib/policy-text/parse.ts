import {
  type TCleanLine,
  type TKanaOrder,
  circledNumber,
  cleanLines,
  endsSentence,
  isLabelKana,
  kanaPosition,
  needsJoinSpace,
  parseNumeral,
  toFullWidthDigits,
  toFullWidthKana,
  toHalfWidthAscii,
} from '@/lib/policy-text/normalize';
import {
  type TAnnex,
  type TArticle,
  type TChapter,
  type TItem,
  type TParagraph,
  type TPolicyTree,
  type TSection,
  type TSubItem,
  type TSupplementaryProvision,
  ZPolicyTree,
} from '@/lib/policy-text/tree';
import { findWarekiDate, parseWarekiDate } from '@/lib/policy-text/wareki';

export interface TParseWarning {
  /** 1-based line of the input */
  line: number;
  message: string;
}

export interface TParseError {
  /** 1-based line of the input */
  line: number;
  /** in Japanese, starting with the line: 「12行目: …」 */
  message: string;
  /** what the parser expected at that line */
  expected?: string;
}

export type TParseResult = { ok: true; tree: TPolicyTree; warnings: TParseWarning[] } | { ok: false; errors: TParseError[] };

export interface TParseOptions {
  /** the document's title; used instead of the text's first line, or when the text has none */
  title?: string;
}

type TLabelStyle = 'digit' | 'paren-digit' | 'circled' | 'kanji' | 'kana' | 'paren-kana';

interface TLabel {
  style: TLabelStyle;
  /** as written, without the space after it: (1), ２, ア */
  label: string;
  num: number;
  /** the katakana of ア / (ア) labels, whose number depends on the list's order */
  kana?: string;
  /** the text after the label on the same line */
  rest: string;
}

interface TArticleSpec {
  num: number;
  branch?: number;
  number: string;
  rest: string;
}

type TToken =
  | { kind: 'toc' }
  | { kind: 'supplementary'; heading: string; note?: string }
  | { kind: 'annex' }
  | { kind: 'chapter'; num: number; number: string; title: string }
  | { kind: 'section'; num: number; number: string; title: string }
  | ({ kind: 'article' } & TArticleSpec)
  | { kind: 'label'; label: TLabel }
  | { kind: 'caption'; caption: string }
  | { kind: 'text' };

const MAX_ERRORS = 20;
/** A PDF page holds far fewer than 100 full-width characters a line; wider lines mean unwrapped text. */
const MAX_WRAPPED_WIDTH = 200;

const NUMERAL = '[0-9０-９]{1,4}|[〇一二三四五六七八九十百]{1,8}';
const TOC = /^目[\s　]*次$/;
const SUPPLEMENTARY = /^([付附])[\s　]*則(?:[\s　]*[（(](.*)[）)])?(?:[\s　]*抄)?$/;
const HEADING = new RegExp(`^第(${NUMERAL})(章|節)(.*)$`);
const ARTICLE = new RegExp(`^第(${NUMERAL})(条)?(?:の(${NUMERAL}))?(?=[\\s　（(]|$)`);
const CAPTION = /^[（(]([^（）()。]{1,40})[）)]$/;
const INLINE_CAPTION = /^[（(]([^（）()。]{1,40})[）)][\s　]*/;
const ANNEX_TAG = /^【[^】]{1,30}】/;
const ANNEX_NAMED = /^(別表|別図|別記|別紙|様式)(第[0-9０-９一二三四五六七八九十]{1,4}号?)?/;
const ENACTMENT = /次の(?:ように|とおり)(?:定める|改正する|制定する)/;
const HEADER_PREFIX = /^[（(]?(?:最終|全部|一部)?(?:改正|制定)/;
const HEADER_NUMBER = /^.{0,20}?(?:訓令|告示|規則|条例|要綱|要領|規程|規定|達|通達|通知)(?:甲|乙)?第[0-9〇一二三四五六七八九十百]{1,6}号$/;
const DATE_PREFIX =
  /^(?:(?:明治|大正|昭和|平成|令和)(?:元|[0-9]{1,2}|[〇一二三四五六七八九十]{1,4})年(?:[0-9]{1,2}|[〇一二三四五六七八九十]{1,3})月(?:[0-9]{1,2}|[〇一二三四五六七八九十]{1,3})日|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})/;

function parseLabel(text: string): TLabel | null {
  const parenDigit = /^[(（]([0-9０-９]{1,3})[)）][\s　]*/.exec(text);
  if (parenDigit?.[1]) return label('paren-digit', parenDigit[0], Number(parseNumeral(parenDigit[1])), text);
  const parenKana = /^[(（]([ァ-ヺｦ-ﾝ])[)）][\s　]*/.exec(text);
  if (parenKana?.[1] && isLabelKana(parenKana[1])) return kanaLabel('paren-kana', parenKana[0], parenKana[1], text);
  const circled = circledNumber(text.charAt(0));
  if (circled !== null) {
    const head = /^.[\s　]*/u.exec(text)?.[0] ?? text.charAt(0);
    return label(text.charCodeAt(0) >= 0x2474 ? 'paren-digit' : 'circled', head, circled, text);
  }
  const kanji = /^([一二三四五六七八九十]{1,4})(?:[\s　]+|$)/.exec(text);
  const kanjiNum = kanji?.[1] ? parseNumeral(kanji[1]) : null;
  if (kanji && kanjiNum !== null && kanjiNum < 100) return label('kanji', kanji[0], kanjiNum, text);
  const kana = /^([ァ-ヺｦ-ﾝ])(?:[\s　]+|$)/.exec(text);
  if (kana?.[1] && isLabelKana(kana[1])) return kanaLabel('kana', kana[0], kana[1], text);
  const digit = /^([0-9０-９]{1,3})(?:[.．)）](?![0-9０-９])[\s　]*|[\s　]+)/.exec(text);
  if (digit?.[1]) return label('digit', digit[0], Number(parseNumeral(digit[1])), text);
  return null;
}

function label(style: TLabelStyle, head: string, num: number, text: string): TLabel {
  return { style, label: head.trim(), num, rest: text.slice(head.length).trim() };
}

function kanaLabel(style: TLabelStyle, head: string, kana: string, text: string): TLabel {
  const full = toFullWidthKana(kana);
  const num = kanaPosition(full, 'aiueo') ?? kanaPosition(full, 'iroha') ?? 1;
  return { ...label(style, head, num, text), kana: full };
}

function parseHeading(text: string): TToken | null {
  const match = HEADING.exec(text);
  if (!match?.[1]) return null;
  const rest = match[3] ?? '';
  // 「第１章の規定により」 is a wrapped sentence, not a heading
  if (rest !== '' && !/^[\s　]/.test(rest) && /^[ぁ-ゖ、。，．）)」の]/.test(rest)) return null;
  const num = parseNumeral(match[1]);
  if (num === null || num < 1) return null;
  const kind = match[2] === '章' ? 'chapter' : 'section';
  return { kind, num, number: `第${num}${match[2]}`, title: rest.trim() };
}

function parseArticle(text: string): TToken | null {
  const match = ARTICLE.exec(text);
  if (!match?.[1]) return null;
  const num = parseNumeral(match[1]);
  const branch = match[3] ? parseNumeral(match[3]) : undefined;
  if (num === null || num < 1 || branch === null || branch === 0) return null;
  const withJo = match[2] === '条';
  const number = withJo
    ? `第${num}条${branch ? `の${branch}` : ''}`
    : `第${toFullWidthDigits(num)}${branch ? `の${toFullWidthDigits(branch)}` : ''}`;
  return { kind: 'article', num, ...(branch ? { branch } : {}), number, rest: text.slice(match[0].length).trim() };
}

function isAnnexHeading(text: string): boolean {
  if (ANNEX_TAG.test(text)) return true;
  const named = ANNEX_NAMED.exec(text);
  if (!named) return false;
  const rest = text.slice(named[0].length);
  return rest === '' || (/^[\s　（(]/.test(rest) && rest.length <= 40 && !/[、。]/.test(rest));
}

function classifyLine(text: string): TToken {
  if (TOC.test(text)) return { kind: 'toc' };
  const supplementary = SUPPLEMENTARY.exec(text);
  if (supplementary?.[1]) {
    const note = supplementary[2]?.trim();
    return { kind: 'supplementary', heading: `${supplementary[1]}則`, ...(note ? { note } : {}) };
  }
  if (isAnnexHeading(text)) return { kind: 'annex' };
  const heading = parseHeading(text) ?? parseArticle(text);
  if (heading) return heading;
  const parsedLabel = parseLabel(text);
  if (parsedLabel) return { kind: 'label', label: parsedLabel };
  const caption = CAPTION.exec(text);
  if (caption?.[1]) return { kind: 'caption', caption: caption[1].trim() };
  return { kind: 'text' };
}

/** The line opens a block of its own (a number, label, caption or heading), so needs no indent. */
export function startsStructure(text: string): boolean {
  return classifyLine(text).kind !== 'text';
}

function isHeaderLine(text: string): boolean {
  if (text.length > 80) return false;
  const compact = toHalfWidthAscii(text).replace(/\s+/g, '');
  if (HEADER_PREFIX.test(compact)) return true;
  let rest = compact;
  const date = DATE_PREFIX.exec(rest);
  if (date && parseWarekiDate(date[0])) {
    rest = rest.slice(date[0].length).replace(/^(?:制定|決定|施行|公布|改正)$/, '');
    if (rest === '') return true;
  }
  return HEADER_NUMBER.test(rest);
}

function isTitleLine(text: string): boolean {
  return text.length <= 100 && !endsSentence(text) && !isHeaderLine(text);
}

/** 例規集 pages mark titles with ○; ○○市 is a placeholder name and keeps its marks. */
function stripTitleMarker(text: string): string {
  if (!/^[○◯][^○◯]/.test(text)) return text;
  const stripped = text.slice(1).trim();
  return classifyLine(stripped).kind === 'text' && isTitleLine(stripped) ? stripped : text;
}

/** A caption's text; never something that reads as a label once bracketed: （１）, （ア）. */
function isCaptionText(text: string): boolean {
  return text !== '' && !/^(?:[0-9０-９]+|[一二三四五六七八九十]+|[ァ-ヺｦ-ﾝ])$/.test(text);
}

function isCaptionWord(word: string): boolean {
  return (
    word.length <= 20 &&
    isCaptionText(word) &&
    !/[、。，．「」『』（）()：:]/.test(word) &&
    !/^[ぁ-ゖ]/.test(word) &&
    /[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]$/.test(word)
  );
}

/**
 * The caption written after the article number: 第1条（目的）…, 第1条 目的 …, or a bare
 * 第1条 目的 whose text follows on the next line.
 */
function parseInlineCaption(rest: string, bareCaptionAllowed: boolean): { caption?: string; text: string } {
  const paren = INLINE_CAPTION.exec(rest);
  const parenText = paren?.[1]?.trim();
  if (paren && parenText && isCaptionText(parenText)) return { caption: parenText, text: rest.slice(paren[0].length) };
  if (rest === '削除') return { text: rest };
  const spaced = /^(\S{1,20})[\s　]+/.exec(rest);
  if (spaced?.[1] && isCaptionWord(spaced[1])) return { caption: spaced[1], text: rest.slice(spaced[0].length) };
  if (bareCaptionAllowed && isCaptionWord(rest)) return { caption: rest, text: '' };
  return { text: rest };
}

/** Whether an article's text can follow its number on one line without being read as a caption. */
export function keepsTextAfterNumber(text: string): boolean {
  const read = parseInlineCaption(text, false);
  return read.caption === undefined && read.text === text;
}

/**
 * Width from which a line counts as filled to the right margin, i.e. wrapped by the layout
 * rather than ended by the author: 85% of the width most long lines reach.
 */
function wrapThreshold(lines: TCleanLine[]): number {
  if (lines.length < 5) return Infinity;
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const full = widths[Math.floor((widths.length - 1) * 0.95)] ?? 0;
  return full > MAX_WRAPPED_WIDTH ? Infinity : full * 0.85;
}

function effectiveDateOf(provision: TSupplementaryProvision): string | null {
  for (const paragraph of provision.paragraphs) {
    if (!paragraph.includes('施行')) continue;
    const date = findWarekiDate(paragraph);
    if (date) return date;
    // 「公布の日から施行する」: the day of promulgation is the one the heading's note names
    if (paragraph.includes('公布の日から施行') && provision.note) return findWarekiDate(provision.note);
  }
  return null;
}

function emptyTree(): TPolicyTree {
  return {
    title: '',
    header: [],
    toc: [],
    preamble: [],
    articles: [],
    chapters: [],
    items: [],
    supplementaryProvisions: [],
    annexes: [],
  };
}

interface TItemList {
  list: TItem[];
  idPrefix: string;
  style?: TLabelStyle;
  order: TKanaOrder;
}

class PolicyTextParser {
  private readonly tokens: TToken[];
  private readonly threshold: number;
  private readonly tree = emptyTree();
  private readonly warnings: TParseWarning[] = [];
  private readonly errors: TParseError[] = [];
  private readonly ids = new Set<string>();
  private readonly idSuffixes = new Map<string, number>();
  private prev: TCleanLine | undefined;
  /** index of the line being consumed */
  private index = 0;
  private hasArticles = false;
  private plainArticles = false;
  private declaration = false;
  private chapter: TChapter | undefined;
  private section: TSection | undefined;
  private article: TArticle | undefined;
  private paragraph: TParagraph | undefined;
  private items: TItemList | undefined;
  private item: TItem | undefined;
  private subItem: TSubItem | undefined;
  private subStyle: TLabelStyle | undefined;
  private subOrder: TKanaOrder = 'aiueo';
  private supplementary: TSupplementaryProvision | undefined;
  private annex: TAnnex | undefined;
  private pendingCaption: string | undefined;
  private lastArticle: { key: number; number: string } | undefined;

  constructor(
    private readonly lines: TCleanLine[],
    private readonly options: TParseOptions,
  ) {
    this.tokens = lines.map((line) => classifyLine(line.text));
    this.threshold = wrapThreshold(lines);
  }

  run(): TParseResult {
    const bodyStart = this.parseFrontMatter();
    if (!this.scanBody(bodyStart)) {
      return {
        ok: false,
        errors: [
          {
            line: 1,
            message: '1行目: 条・号が見つかりません。本文に条（第１、第1条 など）、章（第1章 など）又は番号付きの項目（(1)、1 など）がありません。',
            expected: '第１ 又は 第1条 で始まる条、第1章 などの章、又は (1)・1 などの番号付きの項目',
          },
        ],
      };
    }
    for (let i = bodyStart; i < this.lines.length && this.errors.length < MAX_ERRORS; i++) this.consume(i);
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    this.setEffectiveDates();
    const checked = ZPolicyTree.safeParse(this.tree);
    if (!checked.success) {
      return { ok: false, errors: [{ line: 1, message: `1行目: 解析結果が例規の構造になりません（${checked.error.issues[0]?.message ?? ''}）。` }] };
    }
    return { ok: true, tree: this.tree, warnings: this.warnings };
  }

  /** Title, header, 目次, 制定文 and 前文: everything before the first chapter, article or item. */
  private parseFrontMatter(): number {
    let i = 0;
    const first = this.lines[0];
    const detected = first && this.tokens[0]?.kind === 'text' && isTitleLine(first.text) ? stripTitleMarker(first.text) : undefined;
    if (first && detected !== undefined) i = 1;
    const given = this.options.title?.trim();
    this.tree.title = given || detected || '';
    if (first && given && detected && given !== detected) {
      this.warn(first, `本文の表題「${detected}」の代わりに、指定された表題「${given}」を使います。`);
    }
    while (i < this.lines.length && this.tokens[i]?.kind === 'text' && isHeaderLine(this.lines[i]?.text ?? '')) {
      this.tree.header.push(this.lines[i]?.text ?? '');
      i++;
    }
    const paragraphs: string[] = [];
    this.prev = undefined;
    while (i < this.lines.length) {
      const line = this.lines[i];
      if (!line) break;
      if (this.tokens[i]?.kind === 'toc') {
        i = this.parseToc(i + 1);
        this.prev = undefined;
        continue;
      }
      if (this.startsBody(i)) break;
      const last = paragraphs.length - 1;
      if (last < 0 || this.isBreak(line)) paragraphs.push(line.text);
      else paragraphs[last] = this.join(paragraphs[last] ?? '', line);
      this.prev = line;
      i++;
    }
    const enactment = paragraphs.findIndex((p) => ENACTMENT.test(p) && endsSentence(p));
    if (enactment >= 0) this.tree.enactment = paragraphs[enactment];
    this.tree.preamble = paragraphs.filter((_, index) => index !== enactment);
    return i;
  }

  /** 目次 entries end where the numbering starts again: the real 第1章 after the listed one. */
  private parseToc(start: number): number {
    const seen = new Set<string>();
    let chapter = 0;
    let i = start;
    for (; i < this.lines.length; i++) {
      const token = this.tokens[i];
      const line = this.lines[i];
      if (!token || !line) break;
      let key: string;
      if (token.kind === 'chapter') key = `ch${(chapter = token.num)}`;
      else if (token.kind === 'section') key = `ch${chapter}-sec${token.num}`;
      else if (token.kind === 'article' && !token.rest.includes('。')) key = `a${token.num}-${token.branch ?? 0}`;
      else if (token.kind === 'supplementary') key = 'supplementary';
      else break;
      if (seen.has(key)) break;
      seen.add(key);
      this.tree.toc.push(line.text);
    }
    return i;
  }

  private startsBody(i: number): boolean {
    const kind = this.tokens[i]?.kind;
    if (kind === 'caption') return this.captionStartsArticle(i);
    return kind !== undefined && kind !== 'text' && kind !== 'toc';
  }

  private captionStartsArticle(i: number): boolean {
    const next = this.tokens[i + 1];
    return next?.kind === 'article' || (next?.kind === 'label' && next.label.style === 'digit');
  }

  /** Looks ahead over the body (up to the 付則) for what the text is built of. */
  private scanBody(start: number): boolean {
    let structured = false;
    for (let i = start; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (!token || token.kind === 'supplementary' || token.kind === 'annex') break;
      if (token.kind === 'article') this.hasArticles = true;
      if (token.kind === 'caption' && this.tokens[i + 1]?.kind === 'label') {
        const next = this.tokens[i + 1];
        if (next?.kind === 'label' && next.label.style === 'digit') this.plainArticles = this.hasArticles = true;
      }
      if (token.kind === 'chapter' || token.kind === 'article' || token.kind === 'label') structured = true;
    }
    return structured;
  }

  private consume(i: number): void {
    const line = this.lines[i];
    const token = this.tokens[i];
    if (!line || !token) return;
    this.index = i;
    if (this.annex && token.kind !== 'annex') this.annex.lines.push(line.text);
    else if (token.kind === 'annex') this.startAnnex(line);
    else if (token.kind === 'supplementary') this.startSupplementary(token);
    else if (this.supplementary) this.addSupplementaryLine(line, token);
    else this.consumeBodyLine(i, line, token);
    this.prev = line;
  }

  private consumeBodyLine(i: number, line: TCleanLine, token: TToken): void {
    switch (token.kind) {
      case 'chapter':
        return this.startChapter(line, token);
      case 'section':
        return this.startSection(line, token);
      case 'article':
        return this.startArticle(line, token);
      case 'label':
        return this.addLabel(line, token.label);
      case 'caption':
        if (this.captionStartsArticle(i)) {
          this.pendingCaption = token.caption;
          return;
        }
        return this.appendText(line);
      default:
        return this.appendText(line);
    }
  }

  private startChapter(line: TCleanLine, token: { num: number; number: string; title: string }): void {
    const last = this.tree.chapters.at(-1);
    if (last && token.num <= last.num) {
      this.error(line, `${token.number}が${last.number}の後にあります。章番号が重複しているか、順序が誤っています。`, `${last.number}より後の章番号`);
    }
    const chapter: TChapter = {
      type: 'chapter',
      id: this.uniqueId(`ch${token.num}`),
      number: token.number,
      num: token.num,
      title: token.title,
      articles: [],
      sections: [],
    };
    this.tree.chapters.push(chapter);
    this.chapter = chapter;
    this.section = undefined;
    this.closeArticle();
  }

  private startSection(line: TCleanLine, token: { num: number; number: string; title: string }): void {
    const chapter = this.chapter;
    if (!chapter) {
      this.error(line, `${token.number}が章の外にあります。`, `${token.number}の前に 第1章 などの章`);
      return;
    }
    const last = chapter.sections.at(-1);
    if (last && token.num <= last.num) {
      this.error(line, `${token.number}が${last.number}の後にあります。節番号が重複しているか、順序が誤っています。`, `${last.number}より後の節番号`);
    }
    const section: TSection = {
      type: 'section',
      id: this.uniqueId(`${chapter.id}-sec${token.num}`),
      number: token.number,
      num: token.num,
      title: token.title,
      articles: [],
    };
    chapter.sections.push(section);
    this.section = section;
    this.closeArticle();
  }

  private startArticle(line: TCleanLine, spec: TArticleSpec): void {
    const key = spec.num * 10_000 + (spec.branch ?? 0);
    const last = this.lastArticle;
    if (last && key <= last.key) {
      this.error(line, `${spec.number}が${last.number}の後にあります。条番号が重複しているか、順序が誤っています。`, `${last.number}より後の条番号`);
    }
    this.lastArticle = { key, number: spec.number };
    const pending = this.pendingCaption;
    this.pendingCaption = undefined;
    const bareCaptionAllowed = line.width < this.threshold && this.tokens[this.index + 1]?.kind === 'text';
    const { caption, text } = pending !== undefined ? { caption: pending, text: spec.rest } : parseInlineCaption(spec.rest, bareCaptionAllowed);
    const id = this.uniqueId(`a${spec.num}${spec.branch ? `-${spec.branch}` : ''}`);
    const paragraph: TParagraph = { type: 'paragraph', id: this.uniqueId(`${id}-p1`), num: 1, text, items: [] };
    const article: TArticle = {
      type: 'article',
      id,
      number: spec.number,
      num: spec.num,
      ...(spec.branch ? { branch: spec.branch } : {}),
      ...(caption ? { caption } : {}),
      paragraphs: [paragraph],
    };
    (this.section?.articles ?? this.chapter?.articles ?? this.tree.articles).push(article);
    this.article = article;
    this.setParagraph(paragraph, `${id}-`);
  }

  private setParagraph(paragraph: TParagraph, idPrefix: string): void {
    this.paragraph = paragraph;
    this.items = { list: paragraph.items, idPrefix, order: 'aiueo' };
    this.item = undefined;
    this.subItem = undefined;
  }

  private closeArticle(): void {
    this.article = undefined;
    this.paragraph = undefined;
    this.items = undefined;
    this.item = undefined;
    this.subItem = undefined;
    this.pendingCaption = undefined;
  }

  private addLabel(line: TCleanLine, parsed: TLabel): void {
    if (this.plainArticles && parsed.style === 'digit') {
      this.startArticle(line, { num: parsed.num, number: String(parsed.num), rest: parsed.rest });
      return;
    }
    if (!this.article && !this.declaration) {
      if (this.hasArticles) {
        this.error(line, `「${parsed.label}」（号又は項の番号）が条より前にあります。`, '第１ 又は 第1条 で始まる条');
        return;
      }
      this.declaration = true;
      this.items = { list: this.tree.items, idPrefix: '', order: 'aiueo' };
    }
    if (this.article && parsed.style === 'digit' && this.items?.style !== 'digit' && parsed.num >= 2) {
      this.startParagraph(line, this.article, parsed);
      return;
    }
    const items = this.items;
    if (!items) return this.appendText(line);
    if (!items.style || parsed.style === items.style || !this.item) this.startItem(line, items, parsed);
    else this.startSubItem(line, this.item, parsed);
  }

  private startParagraph(line: TCleanLine, article: TArticle, parsed: TLabel): void {
    const expected = article.paragraphs.length + 1;
    if (parsed.num !== expected) this.warn(line, `項番号「${parsed.label}」は${toFullWidthDigits(expected)}であるはずの位置にあります。`);
    const id = this.uniqueId(`${article.id}-p${parsed.num}`);
    const paragraph: TParagraph = { type: 'paragraph', id, num: parsed.num, text: parsed.rest, items: [] };
    article.paragraphs.push(paragraph);
    this.setParagraph(paragraph, `${id}-`);
  }

  private startItem(line: TCleanLine, items: TItemList, parsed: TLabel): void {
    if (!items.style) {
      items.style = parsed.style;
      items.order = parsed.kana === 'イ' ? 'iroha' : 'aiueo';
    }
    const num = this.labelNumber(parsed, items.order);
    const previous = items.list.at(-1);
    if (num !== (previous?.num ?? 0) + 1) this.warn(line, `「${parsed.label}」の番号が連続していません。`);
    const item: TItem = {
      type: 'item',
      id: this.uniqueId(`${items.idPrefix}i${num}`),
      label: parsed.label,
      num,
      text: parsed.rest,
      body: [],
      subItems: [],
    };
    items.list.push(item);
    this.item = item;
    this.subItem = undefined;
  }

  private startSubItem(line: TCleanLine, item: TItem, parsed: TLabel): void {
    if (item.subItems.length === 0) {
      this.subStyle = parsed.style;
      this.subOrder = parsed.kana === 'イ' ? 'iroha' : 'aiueo';
    } else if (parsed.style !== this.subStyle) {
      this.warn(line, `「${parsed.label}」は三段目以下の細分のため、号の細分として扱いました。`);
    }
    const num = this.labelNumber(parsed, this.subOrder);
    const subItem: TSubItem = { type: 'subitem', id: this.uniqueId(`${item.id}-s${num}`), label: parsed.label, num, text: parsed.rest };
    item.subItems.push(subItem);
    this.subItem = subItem;
  }

  private labelNumber(parsed: TLabel, order: TKanaOrder): number {
    if (!parsed.kana) return parsed.num;
    return kanaPosition(parsed.kana, order) ?? kanaPosition(parsed.kana, order === 'aiueo' ? 'iroha' : 'aiueo') ?? parsed.num;
  }

  private appendText(line: TCleanLine): void {
    if (this.subItem) this.subItem.text = this.join(this.subItem.text, line);
    else if (this.item) this.appendToItem(this.item, line);
    else if (this.paragraph) this.paragraph.text = this.join(this.paragraph.text, line);
    else if (this.section) this.section.title = this.join(this.section.title, line);
    else if (this.chapter) this.chapter.title = this.join(this.chapter.title, line);
    else this.warn(line, '条又は号に属さない行のため、読み飛ばしました。');
  }

  /**
   * An item's own line holds its text (a definition's term); what follows after a paragraph
   * break is its body: the explanation, then 「また、」-style further paragraphs.
   */
  private appendToItem(item: TItem, line: TCleanLine): void {
    const last = item.body.length - 1;
    if (last < 0 && item.text === '') item.text = line.text;
    else if (this.isBreak(line)) item.body.push(line.text);
    else if (last < 0) item.text = this.join(item.text, line);
    else item.body[last] = this.join(item.body[last] ?? '', line);
  }

  private startSupplementary(token: { heading: string; note?: string }): void {
    this.closeArticle();
    const supplementary: TSupplementaryProvision = {
      type: 'supplementary',
      id: `sp${this.tree.supplementaryProvisions.length + 1}`,
      heading: token.heading,
      ...(token.note ? { note: token.note } : {}),
      paragraphs: [],
    };
    this.tree.supplementaryProvisions.push(supplementary);
    this.supplementary = supplementary;
  }

  private addSupplementaryLine(line: TCleanLine, token: TToken): void {
    const paragraphs = this.supplementary?.paragraphs;
    if (!paragraphs) return;
    const last = paragraphs.length - 1;
    if (last < 0 || token.kind !== 'text' || this.isBreak(line)) paragraphs.push(line.text);
    else paragraphs[last] = this.join(paragraphs[last] ?? '', line);
  }

  private startAnnex(line: TCleanLine): void {
    this.closeArticle();
    this.supplementary = undefined;
    this.annex = { type: 'annex', id: `annex${this.tree.annexes.length + 1}`, title: line.text, lines: [] };
    this.tree.annexes.push(this.annex);
  }

  private setEffectiveDates(): void {
    for (const provision of this.tree.supplementaryProvisions) {
      const date = effectiveDateOf(provision);
      if (date) provision.effectiveDate = date;
    }
  }

  /**
   * Whether a line starts a new paragraph rather than continuing the previous one. PDF text
   * loses most indentation, so the reliable signals are: a typed full-width space at the start,
   * a previous line ending a sentence, or a previous line that stops short of the right margin.
   */
  private isBreak(line: TCleanLine): boolean {
    const prev = this.prev;
    return !prev || line.fwIndent || endsSentence(prev.text) || prev.width < this.threshold;
  }

  private join(text: string, line: TCleanLine): string {
    if (text === '') return line.text;
    return this.prev && needsJoinSpace(this.prev.text, line.text) ? `${text} ${line.text}` : text + line.text;
  }

  /** Ids repeat only in malformed numbering ((1) twice); the suffix keeps anchors unique. */
  private uniqueId(base: string): string {
    let id = base;
    let n = this.idSuffixes.get(base) ?? 1;
    while (this.ids.has(id)) id = `${base}-x${++n}`;
    this.idSuffixes.set(base, n);
    this.ids.add(id);
    return id;
  }

  private warn(line: TCleanLine, message: string): void {
    this.warnings.push({ line: line.no, message: `${line.no}行目: ${message}` });
  }

  private error(line: TCleanLine, message: string, expected?: string): void {
    this.errors.push({ line: line.no, message: `${line.no}行目: ${message}`, ...(expected ? { expected } : {}) });
  }
}

/**
 * Parses a regulation text (例規) — typically extracted from a PDF — into a TPolicyTree.
 * Never throws; text it cannot structure gives `{ ok: false, errors }` naming the line.
 */
export function parsePolicyText(text: string, options: TParseOptions = {}): TParseResult {
  try {
    const lines = typeof text === 'string' ? cleanLines(text) : [];
    if (lines.length === 0) return { ok: false, errors: [{ line: 1, message: '1行目: 本文が空です。', expected: '例規の本文' }] };
    return new PolicyTextParser(lines, options ?? {}).run();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, errors: [{ line: 1, message: `1行目: 本文を解析できませんでした（${detail}）。` }] };
  }
}
