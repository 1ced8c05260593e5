import Link from 'next/link';
import type { Metadata } from 'next';
import { BoardFilters, DocumentCounts, PeopleTable, UnitCounts } from '@/components/acknowledgments/board-tables';
import { ProgressChart } from '@/components/acknowledgments/progress-chart';
import { PageContainer } from '@/components/layout/page-container';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { ui } from '@/components/forms/styles';
import { DalError } from '@/lib/domain/errors';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';
import { getAcknowledgmentBoard, BOARD_PEOPLE_LIMIT } from '@/lib/server/acknowledgments/get-board';
import { guardScreen } from '@/lib/server/http/screen';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.board.metaTitle, robots: { index: false } };

type TSearchParams = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export default async function AcknowledgmentBoardPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = await searchParams;
  const filter = { unit: single(params.unit), state: single(params.state), document: single(params.document) };
  const path = `/acknowledgments/board?${new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]))}`;
  // The DAL decides scope and refuses: sign in, or forbidden.tsx (403); a bad filter is shown, not thrown.
  const result = await guardScreen(path, async () => {
    try {
      return { ok: true as const, board: await getAcknowledgmentBoard(filter) };
    } catch (error) {
      if (error instanceof DalError) return { ok: false as const, message: error.message };
      throw error;
    }
  });
  if (!result.ok) {
    return (
      <PageContainer>
        <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.board.title}</h1>
        <div className="mt-6 max-w-[56rem]">
          <Notice tone="warning">{result.message}</Notice>
        </div>
        <p className="mt-4">
          <Link href="/acknowledgments/board" className="dads-link">
            {m.board.allUnits}
          </Link>
        </p>
      </PageContainer>
    );
  }
  const { board } = result;
  const query = new URLSearchParams(Object.entries(board.filter).filter((e): e is [string, string] => !!e[1]));
  const reminders = board.people.filter((p) => p.state !== 'done').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <PageContainer>
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.board.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{board.scope === 'city' ? m.board.leadCity : m.board.leadUnit(board.scopeUnitName ?? '')}</p>
      <BoardFilters units={board.units} documents={board.documents} filter={board.filter} />

      {board.documents.length === 0 ? (
        <div className="mt-8">
          <EmptyState>{m.board.noDocuments}</EmptyState>
        </div>
      ) : (
        <>
          <section aria-labelledby="board-documents" className="mt-10">
            <h2 id="board-documents" className="text-std-24B-150 text-solid-gray-900">
              {m.board.byDocument}
            </h2>
            <DocumentCounts rows={board.documents} />
          </section>

          {board.series && board.series.length > 0 && (
            <section aria-labelledby="board-chart" className="mt-10">
              <h2 id="board-chart" className="text-std-24B-150 text-solid-gray-900">
                {m.board.chartHeading}
              </h2>
              <p className="mt-2 text-std-16N-170">{m.board.chartLead}</p>
              <ProgressChart series={board.series} />
            </section>
          )}

          <section aria-labelledby="board-units" className="mt-10">
            <h2 id="board-units" className="text-std-24B-150 text-solid-gray-900">
              {m.board.byUnit(board.scope === 'city' && !board.filter.unit)}
            </h2>
            <UnitCounts rows={board.byUnit} caption={m.board.byUnitCaption} />
          </section>

          {reminders.length > 0 && (
            <section aria-labelledby="board-reminders" className="mt-10">
              <h2 id="board-reminders" className="text-std-24B-150 text-solid-gray-900">
                {m.board.reminders}
              </h2>
              <p className="mt-2 text-std-16N-170">{m.board.remindersLead}</p>
              <PeopleTable rows={reminders} caption={m.board.reminders} />
            </section>
          )}

          <section aria-labelledby="board-people" className="mt-10">
            <h2 id="board-people" className="text-std-24B-150 text-solid-gray-900">
              {m.board.people}
            </h2>
            {board.truncated && (
              <div className="mt-4">
                <Notice tone="warning">{m.board.truncated(BOARD_PEOPLE_LIMIT)}</Notice>
              </div>
            )}
            {!board.peopleListed ? (
              <p className="mt-4 max-w-[40em] text-std-16N-170">{m.board.pickUnit}</p>
            ) : board.people.length === 0 ? (
              <div className="mt-4">
                <EmptyState>{m.board.empty}</EmptyState>
              </div>
            ) : (
              <PeopleTable rows={board.people} caption={m.board.peopleCaption} />
            )}
          </section>

          <section aria-labelledby="board-export" className="mt-10">
            <h2 id="board-export" className="text-std-24B-150 text-solid-gray-900">
              {m.board.exportHeading}
            </h2>
            <p className="mt-4 flex flex-wrap gap-4">
              <a href={`/acknowledgments/board/export?format=xlsx&${query}`} className={ui.secondary} download>
                {m.board.exportXlsx}
              </a>
              <a href={`/acknowledgments/board/export?format=csv&${query}`} className={ui.secondary} download>
                {m.board.exportCsv}
              </a>
            </p>
          </section>
        </>
      )}
    </PageContainer>
  );
}
