import { type TCleanLine, type TKanaOrder, cleanLines, endsSentence, joinWrapped } from '@/lib/policy-text/normalize';
import { splitInlineCaption } from '@/lib/policy-text/deep/captions';
import { setEffectiveDates } from '@/lib/policy-text/deep/effective-dates';
import { ENACTMENT, isHeaderLine, isTitleLine, stripTitleMarker } from '@/lib/policy-text/deep/front-matter';
import { type TLabel, type TLabelStyle, kanaOrderOf, labelNumber } from '@/lib/policy-text/deep/labels';
import { placeLabel } from '@/lib/policy-text/deep/levels';
import { type TTableSpan, type TToken, alignedCells, classifyLine, findTables } from '@/lib/policy-text/deep/lines';
import {
  DEEP_TREE_VERSION,
  type TAppendix,
  type TDeepTree,
  type TGroupKind,
  type TNode,
  type TRemarks,
  type TSupplementary,
  type TTable,
  emptyNode,
} from '@/lib/policy-text/deep/tree';

export interface TDeepParseWarning {
  /** 1-based line of the input */
  line: number;
  message: string;
}

export type TDeepParseResult =
  | { ok: true; tree: TDeepTree; warnings: TDeepParseWarning[] }
  | { ok: false; errors: TDeepParseWarning[] };

export interface TDeepParseOptions {
  /** the document's title; used instead of the text's first line, or when the text has none */
  title?: string;
}

/** A node or an appendix: whatever holds sentences, tables, children and remarks. */
type THost = TNode | TAppendix;

interface TLevel {
  style: TLabelStyle;
  order: TKanaOrder;
  node: TNode;
  /** the node the level's labels hang under */
  parent: THost;
  /** anchor prefix of the level's nodes: a7-i, a7-i3-s */
  idPrefix: string;
}

/** Where labelled lists hang: an article's paragraph, a declaration, an appendix, a 附則. */
interface TScope {
  family: 'body' | 'appendix' | 'supplementary';
  /** the paragraph (or appendix, or declaration root) level-1 labels hang under */
  base: THost;
  baseIdPrefix: string;
  levels: TLevel[];
  article?: TNode;
  paragraph?: TNode;
  supplementary?: TSupplementary;
}

interface TRemarksState {
  remarks: TRemarks;
  style?: TLabelStyle;
  last: number;
}

const MAX_WRAPPED_WIDTH = 200;
const GROUP_RANK: Record<TGroupKind, number> = { part: 0, chapter: 1, section: 2, subsection: 3, division: 4 };
const GROUP_SUFFIX: Record<TGroupKind, string> = { part: 'pt', chapter: 'ch', section: 'sec', subsection: 'sub', division: 'div' };
/** Width from which a line counts as filled to the right margin (wrapped by the layout). */
function wrapThreshold(lines: readonly TCleanLine[]): number {
  if (lines.length < 5) return Infinity;
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const full = widths[Math.floor((widths.length - 1) * 0.95)] ?? 0;
  return full > MAX_WRAPPED_WIDTH ? Infinity : full * 0.85;
}

const RUNNING_MIN = 3;

/**
 * Lines a PDF repeats on every page (the document's name, a 「取扱注意」 mark): text lines without
 * a full stop that occur three times or more, at least once among the main provisions. The first
 * line is kept when it is the title. Table rows repeated in several tables stay, and so do form
 * lines repeated in several 様式 (年　月　日), as they occur in appendices only.
 */
function runningHeaders(lines: readonly TCleanLine[], tokens: readonly TToken[]): Set<number> {
  const mainEnd = tokens.findIndex((t) => t.kind === 'supplementary' || t.kind === 'appendix');
  const seen = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (tokens[i]?.kind !== 'text' || line.text.length > 60 || line.text.includes('。') || alignedCells(line.text)) return;
    const list = seen.get(line.text);
    if (list) list.push(i);
    else seen.set(line.text, [i]);
  });
  const out = new Set<number>();
  for (const indices of seen.values()) {
    if (indices.length < RUNNING_MIN || !indices.some((i) => i > 0 && (mainEnd < 0 || i < mainEnd))) continue;
    for (const i of indices) if (i > 0) out.add(i);
  }
  return out;
}

