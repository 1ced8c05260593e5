import type { ReactNode } from 'react';
import { cellName, hasHeadingLine, HeadingLine, Label, LineText, type TFilledCell, type TSide } from '@/components/compare/compare-text';
import { historyMessages } from '@/lib/messages/history';
import type { TCell, TRow } from '@/lib/policy-text/compare';

const m = historyMessages.compare;

/*
 * The 新旧対照表 as one table: 改正後 | 改正前 | 備考 (or 改正前 first). Each row of the
 * comparison (an article, a chapter heading, a 附則 …) is a <tbody>, and each of its lines a <tr>,
 * so that line i of one column stands level with line i of the other and a blank line faces what
 * only the other side has. Borders are drawn between the row groups only, like the ruled table
 * of a printed 新旧対照表.
 *
 * Unchanged articles fold into a row 「第1条～第3条　（略）」, as municipalities print them. Its
 * 「本文を表示」 is a native <details> (no script); the run's rows follow in a <tbody> of their own
 * that CSS shows while the <details> is open, so they stay in the same table and columns. A
 * browser without :has() keeps them folded (「すべて展開」 still shows them). Printed, an open run
 * shows its text, a closed one 「（略）」.
 */

export type TColumnOrder = readonly [TSide, TSide];

const BORDER = 'border-solid-gray-900 print:border-black';
/** the widths of the columns: two text columns and 備考; on a phone 備考 moves above each row */
const TEXT_WIDTH = 'w-1/2 md:w-[44%] print:w-[44%]';
const REMARKS_WIDTH = 'w-[12%]';
const REMARKS_CELL = 'hidden md:table-cell print:table-cell';

type TBlock = { type: 'row'; row: TRow } | { type: 'fold'; rows: TRow[] };

/**
 * Rows as displayed: every changed row, chapter headings always (they tell where one is), and
 * unchanged rows in runs to fold. A renumbered but otherwise unchanged article folds on its own,
 * to 「第20条（略）」 with the number underlined, the way a 条の繰下げ is usually printed.
 */
const kindOf = (row: TRow) => (row.after ?? row.before)?.kind;

function blocksOf(rows: readonly TRow[], all: boolean): TBlock[] {
  if (all) return rows.map((row) => ({ type: 'row', row }));
  const blocks: TBlock[] = [];
  let run: TRow[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push({ type: 'fold', rows: run });
    run = [];
  };
  for (const row of rows) {
    if (row.kind === 'unchanged') {
      // 「第6～第8（略）」 and 「附則（略）」 are two runs, not 「第6～附則」
      if (run.length > 0 && kindOf(run.at(-1)!) !== kindOf(row)) flush();
      run.push(row);
    }
    else if (row.kind === 'moved') {
      flush();
      blocks.push({ type: 'fold', rows: [row] });
    } else {
      flush();
      blocks.push({ type: 'row', row });
    }
  }
  flush();
  return blocks;
}

const FOLD_CSS = `
.compare-fold-body { display: none; }
.compare-fold:has(details[open]) + .compare-fold-body { display: table-row-group; }
@media print { .compare-fold:has(details[open]) { display: none; } }
`;

export function ComparisonTable({ rows, order, all, caption }: { rows: readonly TRow[]; order: TColumnOrder; all: boolean; caption: string }) {
  const blocks = blocksOf(rows, all);
  return (
    <>
      {!all && <style>{FOLD_CSS}</style>}
      <table className={`w-full table-fixed border-collapse border ${BORDER} text-[0.875rem]/[1.75] md:text-std-16N-170 print:text-[10.5pt]/[1.6]`}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-solid-gray-50 print:bg-white">
          {order.map((side) => (
            <th key={side} scope="col" className={`${TEXT_WIDTH} border ${BORDER} px-3 py-1.5 text-center font-bold tracking-[0.5em] text-solid-gray-900`}>
              {m[side]}
            </th>
          ))}
          <th scope="col" className={`${REMARKS_CELL} ${REMARKS_WIDTH} border ${BORDER} px-2 py-1.5 text-center font-bold tracking-[0.5em] text-solid-gray-900`}>
            {m.remarks}
          </th>
        </tr>
      </thead>
      {blocks.map((block) =>
        block.type === 'row' ? (
          <tbody key={block.row.key} className={`${keepTogether(block.row) ? 'print:break-inside-avoid' : ''} ${block.row.kind === 'heading' ? 'print:break-after-avoid' : ''}`}>
            <RowLines row={block.row} order={order} />
          </tbody>
        ) : (
          <FoldGroup key={block.rows[0]!.key} rows={block.rows} order={order} />
        ),
      )}
      </table>
    </>
  );
}

/**
 * On paper a short row stays on one page; a long one may break between its lines (never inside
 * one), rather than leave half a page empty before it.
 */
const keepTogether = (row: TRow): boolean => Math.max(row.after?.lines.length ?? 0, row.before?.lines.length ?? 0) <= 8;

/** The lines of a row, paired: the heading line (when either side has one), then line by line. */
function pairedLines(row: TRow): { key: string; after: ReactNode; before: ReactNode }[] {
  const out: { key: string; after: ReactNode; before: ReactNode }[] = [];
  const line = (cell: TCell, side: TSide, index: number): ReactNode => {
    const l = cell?.lines[index];
    return cell && l ? <LineText line={l} kind={cell.kind} side={side} /> : null;
  };
  if (hasHeadingLine(row.after) || hasHeadingLine(row.before)) {
    out.push({
      key: 'heading',
      after: row.after && hasHeadingLine(row.after) ? <HeadingLine cell={row.after} side="after" /> : null,
      before: row.before && hasHeadingLine(row.before) ? <HeadingLine cell={row.before} side="before" /> : null,
    });
  }
  const count = Math.max(row.after?.lines.length ?? 0, row.before?.lines.length ?? 0);
  for (let index = 0; index < count; index++) {
    out.push({ key: `line-${index}`, after: line(row.after, 'after', index), before: line(row.before, 'before', index) });
  }
  return out;
}

