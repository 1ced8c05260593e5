import Link from 'next/link';
import type { ReactNode } from 'react';
import { actionLabel, documentLinks, filterQuery, roleLabel, targetTypeLabel } from '@/components/audit/format';
import { formatJst } from '@/lib/format/tokyo-time';
import { OutcomeBadge } from '@/components/audit/outcome-badge';
import { PageContainer } from '@/components/layout/page-container';
import { Breadcrumb } from '@/components/reader/breadcrumb';
import { Tag } from '@/components/ui/tag';
import { auditMessages as m } from '@/lib/messages/audit';
import type { TAuditEventDetail } from '@/lib/server/audit/get-event';

const CARD = 'mt-8 rounded-12 border border-solid-gray-420 bg-white p-5 md:p-6';
const MONO = 'font-mono text-mono-14N-150 break-all text-solid-gray-900';
const NAV_LINK =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-8 border border-blue-900 bg-white px-5 text-oln-16B-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100';

/** One event of the trail on a page of its own: the record, its details as stored, and its link in the hash chain. */
export function AuditEventDetail({ detail }: { detail: TAuditEventDetail }) {
  const { event, integrity } = detail;
  const none = <span className="text-solid-gray-700">{m.table.none}</span>;
  return (
    <PageContainer>
      <Breadcrumb inLibrary={false} trail={[{ href: '/audit', label: m.title }]} current={m.event.breadcrumbCurrent(event.seq)} />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.event.title(event.seq)}</h1>
      <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 text-std-17N-170 text-solid-gray-900">
        <time dateTime={event.occurredAt} className="tabular-nums">
          {formatJst(event.occurredAt)}
        </time>
        <span>{actionLabel(event.action)}</span>
        <OutcomeBadge outcome={event.outcome} />
      </p>
      <p className="mt-2 max-w-[40em] text-std-16N-170 text-solid-gray-700">{m.event.lead}</p>

      <section aria-labelledby="audit-event-record" className={CARD}>
        <h2 id="audit-event-record" className="text-std-20B-150 text-solid-gray-900">
          {m.event.recordHeading}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-std-16N-170 md:grid-cols-[12rem_minmax(0,1fr)]">
          <Item label={m.table.seq}>
            <span className={MONO}>{event.seq}</span>
          </Item>
          <Item label={m.event.occurredAtJst}>
            <span className="tabular-nums">{formatJst(event.occurredAt)}</span>
          </Item>
          <Item label={m.table.occurredAtUtc}>
            <span className={MONO}>{event.occurredAt}</span>
          </Item>
          <Item label={m.table.actor}>
            {event.actorLoginId ? (
              <>
                <span className="block font-mono break-all">{event.actorLoginId}</span>
                {event.actorDepartment && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {m.table.departmentLabel}: {event.actorDepartment}
                  </span>
                )}
                {event.actorRoles.length > 0 && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {m.table.rolesLabel}: {event.actorRoles.map(roleLabel).join('、')}
                  </span>
                )}
                <Link href={`/audit${filterQuery({ actor: event.actorLoginId })}`} className="dads-link mt-1 inline-block text-dns-14N-130">
                  {m.event.actorFilter}
                </Link>
              </>
            ) : (
              <span className="text-solid-gray-700">{m.table.anonymous}</span>
            )}
          </Item>
          <Item label={m.table.action}>{actionLabel(event.action)}</Item>
          <Item label={m.event.actionCode}>
            <span className={MONO}>{event.action}</span>
          </Item>
          <Item label={m.table.target}>
            <Target event={event} />
          </Item>
          <Item label={m.table.outcome}>
            <OutcomeBadge outcome={event.outcome} />
          </Item>
          <Item label={m.table.clientAddress}>{event.clientAddress ? <span className={MONO}>{event.clientAddress}</span> : none}</Item>
          <Item label={m.table.userAgent}>{event.userAgent ? <span className="break-all">{event.userAgent}</span> : none}</Item>
          <Item label={m.table.requestId}>{event.requestId ? <span className={MONO}>{event.requestId}</span> : none}</Item>
        </dl>
      </section>

      <section aria-labelledby="audit-event-details" className={CARD}>
        <h2 id="audit-event-details" className="text-std-20B-150 text-solid-gray-900">
          {m.event.detailsHeading}
        </h2>
        <pre
          tabIndex={0}
          aria-labelledby="audit-event-details"
          className="mt-4 max-h-[32rem] overflow-auto rounded-4 bg-solid-gray-50 p-4 font-mono text-mono-14N-150 whitespace-pre-wrap break-all text-solid-gray-900"
        >
          {JSON.stringify(event.details ?? {}, null, 2)}
        </pre>
      </section>

      <section aria-labelledby="audit-event-chain" className={`${CARD} ${integrity === 'ok' ? '' : 'border-2 border-error-1'}`}>
        <h2 id="audit-event-chain" className="text-std-20B-150 text-solid-gray-900">
          {m.event.chainHeading}
        </h2>
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">{m.event.chainLead}</p>
        {detail.scope === 'all' && (
          <p className="mt-1 text-std-16N-170">
            <Link href="/audit#audit-chain-heading" className="dads-link">
              {m.event.toChainVerification}
            </Link>
          </p>
        )}
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-std-16N-170 md:grid-cols-[12rem_minmax(0,1fr)]">
          <Item label={m.event.integrity}>
            {integrity === 'ok' ? (
              <Tag tone="green">{m.event.integrityOk}</Tag>
            ) : (
              <div className="text-error-2">
                <Tag tone="red">{integrity === 'altered' ? m.event.integrityAltered : m.event.integrityUnlinked}</Tag>
                <p className="mt-1">{integrity === 'altered' ? m.event.integrityAlteredNote : m.event.integrityUnlinkedNote}</p>
              </div>
            )}
          </Item>
          <Item label={m.event.prevHash}>
            <span className={MONO}>{detail.prevHash}</span>
          </Item>
          <Item label={m.table.hash}>
            <span className={MONO}>{event.hash}</span>
          </Item>
        </dl>
      </section>

      <nav aria-label={m.event.navLabel} className="mt-8 flex flex-wrap items-center gap-4">
        {detail.newerSeq && (
          <Link href={`/audit/events/${detail.newerSeq}`} rel="prev" className={NAV_LINK}>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M10 3 5 8l5 5" />
            </svg>
            {m.event.newer}
            <span className="sr-only">（{m.event.breadcrumbCurrent(detail.newerSeq)}）</span>
          </Link>
        )}
        {detail.olderSeq && (
          <Link href={`/audit/events/${detail.olderSeq}`} rel="next" className={NAV_LINK}>
            {m.event.older}
            <span className="sr-only">（{m.event.breadcrumbCurrent(detail.olderSeq)}）</span>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M6 3l5 5-5 5" />
            </svg>
          </Link>
        )}
      </nav>
      <ul className="mt-6 flex flex-wrap gap-x-8 gap-y-2 text-std-16N-170">
        <li>
          <Link href="/audit" className="dads-link">
            {m.event.toList}
          </Link>
        </li>
        <li>
          <Link href={`/audit${filterQuery({}, (BigInt(event.seq) + 1n).toString())}`} className="dads-link">
            {m.event.listFromHere}
          </Link>
        </li>
      </ul>
    </PageContainer>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
      <dd className="text-solid-gray-900">{children}</dd>
    </div>
  );
}

