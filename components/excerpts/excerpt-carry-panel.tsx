import Link from 'next/link';
import type { ReactNode } from 'react';
import { Notice } from '@/components/ui/notice';
import { Tag } from '@/components/ui/tag';
import { excerptMessages as m } from '@/lib/messages/excerpts';
import type { TDraftExcerpts } from '@/lib/server/excerpts/draft-excerpts';

/**
 * Which public articles (外部に周知すべき事項) a draft carries forward from the revision it amends,
 * renumbered or amended, which it drops because it deletes them, and what its editor changed.
 * Shown in the draft editor and on the excerpts screen; `reviewHref` links to the latter.
 */
export function ExcerptCarryPanel({ draft, reviewHref, headingLevel = 2 }: { draft: TDraftExcerpts; reviewHref?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const nothing = draft.carried.length === 0 && draft.dropped.length === 0 && draft.added.length === 0 && draft.removed.length === 0;
  const status = draft.status === 'IN_REVIEW' ? null : draft.needsConfirmation ? 'needs' : draft.confirmed ? 'confirmed' : nothing ? null : 'unchanged';
  return (
    <section aria-labelledby="excerpt-carry-heading" className="rounded-12 border border-solid-gray-420 bg-white p-5 md:p-6" data-testid="excerpt-carry">
      <Heading id="excerpt-carry-heading" className="text-std-20B-150 text-solid-gray-900">
        {m.carry.heading}
      </Heading>
      <p className="mt-2 text-std-16N-170">{m.carry.lead(draft.baseNumber)}</p>
      {status && (
        <div className="mt-4">
          <Notice tone={status === 'needs' ? 'warning' : 'info'}>
            <p>{status === 'needs' ? m.carry.needsConfirmation : status === 'confirmed' ? m.carry.confirmed : m.carry.unchanged}</p>
          </Notice>
        </div>
      )}
      {nothing ? (
        <p className="mt-4 text-std-16N-170 text-solid-gray-700">{m.carry.nothing}</p>
      ) : (
        <div className="mt-4 space-y-4">
          {draft.carried.length > 0 && (
            <ExcerptList title={m.carry.carried} testId="excerpt-carried">
              {draft.carried.map((c) => (
                <li key={c.before} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {c.before === c.after ? (
                    <span>{c.afterLabel}</span>
                  ) : (
                    <span>
                      {c.beforeLabel} <span aria-hidden="true">{m.carry.arrow}</span>
                      <span className="sr-only">から</span> {c.afterLabel}
                    </span>
                  )}
                  {c.before !== c.after && <Tag tone="gray">{m.carry.renumbered}</Tag>}
                  {c.change === 'modified' && <Tag tone="yellow">{m.carry.modified}</Tag>}
                  {c.change === 'rewritten' && <Tag tone="orange">{m.carry.rewritten}</Tag>}
                </li>
              ))}
            </ExcerptList>
          )}
          {draft.dropped.length > 0 && (
            <ExcerptList title={m.carry.dropped} testId="excerpt-dropped">
              {draft.dropped.map((d) => (
                <li key={d.before}>{d.beforeLabel}</li>
              ))}
            </ExcerptList>
          )}
          {draft.added.length > 0 && (
            <ExcerptList title={m.carry.added} testId="excerpt-added">
              {draft.added.map((a) => (
                <li key={a.id}>{a.label}</li>
              ))}
            </ExcerptList>
          )}
          {draft.removed.length > 0 && (
            <ExcerptList title={m.carry.removed} testId="excerpt-removed">
              {draft.removed.map((a) => (
                <li key={a.id}>{a.label}</li>
              ))}
            </ExcerptList>
          )}
        </div>
      )}
      {reviewHref && draft.status === 'DRAFT' && (
        <p className="mt-4">
          <Link href={reviewHref} className="dads-link text-std-16N-170">
            {m.carry.review}
          </Link>
        </p>
      )}
    </section>
  );
}

function ExcerptList({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <p className="text-std-16B-170 text-solid-gray-900">{title}</p>
      <ul className="mt-1 list-disc space-y-1 pl-6 text-std-16N-170">{children}</ul>
    </div>
  );
}
