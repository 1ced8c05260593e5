'use client';

import { workflowMessages as m } from '@/lib/messages/workflow';

export type TLineIssue = { line: number; message: string };

/**
 * The parser's errors (or warnings), each naming its line (「12行目: …」). Each is a button that
 * moves the caret to the line, so the list is also the way to get there by keyboard.
 */
export function ParseIssues({
  issues,
  tone,
  heading,
  lead,
  onGoToLine,
  headingLevel = 3,
}: {
  issues: TLineIssue[];
  tone: 'error' | 'warning';
  heading: string;
  lead?: string;
  onGoToLine?: (line: number) => void;
  headingLevel?: 2 | 3;
}) {
  if (issues.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const box = tone === 'error' ? 'border-error-1 bg-red-50' : 'border-yellow-900 bg-yellow-50';
  return (
    <div className={`rounded-8 border-2 px-4 py-3 text-std-16N-170 text-solid-gray-900 ${box}`}>
      <Heading className={`text-std-16B-170 ${tone === 'error' ? 'text-error-2' : 'text-solid-gray-900'}`}>{heading}</Heading>
      {lead && onGoToLine && <p className="text-dns-14N-130 text-solid-gray-700">{lead}</p>}
      <ul className="mt-1 space-y-1">
        {issues.map((issue, index) => {
          const located = issue.line > 0;
          const text = !located || issue.message.startsWith(m.common.line(issue.line)) ? issue.message : `${m.common.line(issue.line)}: ${issue.message}`;
          return (
            <li key={`${issue.line}-${index}`}>
              {onGoToLine && located ? (
                <button type="button" onClick={() => onGoToLine(issue.line)} className="dads-link rounded-4 text-left">
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The DAL's PARSE_FAILED message: the parser's errors joined by newlines, each starting with 「N行目」. */
export function issuesFromMessage(message: string): TLineIssue[] {
  return message
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d+)行目/.exec(part);
      return { line: match ? Number(match[1]) : 0, message: part };
    });
}
