import { workflowMessages as m } from '@/lib/messages/workflow';

type TColumn = { heading: string; caption: string; text: string | null; empty?: string };

/** Lines of `text` that the other side does not have (as many times as they occur). */
function unmatched(lines: string[], other: string[]): boolean[] {
  const counts = new Map<string, number>();
  for (const line of other) counts.set(line, (counts.get(line) ?? 0) + 1);
  return lines.map((line) => {
    const left = counts.get(line) ?? 0;
    if (left > 0) {
      counts.set(line, left - 1);
      return false;
    }
    return line.trim() !== '';
  });
}

/**
 * A plain side-by-side of two texts: 改正後 on the left, 改正前 on the right, as 新旧対照表 are
 * laid out. Lines one side has and the other lacks carry a mark; it is no comparison table (no
 * alignment, no character diff), only a reading aid until one is available.
 */
export function SideBySide({ after, before }: { after: TColumn; before: TColumn }) {
  const afterLines = (after.text ?? '').split('\n');
  const beforeLines = (before.text ?? '').split('\n');
  const afterMarks = before.text === null ? afterLines.map(() => false) : unmatched(afterLines, beforeLines);
  const beforeMarks = after.text === null ? beforeLines.map(() => false) : unmatched(beforeLines, afterLines);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Column column={after} lines={afterLines} marks={afterMarks} />
      <Column column={before} lines={beforeLines} marks={beforeMarks} />
    </div>
  );
}

function Column({ column, lines, marks }: { column: TColumn; lines: string[]; marks: boolean[] }) {
  return (
    <section aria-label={column.heading} className="min-w-0 rounded-8 border border-solid-gray-420 bg-white">
      <div className="border-b border-solid-gray-420 bg-solid-gray-50 px-4 py-2">
        <h3 className="text-std-17B-170 text-solid-gray-900">{column.heading}</h3>
        <p className="text-dns-14N-130 text-solid-gray-700">{column.caption}</p>
      </div>
      {column.text === null ? (
        <p className="px-4 py-4 text-std-16N-170 text-solid-gray-700">{column.empty}</p>
      ) : (
        <div tabIndex={0} aria-label={column.heading} className="max-h-[70dvh] overflow-y-auto py-2">
          {lines.map((line, index) => (
            <p
              key={index}
              className={`border-l-4 px-3 text-std-16N-170 whitespace-pre-wrap [overflow-wrap:anywhere] ${marks[index] ? 'border-yellow-700 bg-yellow-50' : 'border-transparent'}`}
            >
              {marks[index] && <span className="sr-only">{m.review.changed}: </span>}
              {line === '' ? '\u00a0' : line}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