function emptyTree(): TDeepTree {
  return { version: DEEP_TREE_VERSION, title: '', header: [], toc: [], preamble: [], body: [], tail: [] };
}

class DeepParser {
  private readonly tokens: TToken[];
  private readonly tables: Map<number, TTableSpan>;
  private readonly threshold: number;
  private readonly tree = emptyTree();
  private readonly warnings: TDeepParseWarning[] = [];
  private readonly ids = new Set<string>();
  private readonly suffixes = new Map<string, number>();
  private readonly styleDepth = { body: new Map<TLabelStyle, number>(), appendix: new Map<TLabelStyle, number>(), supplementary: new Map<TLabelStyle, number>() };
  private prev: TCleanLine | undefined;
  private hasArticles = false;
  /** the label style of `1 目的`-style articles */
  private articleStyle: TLabelStyle | undefined;
  /** each 章 numbers its `1 目的`-style units from 1 again: their anchors carry the group's (ch2-a1) */
  private restartsPerGroup = false;
  private groupSinceArticle = false;
  private lastArticle: TNode | undefined;
  private groups: TNode[] = [];
  private scope: TScope | undefined;
  private unit: TSupplementary | TAppendix | undefined;
  private pendingCaption: string | undefined;
  /** the line of a 項見出し, kept as text when no 項 follows */
  private pendingCaptionLine: TCleanLine | undefined;
  private remarks: TRemarksState | undefined;
  private lastTable: TTable | undefined;

  private readonly lines: TCleanLine[];

  constructor(
    allLines: TCleanLine[],
    private readonly options: TDeepParseOptions,
  ) {
    const allTokens = allLines.map((line) => classifyLine(line.text));
    const running = runningHeaders(allLines, allTokens);
    this.lines = running.size === 0 ? allLines : allLines.filter((_, i) => !running.has(i));
    this.tokens = running.size === 0 ? allTokens : allTokens.filter((_, i) => !running.has(i));
    const dropped = [...running].find((i) => i > 0);
    if (dropped !== undefined) this.warn(allLines[dropped], `繰り返し現れる行「${allLines[dropped]?.text ?? ''}」をページの見出し又は脚注とみなし、読み飛ばしました。`);
    this.tables = findTables(this.lines, this.tokens);
    this.threshold = wrapThreshold(this.lines);
  }

  run(): TDeepParseResult {
    const bodyStart = this.parseFrontMatter();
    this.scanBody(bodyStart);
    for (let i = bodyStart; i < this.lines.length; i++) {
      const span = this.tables.get(i);
      if (span) {
        this.addTable(span);
        i = span.end - 1;
        this.prev = this.lines[i];
        continue;
      }
      const line = this.lines[i];
      const token = this.tokens[i];
      if (!line || !token) continue;
      this.consume(i, line, token);
      this.prev = line;
    }
    if (this.tree.body.length === 0 && this.tree.tail.length === 0) {
      return {
        ok: false,
        errors: [{ line: 1, message: '1行目: 条・号が見つかりません。本文に条（第１、第1条 など）、章（第1章 など）又は番号付きの項目（(1)、1 など）がありません。' }],
      };
    }
    this.setEffectiveDates();
    return { ok: true, tree: this.tree, warnings: this.warnings };
  }

  // ---- front matter -------------------------------------------------------------------------