function Target({ event }: { event: TAuditEventDetail['event'] }) {
  const { targetType: type, targetId: id } = event;
  if (!type && !id) return <span className="text-solid-gray-700">{m.table.none}</span>;
  if (type !== 'document' || !id) {
    return (
      <>
        {type && <span className="block text-dns-14N-130 text-solid-gray-700">{targetTypeLabel(type)}</span>}
        {id && <span className={`block ${MONO}`}>{id}</span>}
      </>
    );
  }
  const links = documentLinks(id, event.details);
  return (
    <>
      <span className="block text-dns-14N-130 text-solid-gray-700">{targetTypeLabel(type)}</span>
      <ul className="space-y-1">
        <li>
          <Link href={`/documents/${encodeURIComponent(id)}`} className="dads-link break-all">
            {id}
          </Link>
        </li>
        {links.revision && (
          <li>
            <Link href={links.revision.href} className="dads-link">
              {m.table.revisionLink(links.revision.number)}
            </Link>
          </li>
        )}
        {links.compare && (
          <li>
            <Link href={links.compare} className="dads-link">
              {m.table.compareLink}
            </Link>
          </li>
        )}
        <li>
          <Link href={`/audit${filterQuery({ document: id })}`} className="dads-link text-dns-14N-130">
            {m.event.documentFilter}
          </Link>
        </li>
      </ul>
    </>
  );
}
