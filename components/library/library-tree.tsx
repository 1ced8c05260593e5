import Link from 'next/link';
import { documentHref } from '@/components/library/document-href';
import { ExcerptTag } from '@/components/library/excerpt-tag';
import { KindLabel } from '@/components/ui/kind-label';
import { ScheduledTag } from '@/components/ui/scheduled-tag';
import { VisibilityBadge } from '@/components/ui/visibility-badge';
import { WarekiDate } from '@/components/ui/wareki-date';
import { messages as m } from '@/lib/messages/ja';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TLibraryNode } from '@/lib/domain/documents';

type TTreeOptions = { asOf?: string; showVisibility: boolean };

export function LibraryTree({ nodes, ...options }: { nodes: TLibraryNode[] } & TTreeOptions) {
  return (
    <ul className="space-y-4">
      {nodes.map((node) => (
        <LibraryEntry key={node.id} node={node} depth={0} {...options} />
      ))}
    </ul>
  );
}

function LibraryEntry({ node, depth, asOf, showVisibility }: { node: TLibraryNode; depth: number } & TTreeOptions) {
  // With nothing in force yet the reader would find no page, so the title leads to the scheduled text.
  const href = node.inForce ? documentHref(node.slug, asOf) : node.scheduled ? documentHref(node.slug, node.scheduled.effectiveDate) : null;
  return (
    <li>
      <div
        className={`rounded-8 border bg-white px-4 py-4 md:px-6 ${depth === 0 ? 'border-solid-gray-420' : 'border-solid-gray-200'}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <KindLabel kind={node.kind} />
          {showVisibility && <VisibilityBadge visibility={node.visibility} />}
          {node.edition === 'excerpt' && <ExcerptTag />}
          {node.scheduled && !node.inForce && <ScheduledTag />}
        </div>
        <p className="mt-2 text-std-18B-160">
          {href ? (
            <Link href={href} className="dads-link">
              {node.title}
            </Link>
          ) : (
            node.title
          )}
        </p>
        <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170 text-solid-gray-700">
          {node.inForce ? (
            <>
              <div className="flex gap-2">
                <dt>{m.document.inForceLabel}:</dt>
                <dd>{m.document.revision(node.inForce.edition)}</dd>
              </div>
              <div className="flex gap-2">
                <dt>{m.document.effectiveDate}</dt>
                <dd>
                  <WarekiDate iso={node.inForce.effectiveDate} withIso />
                </dd>
              </div>
            </>
          ) : (
            <div>
              <dt className="sr-only">{m.document.effectiveDate}</dt>
              <dd>{m.document.notYetInForce}</dd>
            </div>
          )}
        </dl>
        {node.scheduled && (
          <p className="mt-2 text-std-16N-170 text-solid-gray-800">
            {node.inForce ? (
              <>
                {m.document.scheduledLabel}: {m.document.scheduledValue(node.scheduled.edition, formatWareki(node.scheduled.effectiveDate))}
              </>
            ) : (
              <>
                <WarekiDate iso={node.scheduled.effectiveDate} withIso />
                {m.document.scheduledSuffix(node.scheduled.edition)}
              </>
            )}
            {node.inForce && (
              <>
                {' '}
                <Link href={documentHref(node.slug, node.scheduled.effectiveDate)} className="dads-link">
                  {m.document.viewScheduled}
                </Link>
              </>
            )}
          </p>
        )}
      </div>
      {node.children.length > 0 && (
        <ul aria-label={m.library.childrenLabel(node.title)} className="mt-3 ml-3 space-y-3 border-l-2 border-solid-gray-200 pl-3 md:ml-6 md:pl-6">
          {node.children.map((child) => (
            <LibraryEntry key={child.id} node={child} depth={depth + 1} asOf={asOf} showVisibility={showVisibility} />
          ))}
        </ul>
      )}
    </li>
  );
}