function Remarks({ remarks }: { remarks: readonly string[] }) {
  if (remarks.length === 0) return null;
  return (
    <ul className="text-[0.8125rem]/[1.6] md:text-dns-14N-130 print:text-[9pt]/[1.5]">
      {remarks.map((remark) => (
        <li key={remark}>{remark}</li>
      ))}
    </ul>
  );
}

/** On a phone 備考 has no column: it stands in a line of its own above the row. */
function NarrowRemarks({ remarks }: { remarks: readonly string[] }) {
  if (remarks.length === 0) return null;
  return (
    <tr className={`border-t ${BORDER} md:hidden print:hidden`}>
      <td colSpan={2} className={`border-x ${BORDER} bg-solid-gray-50 px-2 pt-1.5 text-[0.8125rem]/[1.6] text-solid-gray-800`}>
        {m.remarks}：{remarks.join('、')}
      </td>
    </tr>
  );
}

/** 備考 one to a line, the rest on the last line, so that they never make a line taller. */
function remarksOnLine(remarks: readonly string[], index: number, count: number): readonly string[] {
  return index < count - 1 ? remarks.slice(index, index + 1) : remarks.slice(index);
}

/**
 * The <tr>s of one row of the comparison; the first carries the rule above it. No cell spans
 * rows (a side without the unit, 備考): Chromium will not break a page inside rows that a
 * rowspan cell holds together, so a long article would leave half a page empty before it.
 */
function RowLines({ row, order }: { row: TRow; order: TColumnOrder }) {
  const lines = pairedLines(row);
  const narrow = row.remarks.length > 0;
  return (
    <>
      {narrow && <NarrowRemarks remarks={row.remarks} />}
      {lines.map((pair, index) => {
        const first = index === 0;
        const last = index === lines.length - 1;
        const pad = `${first ? 'pt-2' : 'pt-0.5'} ${last ? 'pb-2' : 'pb-0'}`;
        const rule = first ? `border-t ${BORDER} ${narrow ? 'max-md:border-t-0' : ''}` : '';
        return (
          <tr key={pair.key} className={`${rule} print:break-inside-avoid`}>
            {order.map((side) => (
              <td key={side} className={`${first ? TEXT_WIDTH : ''} border-x ${BORDER} px-2 align-top md:px-3 ${pad}`}>
                {pair[side]}
              </td>
            ))}
            <td className={`${REMARKS_CELL} ${first ? REMARKS_WIDTH : ''} border-x ${BORDER} px-2 align-top ${pad}`}>
              <Remarks remarks={remarksOnLine(row.remarks, index, lines.length)} />
            </td>
          </tr>
        );
      })}
    </>
  );
}

/** 第1条～第3条, from the first and last named units of the run on one side. */
function rangeName(rows: readonly TRow[], side: TSide): string {
  const names = rows.flatMap((row) => {
    const cell = row[side];
    const name = cell ? cellName(cell, m.preamble, '') : '';
    return name ? [name] : [];
  });
  return names.length === 0 ? '' : m.range(names[0]!, names.at(-1)!);
}

/** One side of a folded run: （見出し） of a lone article, then 「第15条　（略）」. */
function FoldedSide({ rows, side }: { rows: readonly TRow[]; side: TSide }) {
  const lone = rows.length === 1 ? rows[0]![side] : null;
  const name = rangeName(rows, side);
  return (
    <>
      {lone && lone.kind === 'article' && hasHeadingLine(lone) && <HeadingLine cell={lone as TFilledCell} side={side} />}
      <p>
        {name && (
          <>
            {lone ? <Label label={name} changed={lone.labelChanged} side={side} /> : name}
            {'　'}
          </>
        )}
        {m.omitted}
      </p>
    </>
  );
}

function FoldGroup({ rows, order }: { rows: TRow[]; order: TColumnOrder }) {
  const remarks = rows.length === 1 ? rows[0]!.remarks : [];
  const name = rangeName(rows, 'after') || rangeName(rows, 'before');
  const toggle = (
    <details className="group print:hidden">
      <summary className="cursor-pointer list-none rounded-4 text-dns-14N-130 text-blue-1000 underline underline-offset-[0.2em] hover:decoration-2 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-1 inline size-3 align-[-0.1em] group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 3l5 5-5 5" />
        </svg>
        {name && <span className="sr-only">{name}の</span>}
        <span className="group-open:hidden">{m.showText}</span>
        <span className="hidden group-open:inline">{m.hideText}</span>
      </summary>
    </details>
  );
  return (
    <>
      <tbody className="compare-fold print:break-inside-avoid">
        {remarks.length > 0 && <NarrowRemarks remarks={remarks} />}
        <tr className={`border-t ${BORDER}`}>
          {order.map((side) => (
            <td key={side} className={`${TEXT_WIDTH} border-x ${BORDER} px-2 py-2 align-top md:px-3`}>
              <FoldedSide rows={rows} side={side} />
              {side === order[1] && <div className="mt-1 text-right md:hidden">{toggle}</div>}
            </td>
          ))}
          <td className={`${REMARKS_CELL} ${REMARKS_WIDTH} border-x ${BORDER} px-2 py-2 align-top`}>
            <Remarks remarks={remarks} />
            <div className="hidden md:block">{toggle}</div>
          </td>
        </tr>
      </tbody>
      <tbody className="compare-fold-body">
        {rows.map((row) => (
          <RowLines key={row.key} row={row} order={order} />
        ))}
      </tbody>
    </>
  );
}
