import Link from 'next/link';
import { compareHref, revisionHref } from '@/components/history/format';
import { RevisionFacts } from '@/components/history/revision-facts';
import { RevisionStateTag } from '@/components/history/revision-state-tag';
import { ReviewDecisions } from '@/components/history/review-decisions';
import { historyMessages as m } from '@/lib/messages/history';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

/**
 * The revision a 「前の版と比較」 compares with: the one it amends, its predecessor in the chain
 * (docs/decisions/007); for a 改正案, the revision it was started from.
 */
export function previousApproved(revisions: readonly TRevisionEntry[], revision: TRevisionEntry): number | null {
  const previous = revision.amendsNumber ?? (revision.status === 'APPROVED' ? null : revision.baseNumber);
  return previous !== null && revisions.some((r) => r.number === previous) ? previous : null;
}

/** Every revision, newest first, on a vertical line; the one in force stands out. */
export function RevisionTimeline({ slug, revisions, inForceNumber }: { slug: string; revisions: TRevisionEntry[]; inForceNumber: number | null }) {
  return (
    <ol aria-label={m.timeline.listLabel} className="relative mt-8 max-w-[48rem] border-l-2 border-solid-gray-420 pl-6 md:pl-8">
      {revisions.map((revision) => {
        const previous = previousApproved(revisions, revision);
        const current = revision.state === 'in-force';
        // One link when the previous revision is the one in force (a revision still to come into force).
        const previousLabel = previous !== null && previous === inForceNumber ? m.timeline.comparePreviousCurrent : m.timeline.comparePrevious;
        const headingId = `revision-${revision.number}`;
        return (
          <li key={revision.number} aria-labelledby={headingId} className="relative pb-10 last:pb-0">
            <span
              aria-hidden="true"
              className={`absolute top-[0.55rem] -left-[calc(1.5rem+7px)] size-3 rounded-full border-2 md:-left-[calc(2rem+7px)] ${current ? 'border-green-900 bg-green-900' : 'border-solid-gray-600 bg-white'}`}
            />
            <article className={current ? 'rounded-8 border border-green-900 bg-green-50 px-4 py-4 md:px-5' : 'px-0 py-0'}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <h2 id={headingId} className="text-std-20B-150 text-solid-gray-900">
                  <Link href={revisionHref(slug, revision.number)} className="dads-link">
                    {m.common.label(revision)}
                  </Link>
                </h2>
                <RevisionStateTag revision={revision} />
              </div>
              <div className="mt-2">
                <RevisionFacts revision={revision} />
              </div>
              {revision.decisions.length > 0 && (
                <div className="mt-3">
                  <ReviewDecisions decisions={revision.decisions} />
                </div>
              )}
              <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170">
                <li>
                  <Link href={revisionHref(slug, revision.number)} className="dads-link">
                    {m.timeline.open(m.common.label(revision))}
                  </Link>
                </li>
                {previous !== null && (
                  <li>
                    <Link href={compareHref(slug, previous, revision.number)} className="dads-link" aria-label={m.timeline.compareLabel(m.common.label(revision), previousLabel)}>
                      {previousLabel}
                    </Link>
                  </li>
                )}
                {inForceNumber !== null && inForceNumber !== revision.number && inForceNumber !== previous && (
                  <li>
                    <Link href={compareHref(slug, inForceNumber, revision.number)} className="dads-link" aria-label={m.timeline.compareLabel(m.common.label(revision), m.timeline.compareCurrent)}>
                      {m.timeline.compareCurrent}
                    </Link>
                  </li>
                )}
              </ul>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
