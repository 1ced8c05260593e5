import Link from 'next/link';
import { documentHref } from '@/components/library/document-href';
import { ExcerptTag } from '@/components/library/excerpt-tag';
import { KindLabel } from '@/components/ui/kind-label';
import { Notice } from '@/components/ui/notice';
import { ScheduledTag } from '@/components/ui/scheduled-tag';
import { VisibilityBadge } from '@/components/ui/visibility-badge';
import { WarekiDate } from '@/components/ui/wareki-date';
import { messages as m } from '@/lib/messages/ja';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TDocumentView } from '@/lib/domain/documents';

/**
 * Title block of the reader. `requestedAsOf` is the date the reader asked for in the address
 * (absent for today's text); `showVisibility` is decided by the page.
 */
export function DocumentHeader({ view, requestedAsOf, showVisibility }: { view: TDocumentView; requestedAsOf?: string; showVisibility: boolean }) {
  const { document, revision } = view;
  const effectiveDate = revision.effectiveDate ?? document.inForce?.effectiveDate ?? null;
  return (
    <header>
      <div className="flex flex-wrap items-center gap-2">
        <KindLabel kind={document.kind} />
        {showVisibility && <VisibilityBadge visibility={document.visibility} />}
        {document.edition === 'excerpt' && <ExcerptTag />}
        {document.scheduled && !document.inForce && <ScheduledTag />}
      </div>
      <h1 id="document-title" className="mt-3 text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">
        {document.title}
      </h1>
      <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-1 text-std-16N-170">
        {effectiveDate && (
          <div className="flex gap-3">
            <dt className="text-solid-gray-700">{m.document.effectiveDate}</dt>
            <dd>
              <WarekiDate iso={effectiveDate} withIso />
            </dd>
          </div>
        )}
        <div className="flex gap-3">
          <dt className="text-solid-gray-700">{requestedAsOf ? m.document.revisionLabel : m.document.inForceLabel}</dt>
          <dd>{m.document.revision(document.inForce?.number === revision.number ? document.inForce.edition : revision.number)}</dd>
        </div>
        {document.scheduled && (
          <div className="flex gap-3">
            <dt className="text-solid-gray-700">{m.document.scheduledLabel}</dt>
            <dd>{m.document.scheduledValue(document.scheduled.edition, formatWareki(document.scheduled.effectiveDate))}</dd>
          </div>
        )}
        {document.department && (
          <div className="flex gap-3">
            <dt className="text-solid-gray-700">{m.document.department}</dt>
            <dd>{document.department.name}</dd>
          </div>
        )}
      </dl>
      {(requestedAsOf || document.scheduled) && (
        <div className="mt-4 max-w-[42.5rem] space-y-3">
          {requestedAsOf && (
            <Notice>
              <p>
                <WarekiDate iso={requestedAsOf} withIso />
                {m.document.asOfSuffix}
              </p>
              <p className="mt-1">
                <Link href={documentHref(document.slug)} className="dads-link">
                  {m.document.backToCurrent}
                </Link>
              </p>
            </Notice>
          )}
          {document.scheduled && (
            <Notice tone="warning">
              <p>
                <WarekiDate iso={document.scheduled.effectiveDate} withIso />
                {m.document.scheduledSuffix(document.scheduled.edition)}
              </p>
              <p className="mt-1 print:hidden">
                <Link href={documentHref(document.slug, document.scheduled.effectiveDate)} className="dads-link">
                  {m.document.viewScheduled}
                </Link>
              </p>
            </Notice>
          )}
        </div>
      )}
    </header>
  );
}