  private parseFrontMatter(): number {
    let i = 0;
    const first = this.lines[0];
    const detected = first && this.tokens[0]?.kind === 'text' && isTitleLine(first.text) ? stripTitleMarker(first.text) : undefined;
    if (detected !== undefined) i = 1;
    this.tree.title = this.options.title?.trim() || detected || '';
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
      else paragraphs[last] = joinWrapped(paragraphs[last] ?? '', line.text);
      this.prev = line;
      i++;
    }
    const enactment = paragraphs.findIndex((p) => ENACTMENT.test(p) && endsSentence(p));
    if (enactment >= 0) this.tree.enactment = paragraphs[enactment];
    this.tree.preamble = paragraphs.filter((_, index) => index !== enactment);
    this.prev = undefined;
    return i;
  }

  /** 目次 entries end where the numbering starts again, at 「本文」, or at a line that is no entry. */
  private parseToc(start: number): number {
    const seen = new Set<string>();
    let chapter = 0;
    let i = start;
    for (; i < this.lines.length; i++) {
      const token = this.tokens[i];
      const line = this.lines[i];
      if (!token || !line) break;
      if (token.kind === 'body-marker') return i + 1;
      let key: string;
      if (token.kind === 'group') key = token.group === 'chapter' ? `ch${(chapter = token.num)}` : `${token.group}${chapter}-${token.num}`;
      else if (token.kind === 'article' && !token.rest.includes('。')) key = `a${token.num}-${token.branch ?? 0}`;
      else if (token.kind === 'label' && token.labels[0] && !token.labels[0].rest.includes('。') && token.labels[0].rest.length <= 40) {
        key = `l${token.labels[0].style}-${token.labels[0].num}`;
      } else if (token.kind === 'supplementary') key = 'sp';
      else if (token.kind === 'appendix') key = `ap${token.label}`;
      else break;
      if (seen.has(key)) break;
      seen.add(key);
      this.tree.toc.push(line.text.replace(/[\s\u3000]+/, '\u3000'));
    }
    return i;
  }

  private startsBody(i: number): boolean {
    const token = this.tokens[i];
    if (!token) return false;
    if (token.kind === 'caption') return this.captionStartsArticle(i);
    return token.kind === 'group' || token.kind === 'article' || token.kind === 'label' || token.kind === 'supplementary' || token.kind === 'appendix' || this.tables.has(i);
  }

  private captionStartsArticle(i: number): boolean {
    const next = this.tokens[i + 1];
    if (next?.kind === 'article') return true;
    if (next?.kind !== 'label') return false;
    return this.articleStyle === undefined ? !this.hasArticles : next.labels.some((l) => l.style === this.articleStyle);
  }

  /** Whether the text is built of 第N条 articles, of `1 目的`-style articles or of a plain list. */
  private scanBody(start: number): void {
    let firstLabel: { index: number; label: TLabel } | undefined;
    for (let i = start; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (!token || token.kind === 'supplementary' || token.kind === 'appendix') break;
      if (token.kind === 'article') {
        this.hasArticles = true;
        return;
      }
      if (token.kind === 'label' && !firstLabel && token.labels[0]) firstLabel = { index: i, label: token.labels[0] };
    }
    if (!firstLabel) return;
    const style = firstLabel.label.style;
    for (let i = firstLabel.index; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (!token || token.kind === 'supplementary' || token.kind === 'appendix') break;
      if (token.kind !== 'label') continue;
      const label = token.labels.find((l) => l.style === style);
      if (!label) continue;
      // a unit with a caption and a body: a list of short phrases alone stays a list
      const captionAbove = this.tokens[i - 1]?.kind === 'caption';
      const next = this.tokens[i + 1];
      const body = next?.kind === 'text' || (next?.kind === 'label' && !next.labels.some((l) => l.style === style));
      const bare = this.bareCaptionAllowed(i) && body;
      if (captionAbove || splitInlineCaption(label.rest, bare).caption !== undefined) {
        this.articleStyle = style;
        this.hasArticles = true;
        this.restartsPerGroup = this.countRestarts(start, style) >= 2;
        return;
      }
    }
  }

  /** How many groups (章, 節 …) begin their `1 目的`-style units again at 1. */
  private countRestarts(start: number, style: TLabelStyle): number {
    let restarts = 0;
    let afterGroup = false;
    for (let i = start; i < this.tokens.length; i++) {
      const token = this.tokens[i];
      if (!token || token.kind === 'supplementary' || token.kind === 'appendix') break;
      if (token.kind === 'group') afterGroup = true;
      else if (token.kind === 'label' && afterGroup && token.labels.some((l) => l.style === style && l.num === 1)) {
        restarts++;
        afterGroup = false;
      } else if (token.kind !== 'caption') afterGroup = false;
    }
    return restarts;
  }

  private bareCaptionAllowed(i: number): boolean {
    const line = this.lines[i];
    // a short line is not wrapped, so a caption word alone on it is the whole caption
    return line !== undefined && line.width < this.threshold;
  }

  // ---- body --------------------------------------------------------------------------------

  private consume(i: number, line: TCleanLine, token: TToken): void {
    if (this.remarks && this.continueRemarks(line, token)) return;
    this.remarks = undefined;
    const afterTable = this.lastTable;
    this.lastTable = undefined;
    switch (token.kind) {
      case 'supplementary':
        return this.startSupplementary(token);
      case 'appendix':
        return this.startAppendix(token);
      case 'group':
        if (this.unit) return this.appendText(line);
        return this.startGroup(token);
      case 'article':
        return this.startArticle(token.label, token.num, token.branch, token.rest, i);
      case 'caption':
        if (this.unit?.kind !== 'appendix' && this.captionStartsArticle(i)) {
          this.pendingCaption = token.caption;
          return;
        }
        // a 項 with its own caption (項見出し): （経過措置） before ２
        if ((this.scope?.article || this.unit?.kind === 'supplementary') && this.tokens[i + 1]?.kind === 'label') {
          this.pendingCaption = token.caption;
          this.pendingCaptionLine = line;
          return;
        }
        return this.appendText(line);
      case 'remarks':
        return this.startRemarks(token.label, token.rest, afterTable);
      case 'label':
        return this.addLabel(i, line, token.labels);
      default:
        return this.appendText(line);
    }
  }

  private startGroup(token: Extract<TToken, { kind: 'group' }>): void {
    while (this.groups.length > 0 && GROUP_RANK[this.groups.at(-1)?.kind as TGroupKind] >= GROUP_RANK[token.group]) this.groups.pop();
    const parent = this.groups.at(-1);
    const own = `${GROUP_SUFFIX[token.group]}${token.num}${token.branch ? `-${token.branch}` : ''}`;
    const id = token.group === 'chapter' || token.group === 'part' || !parent || parent.kind === 'part' ? own : `${parent.id}-${own}`;
    const group = emptyNode(token.group, this.uniqueId(id), token.label, token.num);
    if (token.branch) group.branch = token.branch;
    group.title = token.title;
    (parent?.children ?? this.tree.body).push(group);
    this.groups.push(group);
    this.groupSinceArticle = true;
    this.scope = undefined;
    this.pendingCaption = undefined;
  }

  private startArticle(label: string, num: number, branch: number | undefined, rest: string, i: number): void {
    const supplementary = this.unit?.kind === 'supplementary' ? this.unit : undefined;
    if (this.unit && !supplementary) return this.appendText(this.lines[i] as TCleanLine);
    const pending = this.pendingCaption;
    this.pendingCaption = undefined;
    this.pendingCaptionLine = undefined;
    const { caption, text } = pending !== undefined ? { caption: pending, text: rest } : splitInlineCaption(rest, this.bareCaptionAllowed(i));
    const base = `a${num}${branch ? `-${branch}` : ''}`;
    const group = this.groups.at(-1);
    const prefix = supplementary ? `${supplementary.id}-` : this.restartsPerGroup && this.articleStyle && group ? `${group.id}-` : '';
    const id = this.uniqueId(prefix + base);
    if (!supplementary) this.groupSinceArticle = false;
    const article = emptyNode('article', id, label, num);
    if (branch) article.branch = branch;
    if (caption) article.caption = caption;
    const paragraph = emptyNode('paragraph', this.uniqueId(`${id}-p1`), '', 1);
    if (text) paragraph.sentences.push(text);
    article.children.push(paragraph);
    if (supplementary) supplementary.children.push(article);
    else {
      const last = this.lastArticle;
      if (last && !this.restartsPerGroup && (num < last.num || (num === last.num && (branch ?? 0) <= (last.branch ?? 0)))) {
        this.warn(this.lines[i], `${label}が${last.label}の後にあります。条番号が重複しているか、順序が誤っています。`);
      }
      this.lastArticle = article;
      (this.groups.at(-1)?.children ?? this.tree.body).push(article);
    }
    this.scope = {
      family: supplementary ? 'supplementary' : 'body',
      base: paragraph,
      baseIdPrefix: `${id}-i`,
      levels: [],
      article,
      paragraph,
      ...(supplementary ? { supplementary } : {}),
    };
  }

  private addLabel(i: number, line: TCleanLine, labels: TLabel[]): void {
    if (!this.unit && this.articleStyle) {
      const label = labels.find((l) => l.style === this.articleStyle);
      const last = this.lastArticle;
      const restart = this.restartsPerGroup && this.groupSinceArticle && label?.num === 1;
      if (label && (!last || label.num === last.num + 1 || restart) && !this.levelOf(label.style)) {
        return this.startArticle(label.label, label.num, undefined, label.rest, i);
      }
    }
    if (!this.scope) {
      if (this.unit?.kind === 'supplementary') {
        const numbered = labels.find((l) => l.style === 'digit' || l.style === 'circled');
        if (numbered) return this.openSupplementaryParagraph(this.unit, numbered);
        this.openSupplementaryParagraph(this.unit, undefined);
      }
      else if (!this.unit && !this.hasArticles && this.groups.length === 0) {
        this.scope = { family: 'body', base: { ...emptyNode('paragraph', 'root', '', 0), children: this.tree.body }, baseIdPrefix: 'i', levels: [] };
      } else return this.appendText(line);
    }
    const scope = this.scope;
    if (!scope) return;
    // 項 are numbered ２ (or ② in some 例規集); a style already open as a list continues that list
    const paragraphLabel = labels.find((l) => (l.style === 'digit' || l.style === 'circled') && !this.levelOf(l.style));
    if (scope.article && paragraphLabel && paragraphLabel.num >= 2 && paragraphLabel.num === scope.article.children.length + 1) {
      return this.startParagraph(scope, scope.article, paragraphLabel);
    }
    if (scope.supplementary && !scope.article && paragraphLabel) {
      const paragraphs = scope.supplementary.children.length;
      if (paragraphLabel.num === paragraphs + 1 || (paragraphs === 1 && paragraphLabel.num === 1 && scope.paragraph?.label === '' && scope.paragraph.sentences.length === 0)) {
        return this.openSupplementaryParagraph(scope.supplementary, paragraphLabel);
      }
    }
    const captionLine = this.pendingCaptionLine;
    if (captionLine) {
      this.pendingCaption = undefined;
      this.pendingCaptionLine = undefined;
      this.appendText(captionLine);
    }
    this.placeLabel(line, scope, labels);
  }

  private takeParagraphCaption(paragraph: TNode): void {
    if (this.pendingCaptionLine && this.pendingCaption) paragraph.caption = this.pendingCaption;
    this.pendingCaption = undefined;
    this.pendingCaptionLine = undefined;
  }

  private levelOf(style: TLabelStyle): TLevel | undefined {
    return this.scope?.levels.find((level) => level.style === style);
  }

  /** A label's node, at the level lib/policy-text/deep/levels.ts infers from the labels around it. */
  private placeLabel(line: TCleanLine, scope: TScope, labels: TLabel[]): void {
    const levels = scope.levels;
    const depths = this.styleDepth[scope.family];
    const chosen = placeLabel(
      levels.map((level) => ({ style: level.style, order: level.order, last: level.node.num })),
      labels,
      depths,
    );
    if (chosen.outOfSequence) this.warn(line, `「${chosen.label.label}」の番号が連続していません。`);
    const { label, index } = chosen;
    const existing = levels[index];
    levels.length = index;
    const parent: THost = index === 0 ? scope.base : (levels[index - 1] as TLevel).node;
    const order = existing && existing.style === label.style ? existing.order : kanaOrderOf(label);
    const idPrefix = index === 0 ? scope.baseIdPrefix : `${(parent as TNode).id}-s`;
    const num = labelNumber(label, order);
    const node = emptyNode(index === 0 ? 'item' : 'subitem', this.uniqueId(`${idPrefix}${num}`), label.label, num);
    if (index > 0) node.depth = index;
    if (label.rest) node.sentences.push(label.rest);
    parent.children.push(node);
    levels.push({ style: label.style, order, node, parent, idPrefix });
    if (!depths.has(label.style)) depths.set(label.style, index + 1);
  }

  private startParagraph(scope: TScope, article: TNode, label: TLabel): void {
    const paragraph = emptyNode('paragraph', this.uniqueId(`${article.id}-p${label.num}`), label.label, label.num);
    this.takeParagraphCaption(paragraph);
    if (label.rest) paragraph.sentences.push(label.rest);
    article.children.push(paragraph);
    scope.base = paragraph;
    scope.baseIdPrefix = `${paragraph.id}-i`;
    scope.paragraph = paragraph;
    scope.levels = [];
  }

  private openSupplementaryParagraph(supplementary: TSupplementary, label: TLabel | undefined): void {
    const reuse = label?.num === 1 && supplementary.children.length === 1 ? supplementary.children[0] : undefined;
    const num = label?.num ?? supplementary.children.length + 1;
    const paragraph = reuse ?? emptyNode('paragraph', this.uniqueId(`${supplementary.id}-p${num}`), label?.label ?? '', num);
    if (reuse && label) reuse.label = label.label;
    if (label) this.takeParagraphCaption(paragraph);
    if (label?.rest) paragraph.sentences.push(label.rest);
    if (!reuse) supplementary.children.push(paragraph);
    this.scope = {
      family: 'supplementary',
      base: paragraph,
      baseIdPrefix: num === 1 ? `${supplementary.id}-i` : `${paragraph.id}-i`,
      levels: [],
      paragraph,
      supplementary,
    };
  }

  /** The node that text, tables and remarks go to: the deepest open one. */
  private host(): THost | undefined {
    const scope = this.scope;
    if (scope) return scope.levels.at(-1)?.node ?? scope.base;
    if (this.unit?.kind === 'appendix') return this.unit;
    if (this.unit?.kind === 'supplementary') {
      this.openSupplementaryParagraph(this.unit, undefined);
      return this.scope?.base;
    }
    return undefined;
  }

  private appendText(line: TCleanLine): void {
    const host = this.host();
    if (!host) {
      const group = this.groups.at(-1);
      if (group && group.children.length === 0) group.title = joinWrapped(group.title ?? '', line.text);
      else this.warn(line, '条又は号に属さない行のため、読み飛ばしました。');
      return;
    }
    this.appendSentence(host.sentences, line);
  }

  private appendSentence(sentences: string[], line: TCleanLine): void {
    const last = sentences.length - 1;
    if (last < 0 || this.isBreak(line)) sentences.push(line.text);
    else sentences[last] = joinWrapped(sentences[last] ?? '', line.text);
  }

  private addTable(span: TTableSpan): void {
    this.remarks = undefined;
    const host = this.host();
    const table: TTable = { rows: span.rows };
    if (!host) {
      this.warn(this.lines[span.start], '条又は号に属さない表のため、読み飛ばしました。');
      return;
    }
    if (host.children.length > 0) table.afterChildren = true;
    host.tables.push(table);
    this.lastTable = table;
  }

  private startRemarks(label: string, rest: string, table: TTable | undefined): void {
    const remarks: TRemarks = { label, sentences: [] };
    if (table) (table.remarks ??= []).push(remarks);
    else {
      const host = this.host();
      if (!host) return;
      host.remarks.push(remarks);
    }
    this.remarks = { remarks, last: 0 };
    if (rest) {
      const token = classifyLine(rest);
      if (token.kind === 'label' && token.labels[0]) {
        this.remarks.style = token.labels[0].style;
        this.remarks.last = token.labels[0].num;
      }
      remarks.sentences.push(rest);
    }
  }

  /** Remarks go on until a line that is neither text nor the remarks' next number. */
  private continueRemarks(line: TCleanLine, token: TToken): boolean {
    const state = this.remarks;
    if (!state) return false;
    if (token.kind === 'text') {
      this.appendSentence(state.remarks.sentences, line);
      return true;
    }
    if (token.kind !== 'label') return false;
    const label = token.labels.find((l) => (state.style === undefined ? true : l.style === state.style) && l.num === state.last + 1);
    if (!label) return false;
    state.style = label.style;
    state.last = label.num;
    state.remarks.sentences.push(line.text);
    return true;
  }

  private startSupplementary(token: Extract<TToken, { kind: 'supplementary' }>): void {
    const unit: TSupplementary = {
      kind: 'supplementary',
      id: this.uniqueId(`sp${this.tree.tail.filter((u) => u.kind === 'supplementary').length + 1}`),
      label: token.label,
      ...(token.note ? { note: token.note } : {}),
      ...(token.extract ? { extract: true } : {}),
      children: [],
    };
    this.tree.tail.push(unit);
    this.unit = unit;
    this.scope = undefined;
    this.groups = [];
    this.pendingCaption = undefined;
  }

  private startAppendix(token: Extract<TToken, { kind: 'appendix' }>): void {
    const appendix: TAppendix = {
      kind: 'appendix',
      id: this.uniqueId(`annex${this.tree.tail.filter((u) => u.kind === 'appendix').length + 1}`),
      type: token.type,
      label: token.label,
      ...(token.num ? { num: token.num } : {}),
      ...(token.title ? { title: token.title } : {}),
      ...(token.relation !== undefined ? { relation: token.relation } : {}),
      sentences: [],
      tables: [],
      children: [],
      remarks: [],
    };
    this.tree.tail.push(appendix);
    this.unit = appendix;
    this.groups = [];
    this.pendingCaption = undefined;
    this.scope = { family: 'appendix', base: appendix, baseIdPrefix: `${appendix.id}-i`, levels: [] };
    // text before the appendix's first label goes to the appendix itself, not to a node
  }

  private setEffectiveDates(): void {
    for (const unit of this.tree.tail) if (unit.kind === 'supplementary') setEffectiveDates(unit);
  }

  /**
   * Whether a line starts a new paragraph rather than continuing the previous one: a typed
   * full-width space at its start, a previous line ending a sentence, or a previous line that
   * stops short of the right margin (PDF text loses most indentation).
   */
  private isBreak(line: TCleanLine): boolean {
    const prev = this.prev;
    return !prev || line.fwIndent || endsSentence(prev.text) || prev.width < this.threshold;
  }

  private uniqueId(base: string): string {
    let id = base;
    // resume from the last suffix given to this base: 50,000 equal labels stay linear
    let n = this.suffixes.get(base) ?? 1;
    while (this.ids.has(id)) id = `${base}-x${++n}`;
    if (n > 1) this.suffixes.set(base, n);
    this.ids.add(id);
    return id;
  }

  private warn(line: TCleanLine | undefined, message: string): void {
    const no = line?.no ?? 1;
    this.warnings.push({ line: no, message: `${no}行目: ${message}` });
  }
}

/**
 * Parses a regulation text (例規) into the deep tree: levels as deep as the text, tables,
 * appendices, 附則 anywhere after the main provisions. Never throws; linear in the text's length.
 */
export function parseDeepText(text: string, options: TDeepParseOptions = {}): TDeepParseResult {
  try {
    const lines = typeof text === 'string' ? cleanLines(text) : [];
    if (lines.length === 0) return { ok: false, errors: [{ line: 1, message: '1行目: 本文が空です。' }] };
    return new DeepParser(lines, options ?? {}).run();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, errors: [{ line: 1, message: `1行目: 本文を解析できませんでした（${detail}）。` }] };
  }
}

