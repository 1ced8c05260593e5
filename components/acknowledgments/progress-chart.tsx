import type { TBoardSeries } from '@/lib/domain/acknowledgment-board';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';

const WIDTH = 720;
const HEIGHT = 280;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };
// distinguishable lines, also by dash pattern: colour is never the only signal
const STYLES = [
  { stroke: '#0017c1', dash: '' },
  { stroke: '#c2410c', dash: '6 4' },
  { stroke: '#15803d', dash: '2 3' },
  { stroke: '#7e22ce', dash: '10 3 2 3' },
  { stroke: '#1a1a1a', dash: '12 4' },
  { stroke: '#be123c', dash: '4 2' },
];

const percent = (share: number) => `${Math.round(share * 100)}%`;
const shortDay = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;

/**
 * 部ごとの確認率の推移: an SVG line chart rendered on the server (no chart library, nothing to
 * hydrate), with the same figures as a table beneath it for screen readers and anyone who would
 * rather read.
 */
export function ProgressChart({ series }: { series: TBoardSeries[] }) {
  const days = series[0]?.points.map((p) => p.day) ?? [];
  if (days.length === 0) return null;
  const x = (i: number) => PAD.left + (i * (WIDTH - PAD.left - PAD.right)) / Math.max(1, days.length - 1);
  const y = (share: number) => PAD.top + (1 - share) * (HEIGHT - PAD.top - PAD.bottom);
  const sampled = days.map((day, i) => ({ day, i })).filter(({ i }) => (days.length - 1 - i) % 7 === 0);
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={m.board.chartLabel} className="h-auto w-full max-w-[48rem]">
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#d4d4d4" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#404040">
              {percent(t)}
            </text>
          </g>
        ))}
        {sampled.map(({ day, i }) => (
          <text key={day} x={x(i)} y={HEIGHT - 12} textAnchor="middle" fontSize="12" fill="#404040">
            {shortDay(day)}
          </text>
        ))}
        {series.map((s, k) => {
          const style = STYLES[k % STYLES.length]!;
          return <polyline key={s.unitId} fill="none" stroke={style.stroke} strokeWidth="2.5" strokeDasharray={style.dash} points={s.points.map((p, i) => `${x(i)},${y(p.share)}`).join(' ')} />;
        })}
      </svg>
      <figcaption className="mt-3">
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-dns-14N-130" aria-hidden="true">
          {series.map((s, k) => {
            const style = STYLES[k % STYLES.length]!;
            return (
              <li key={s.unitId} className="flex items-center gap-2">
                <svg width="32" height="8" aria-hidden="true">
                  <line x1="0" x2="32" y1="4" y2="4" stroke={style.stroke} strokeWidth="2.5" strokeDasharray={style.dash} />
                </svg>
                {s.name}
              </li>
            );
          })}
        </ul>
      </figcaption>
      <div className="mt-4 overflow-x-auto" role="region" aria-label={m.board.chartTableCaption} tabIndex={0}>
        <table className="min-w-full border-collapse text-dns-14N-130">
          <caption className="text-left text-std-16B-170">{m.board.chartTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-solid-gray-420 px-2 py-1 text-left">
                {m.board.columns.unit}
              </th>
              {sampled.map(({ day }) => (
                <th key={day} scope="col" className="border-b border-solid-gray-420 px-2 py-1 text-right">
                  {shortDay(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.unitId}>
                <th scope="row" className="border-b border-solid-gray-420 px-2 py-1 text-left font-normal">
                  {s.name}
                </th>
                {sampled.map(({ day, i }) => (
                  <td key={day} className="border-b border-solid-gray-420 px-2 py-1 text-right tabular-nums">
                    {percent(s.points[i]!.share)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
