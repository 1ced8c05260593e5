import type { CSSProperties, ReactNode } from 'react';
import type { TCell, TLine, TSpan } from '@/lib/policy-text/compare';

/** Which column of the 新旧対照表 a piece of text belongs to. */
export type TSide = 'after' | 'before';

export type TFilledCell = NonNullable<TCell>;

/*
 * 傍線: a thin underline a little below the baseline, as on a printed 新旧対照表. Changed text of
 * 改正後 is an <ins>, of 改正前 a <del> (so assistive technology can tell them apart); both are
 * styled as the same underline, never as a strike-through.
 */
const MARK = 'bg-transparent text-inherit underline decoration-solid decoration-1 underline-offset-[0.2em] [text-decoration-skip-ink:none]';

/** Text underlined as changed, in the element that says which side it is on. */
export function Mark({ side, children }: { side: TSide; children: ReactNode }) {
  return side === 'after' ? <ins className={MARK}>{children}</ins> : <del className={MARK}>{children}</del>;
}

/**
 * A run of spans. A gap is not text of the document but underlined full-width spaces as wide as
 * what the other side has at this place (傍線を付した空白). break-spaces keeps every one of them
 * and, unlike pre-wrap, lets them wrap instead of hanging past the cell's edge; assistive
 * technology skips them.
 */
export function Spans({ spans, side }: { spans: readonly TSpan[]; side: TSide }) {
  return spans.map((span, index) => {
    if (span.gap) {
      return (
        <span key={index} aria-hidden="true" className={`${MARK} whitespace-break-spaces`}>
          {span.text}
        </span>
      );
    }
    return span.changed ? (
      <Mark key={index} side={side}>
        {span.text}
      </Mark>
    ) : (
      span.text
    );
  });
}

/** A label (第20条, ２, (3), 第6章, 附則), underlined when it was renumbered. */
export function Label({ label, changed, side }: { label: string; changed: boolean; side: TSide }) {
  return changed ? <Mark side={side}>{label}</Mark> : label;
}

const spansText = (spans: readonly TSpan[]): string => spans.filter((s) => !s.gap).map((s) => s.text).join('');

/** A cell's name in a 「第1条～第3条（略）」 range: its number, or what stands for one. */
export function cellName(cell: TFilledCell, preamble: string, title: string): string {
  if (cell.label) return cell.label;
  if (cell.kind === 'preamble') return preamble;
  if (cell.kind === 'title') return title;
  if (cell.kind === 'annex') return spansText(cell.heading);
  return '';
}

/** Whether a cell has a heading line of its own above its lines (caption, chapter title, 附則 …). */
export function hasHeadingLine(cell: TCell): boolean {
  if (!cell) return false;
  switch (cell.kind) {
    case 'article':
      return cell.heading.length > 0 && spansText(cell.heading) !== '';
    case 'chapter':
    case 'section':
    case 'supplementary':
    case 'title':
      return true;
    case 'annex':
      return cell.heading.length > 0;
    case 'preamble':
    case 'item':
      return false;
  }
}

/** Indentation of headings, in characters, after the layout of a 例規: captions one in, chapters further. */
const HEADING_INDENT: Record<TFilledCell['kind'], number> = {
  article: 1,
  chapter: 3,
  section: 4,
  supplementary: 3,
  title: 2,
  annex: 0,
  preamble: 0,
  item: 0,
};

/** The heading line of a cell: （見出し）, 第6章　技術的セキュリティ, 附則（令和…）. */
export function HeadingLine({ cell, side, as: Tag = 'p' }: { cell: TFilledCell; side: TSide; as?: 'p' | 'span' }) {
  const style: CSSProperties = { paddingLeft: `${HEADING_INDENT[cell.kind]}em` };
  const className = Tag === 'span' ? 'block' : undefined;
  if (cell.kind === 'article') {
    return (
      <Tag style={style} className={className}>
        （<Spans spans={cell.heading} side={side} />）
      </Tag>
    );
  }
  if (cell.kind === 'supplementary') {
    const note = spansText(cell.heading) !== '';
    return (
      <Tag style={style} className={className}>
        <Label label={cell.label} changed={cell.labelChanged} side={side} />
        {note && (
          <>
            （<Spans spans={cell.heading} side={side} />）
          </>
        )}
      </Tag>
    );
  }
  return (
    <Tag style={style} className={className}>
      {cell.label && (
        <>
          <Label label={cell.label} changed={cell.labelChanged} side={side} />
          {'　'}
        </>
      )}
      <Spans spans={cell.heading} side={side} />
    </Tag>
  );
}

/**
 * One line of a cell, laid out as a 例規 is: a numbered line starts at its depth with its label
 * and hangs one character (第1条　…, ２　…, (1)　…); an unnumbered one is indented one character
 * on its first line. Annex lines keep their own spacing.
 */
export function LineText({ line, kind, side }: { line: TLine; kind: TFilledCell['kind']; side: TSide }) {
  if (line.blank) return null;
  if (kind === 'annex') {
    return (
      <p className="whitespace-pre-wrap">
        <Spans spans={line.spans} side={side} />
      </p>
    );
  }
  const empty = line.spans.every((span) => span.text === '');
  if (line.label) {
    return (
      <p style={{ paddingLeft: `${line.depth + 1}em`, textIndent: '-1em' }}>
        <Label label={line.label} changed={line.labelChanged} side={side} />
        {!empty && '　'}
        <Spans spans={line.spans} side={side} />
      </p>
    );
  }
  return (
    <p style={{ paddingLeft: `${line.depth}em`, textIndent: '1em' }}>
      <Spans spans={line.spans} side={side} />
    </p>
  );
}
