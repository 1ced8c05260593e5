import type { Metadata } from 'next';
import { forbidden, notFound, redirect } from 'next/navigation';
import { AuditEventDetail } from '@/components/audit/audit-event-detail';
import { auditMessages as m } from '@/lib/messages/audit';
import { getAuditEvent, type TAuditEventDetail } from '@/lib/server/audit/get-event';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { DalError } from '@/lib/domain/errors';

export const dynamic = 'force-dynamic';

type TParams = Promise<{ seq: string }>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const { seq } = await params;
  return { title: /^\d{1,19}$/.test(seq) ? m.event.title(seq) : m.title, robots: { index: false } };
}

/** The DAL decides who may read the event (as for the list); this page only chooses how a refusal looks. */
async function load(seq: string): Promise<{ kind: 'ok'; detail: TAuditEventDetail } | { kind: 'sign-in' } | { kind: 'forbidden' } | { kind: 'not-found' }> {
  try {
    return { kind: 'ok', detail: await getAuditEvent({ seq }) };
  } catch (error) {
    if (error instanceof PermissionDeniedError) return error.permission === 'sign-in' ? { kind: 'sign-in' } : { kind: 'forbidden' };
    if (error instanceof DalError && error.code === 'NOT_FOUND') return { kind: 'not-found' };
    throw error;
  }
}

export default async function AuditEventPage({ params }: { params: TParams }) {
  const { seq } = await params;
  const loaded = await load(seq);
  if (loaded.kind === 'sign-in') redirect(`/login?callbackUrl=${encodeURIComponent(`/audit/events/${encodeURIComponent(seq)}`)}`);
  if (loaded.kind === 'forbidden') forbidden();
  if (loaded.kind === 'not-found') notFound();
  return <AuditEventDetail detail={loaded.detail} />;
}
