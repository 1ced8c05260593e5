import type { ReactNode } from 'react';
import { TocDisclosure } from '@/components/reader/toc-disclosure';
import { messages as m } from '@/lib/messages/ja';
import type { TDeepTree, TNode, TTailUnit } from '@/lib/policy-text/deep/tree';

const GROUP_KINDS = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);

function TocLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="block rounded-4 py-1 text-blue-1000 no-underline hover:underline hover:underline-offset-4">
      {children}
    </a>
  );
}

/** 編・章・節・款・目 and their articles, nested as in the text; top-level items of a declaration-style text. */
function BodyEntries({ nodes }: { nodes: readonly TNode[] }) {
  return nodes.map((node) => {
    if (GROUP_KINDS.has(node.kind)) {
      const nested = node.children.filter((c) => GROUP_KINDS.has(c.kind) || c.kind === 'article');
      return (
        <li key={node.id} className={node.kind === 'part' || node.kind === 'chapter' ? 'pt-2' : undefined}>
          <TocLink href={`#${node.id}`}>
            <span className={node.kind === 'part' || node.kind === 'chapter' ? 'font-bold' : undefined}>
              {node.label} {node.title}
            </span>
          </TocLink>
          {nested.length > 0 && (
            <ol className="ml-[1em] space-y-0.5">
              <BodyEntries nodes={nested} />
            </ol>
          )}
        </li>
      );
    }
    if (node.kind === 'article') {
      return (
        <li key={node.id}>
          <TocLink href={`#${node.id}`}>{node.caption ? `${node.label}（${node.caption}）` : node.label}</TocLink>
        </li>
      );
    }
    if (node.kind === 'item') {
      return (
        <li key={node.id}>
          <TocLink href={`#${node.id}`}>
            <span className="line-clamp-2">
              {node.label} {node.sentences[0] ?? ''}
            </span>
          </TocLink>
        </li>
      );
    }
    return null;
  });
}

/** 附則 once for a run of them (the first of the run), every appendix with its title. */
function tailEntries(tail: readonly TTailUnit[]): { id: string; label: string }[] {
  return tail.flatMap((unit, index) => {
    if (unit.kind === 'supplementary') return tail[index - 1]?.kind === 'supplementary' ? [] : [{ id: unit.id, label: unit.label }];
    return [{ id: unit.id, label: unit.title ? `${unit.label}　${unit.title}` : unit.label }];
  });
}

/** 目次 built from the tree (not from the text's own 目次 lines), so every entry is a working link. */
export function PolicyToc({ tree, hasHistory }: { tree: TDeepTree; hasHistory: boolean }) {
  const tail = tailEntries(tree.tail);
  return (
    <TocDisclosure>
      <ol className="mt-2 space-y-0.5 text-std-16N-170 lg:mt-3">
        <BodyEntries nodes={tree.body} />
        {tail.map((entry, index) => (
          <li key={entry.id} className={index === 0 && tree.body.length > 0 ? 'mt-2 border-t border-solid-gray-200 pt-2' : undefined}>
            <TocLink href={`#${entry.id}`}>{entry.label}</TocLink>
          </li>
        ))}
        {hasHistory && (
          <li>
            <TocLink href="#history">{m.reader.history}</TocLink>
          </li>
        )}
      </ol>
    </TocDisclosure>
  );
}
