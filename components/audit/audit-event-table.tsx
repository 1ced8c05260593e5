import Link from 'next/link';
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { actionLabel, formatJst, roleLabel, targetTypeLabel } from '@/components/audit/format';
import { auditMessages as m } from '@/lib/messages/audit';
import type { TAuditEventRow } from '@/lib/server/audit/list-events';

const TH = 'px-3 py-3 text-left align-bottom text-std-16B-170 text-solid-gray-900 whitespace-nowrap';
const TD = 'px-3 pt-3 pb-1 align-top text-std-16N-170';
const SMALL = 'block text-dns-14N-130 text-solid-gray-700';
const MONO_WRAP = 'font-mono text-mono-14N-150 break-all text-solid-gray-900';

/**
 * The trail, newest first. Each event is a row of its own tbody with a second row below it that
 * opens the full record (details, user agent, request id, hash); wide, so the table scrolls
 * sideways on a phone inside a region that the keyboard can reach.
 */
export function AuditEventTable({ events }: { events: TAuditEventRow[] }) {
  return (
    <div role="region" aria-label={m.table.region} tabIndex={0} className="overflow-x-auto rounded-8 border border-solid-gray-420">
      <table className="w-full min-w-[64rem] border-collapse">
        <caption className="sr-only">{m.table.caption}</caption>
        <thead className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
          <tr>
            <th scope="col" className={TH}>
              {m.table.occurredAt}
            </th>
            <th scope="col" className={TH}>
              {m.table.actor}
            </th>
            <th scope="col" className={TH}>
              {m.table.action}
            </th>
            <th scope="col" className={TH}>
              {m.table.target}
            </th>
            <th scope="col" className={TH}>
              {m.table.outcome}
            </th>
            <th scope="col" className={TH}>
              {m.table.clientAddress}
            </th>
          </tr>
        </thead>
        {events.map((event) => (
          <EventRows key={event.seq} event={event} />
        ))}
      </table>
    </div>
  );
}

function EventRows({ event }: { event: TAuditEventRow }) {
  return (
    <tbody className="border-b border-solid-gray-420 last:border-b-0 hover:bg-solid-gray-50">
      <tr>
        <td className={`${TD} whitespace-nowrap tabular-nums`}>
          <time dateTime={event.occurredAt} title={event.occurredAt}>
            {formatJst(event.occurredAt)}
          </time>
        </td>
        <td className={TD}>
          <Actor event={event} />
        </td>
        <td className={TD}>{actionLabel(event.action)}</td>
        <td className={TD}>
          <Target type={event.targetType} id={event.targetId} details={event.details} />
        </td>
        <td className={TD}>
          <OutcomeBadge outcome={event.outcome} />
        </td>
        <td className={`${TD} ${MONO_WRAP}`}>{event.clientAddress ?? <span className="font-sans text-solid-gray-700">{m.table.none}</span>}</td>
      </tr>
      <tr>
        <td colSpan={6} className="px-3 pb-3">
          <details className="group">
            <summary className="dads-link sticky left-3 inline-flex min-h-10 cursor-pointer items-center gap-1 rounded-4 text-dns-14N-130">
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3 transition-transform group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M6 3l5 5-5 5" />
              </svg>
              {m.table.details(event.seq)}
            </summary>
            <EventDetails event={event} />
          </details>
        </td>
      </tr>
    </tbody>
  );
}

function Actor({ event }: { event: TAuditEventRow }) {
  if (!event.actorLoginId) return <span className="text-solid-gray-700">{m.table.anonymous}</span>;
  return (
    <>
      <span className="block font-mono text-mono-16N-150 break-all text-solid-gray-900">{event.actorLoginId}</span>
      {event.actorDepartment && (
        <span className={SMALL}>
          <span className="sr-only">{m.table.departmentLabel}: </span>
          {event.actorDepartment}
        </span>
      )}
      {event.actorRoles.length > 0 && (
        <span className={SMALL}>
          <span className="sr-only">{m.table.rolesLabel}: </span>
          {event.actorRoles.map(roleLabel).join('、')}
        </span>
      )}
    </>
  );
}

function Target({ type, id, details }: { type: string | null; id: string | null; details: unknown }) {
  if (!type && !id) return <span className="text-solid-gray-700">{m.table.none}</span>;
  if (type === 'document' && id) {
    const slug = encodeURIComponent(id);
    const d = (details ?? {}) as { revision?: unknown; baseRevision?: unknown; from?: unknown; to?: unknown };
    const revision = typeof d.revision === 'number' ? d.revision : null;
    const compare =
      typeof d.from === 'number' && typeof d.to === 'number'
        ? { from: d.from, to: d.to }
        : revision !== null && typeof d.baseRevision === 'number'
          ? { from: d.baseRevision, to: revision }
          : null;
    return (
      <>
        <span className={SMALL}>{targetTypeLabel(type)}</span>
        <Link href={`/documents/${slug}`} className="dads-link break-all">
          {id}
        </Link>
        {revision !== null && (
          <Link href={`/documents/${slug}/revisions/${revision}`} className={`dads-link ${SMALL}`}>
            {m.table.revisionLink(revision)}
          </Link>
        )}
        {compare && (
          <Link href={`/documents/${slug}/compare?from=${compare.from}&to=${compare.to}`} className={`dads-link ${SMALL}`}>
            {m.table.compareLink}
          </Link>
        )}
      </>
    );
  }
  return (
    <>
      {type && <span className={SMALL}>{targetTypeLabel(type)}</span>}
      {id && <span className={`block ${MONO_WRAP}`}>{id}</span>}
    </>
  );
}

function EventDetails({ event }: { event: TAuditEventRow }) {
  const rows: { label: string; value: string | null; mono?: boolean }[] = [
    { label: m.table.seq, value: event.seq, mono: true },
    { label: m.table.occurredAtUtc, value: event.occurredAt, mono: true },
    { label: m.table.requestId, value: event.requestId, mono: true },
    { label: m.table.userAgent, value: event.userAgent },
    { label: m.table.hash, value: event.hash, mono: true },
  ];
  return (
    <div className="sticky left-3 mt-2 max-w-[calc(100vw-4.5rem)] rounded-8 border border-solid-gray-420 bg-white p-4 md:static md:max-w-none">
      <dl className="grid gap-x-6 gap-y-2 text-std-16N-170 md:grid-cols-[10rem_minmax(0,1fr)]">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-dns-14B-130 text-solid-gray-700 md:pt-0.5">{row.label}</dt>
            <dd className={row.value === null ? 'text-solid-gray-700' : row.mono ? MONO_WRAP : 'break-all'}>{row.value ?? m.table.none}</dd>
          </div>
        ))}
        <div className="contents">
          <dt className="text-dns-14B-130 text-solid-gray-700 md:pt-0.5">{m.table.detailsJson}</dt>
          <dd>
            <pre className="max-h-80 overflow-auto rounded-4 bg-solid-gray-50 p-3 font-mono text-mono-14N-150 whitespace-pre-wrap break-all text-solid-gray-900">
              {JSON.stringify(event.details ?? {}, null, 2)}
            </pre>
          </dd>
        </div>
      </dl>
    </div>
  );
}
