import { actionLabel, documentLinks, roleLabel, targetTypeLabel } from '@/components/audit/format';
import { formatJst } from '@/lib/format/tokyo-time';
import { auditMessages as m } from '@/lib/messages/audit';
import type { TAuditEventRow } from '@/lib/server/audit/list-events';

/**
 * The trail, newest first: who, what, when, on what, with what outcome. Each event's full record
 * (details, user agent, request id, hashes) is on its own page, linked from the sequence number,
 * so that the list stays small with every page of 50 rows. Plain markup styled from the table's
 * one class (app/globals.css, "audit-table"); links are plain anchors, so 150 of them are not
 * prefetched. Wide, so the table scrolls sideways on a phone inside a region the keyboard can reach.
 */
export function AuditEventTable({ events }: { events: TAuditEventRow[] }) {
  return (
    <div role="region" aria-label={m.table.region} tabIndex={0} className="overflow-x-auto rounded-8 border border-solid-gray-420">
      <table className="audit-table w-full min-w-[64rem] border-collapse">
        <caption className="sr-only">{m.table.caption}</caption>
        <thead className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
          <tr>
            <th scope="col">{m.table.seq}</th>
            <th scope="col">{m.table.occurredAt}</th>
            <th scope="col">{m.table.actor}</th>
            <th scope="col">{m.table.action}</th>
            <th scope="col">{m.table.target}</th>
            <th scope="col">{m.table.outcome}</th>
            <th scope="col">{m.table.clientAddress}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.seq} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventRow({ event }: { event: TAuditEventRow }) {
  return (
    <tr>
      <td>
        <a href={`/audit/events/${event.seq}`} className="dads-link font-mono">
          {event.seq}
          <span className="sr-only">{m.table.seqLinkSuffix}</span>
        </a>
      </td>
      <td>
        <time dateTime={event.occurredAt}>{formatJst(event.occurredAt)}</time>
      </td>
      <td>
        <Actor event={event} />
      </td>
      <td>{actionLabel(event.action)}</td>
      <td>
        <Target type={event.targetType} id={event.targetId} details={event.details} />
      </td>
      <td>
        <span className={event.outcome === 'SUCCESS' ? 'audit-tag' : 'audit-tag audit-tag-ng'}>{m.outcomes[event.outcome]}</span>
      </td>
      {event.clientAddress ? <td className="audit-mono">{event.clientAddress}</td> : <td className="text-solid-gray-700">{m.table.none}</td>}
    </tr>
  );
}

function Actor({ event }: { event: TAuditEventRow }) {
  if (!event.actorLoginId) return <span className="text-solid-gray-700">{m.table.anonymous}</span>;
  return (
    <>
      <span className="block font-mono break-all">{event.actorLoginId}</span>
      {event.actorDepartment && (
        <span className="audit-sub">
          <span className="sr-only">{`${m.table.departmentLabel}: `}</span>
          {event.actorDepartment}
        </span>
      )}
      {event.actorRoles.length > 0 && (
        <span className="audit-sub">
          <span className="sr-only">{`${m.table.rolesLabel}: `}</span>
          {event.actorRoles.map(roleLabel).join('、')}
        </span>
      )}
    </>
  );
}

function Target({ type, id, details }: { type: string | null; id: string | null; details: unknown }) {
  if (!type && !id) return <span className="text-solid-gray-700">{m.table.none}</span>;
  if (type === 'document' && id) {
    const links = documentLinks(id, details);
    return (
      <>
        <span className="audit-sub">{targetTypeLabel(type)}</span>
        <a href={`/documents/${encodeURIComponent(id)}`} className="dads-link break-all">
          {id}
        </a>
        {links.revision && (
          <a href={links.revision.href} className="dads-link audit-sub">
            {m.table.revisionLink(links.revision.number)}
          </a>
        )}
        {links.compare && (
          <a href={links.compare} className="dads-link audit-sub">
            {m.table.compareLink}
          </a>
        )}
      </>
    );
  }
  return (
    <>
      {type && <span className="audit-sub">{targetTypeLabel(type)}</span>}
      {id && <span className="block audit-mono">{id}</span>}
    </>
  );
}
