import Link from 'next/link';
import { Tag, type TTagTone } from '@/components/ui/tag';
import type { TBoardCounts, TBoardDocument, TBoardUnit, TBoardUnitRow } from '@/lib/domain/acknowledgment-board';
import type { TAckObligation, TAckState } from '@/lib/domain/acknowledgments';
import { ACK_STATES } from '@/lib/domain/acknowledgments';
import { formatDateTime } from '@/lib/format/tokyo-time';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ui } from '@/components/forms/styles';

const c = m.board.columns;
const th = 'border-b-2 border-solid-gray-600 px-3 py-2 text-left text-std-16B-170';
const td = 'border-b border-solid-gray-420 px-3 py-2 align-top text-std-16N-170';
const num = `${td} text-right tabular-nums`;
const TONE: Record<TAckState, TTagTone> = { done: 'green', open: 'yellow', overdue: 'red' };

const rate = (row: TBoardCounts) => {
  const total = row.done + row.open + row.overdue;
  return total === 0 ? '—' : `${Math.round((row.done / total) * 100)}%`;
};

function Scroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="mt-4 overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function StateTag({ state }: { state: TAckState }) {
  return <Tag tone={TONE[state]}>{m.states[state]}</Tag>;
}

export function DocumentCounts({ rows }: { rows: TBoardDocument[] }) {
  return (
    <Scroll label={m.board.byDocumentCaption}>
      <table className="min-w-full border-collapse">
        <caption className="sr-only">{m.board.byDocumentCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{c.document}</th>
            <th scope="col" className={th}>{c.revision}</th>
            <th scope="col" className={`${th} text-right`}>{c.done}</th>
            <th scope="col" className={`${th} text-right`}>{c.open}</th>
            <th scope="col" className={`${th} text-right`}>{c.overdue}</th>
            <th scope="col" className={`${th} text-right`}>{c.rate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} data-slug={row.slug}>
              <th scope="row" className={`${td} text-left font-normal`}>
                <Link href={`/acknowledgments/board?document=${row.slug}`} className="dads-link">
                  {row.title}
                </Link>
              </th>
              <td className={td}>{m.edition(row.edition, row.number)}</td>
              <td className={num} data-count="done">{row.done}</td>
              <td className={num} data-count="open">{row.open}</td>
              <td className={num} data-count="overdue">{row.overdue}</td>
              <td className={num}>{rate(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

export function UnitCounts({ rows, caption }: { rows: TBoardUnitRow[]; caption: string }) {
  return (
    <Scroll label={caption}>
      <table className="min-w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{c.unit}</th>
            <th scope="col" className={`${th} text-right`}>{c.done}</th>
            <th scope="col" className={`${th} text-right`}>{c.open}</th>
            <th scope="col" className={`${th} text-right`}>{c.overdue}</th>
            <th scope="col" className={`${th} text-right`}>{c.rate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId || 'none'}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {row.unitId ? (
                  <Link href={`/acknowledgments/board?unit=${row.unitId}`} className="dads-link">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </th>
              <td className={num}>{row.done}</td>
              <td className={num}>{row.open}</td>
              <td className={num}>{row.overdue}</td>
              <td className={num}>{rate(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

export function PeopleTable({ rows, caption }: { rows: TAckObligation[]; caption: string }) {
  return (
    <Scroll label={caption}>
      <table className="min-w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{c.person}</th>
            <th scope="col" className={th}>{c.unit}</th>
            <th scope="col" className={th}>{c.document}</th>
            <th scope="col" className={th}>{c.state}</th>
            <th scope="col" className={th}>{c.due}</th>
            <th scope="col" className={th}>{c.acknowledgedAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.userId}/${row.slug}`}>
              <th scope="row" className={`${td} text-left font-normal`}>{row.displayName}</th>
              <td className={td}>{row.departmentName ?? '—'}</td>
              <td className={td}>
                {row.title} {m.edition(row.edition, row.number)}
              </td>
              <td className={td}>
                <StateTag state={row.state} />
              </td>
              <td className={td}>{formatWareki(row.dueOn)}</td>
              <td className={td}>{row.state === 'done' && row.acknowledgedAt ? formatDateTime(row.acknowledgedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

/** The filters as a plain GET form: an address per view, usable without JavaScript. */
export function BoardFilters({ units, documents, filter }: { units: TBoardUnit[]; documents: TBoardDocument[]; filter: { unit: string | null; state: TAckState | null; document: string | null } }) {
  return (
    <form method="get" action="/acknowledgments/board" className="mt-6 grid gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 md:grid-cols-[1fr_1fr_1fr_auto] md:items-end">
      <div>
        <label htmlFor="board-unit" className={ui.label}>{m.board.unit}</label>
        <select id="board-unit" name="unit" defaultValue={filter.unit ?? ''} className={ui.select}>
          <option value="">{m.board.allUnits}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {'　'.repeat(u.depth)}
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-state" className={ui.label}>{m.board.state}</label>
        <select id="board-state" name="state" defaultValue={filter.state ?? ''} className={ui.select}>
          <option value="">{m.board.allStates}</option>
          {ACK_STATES.map((s) => (
            <option key={s} value={s}>
              {m.states[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-document" className={ui.label}>{m.board.document}</label>
        <select id="board-document" name="document" defaultValue={filter.document ?? ''} className={ui.select}>
          <option value="">{m.board.allDocuments}</option>
          {documents.map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={ui.primary}>
        {m.board.apply}
      </button>
    </form>
  );
}
