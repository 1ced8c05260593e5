import type { Metadata } from 'next';
import { AuditEventNotFound } from '@/components/audit/audit-event-not-found';
import { auditMessages as m } from '@/lib/messages/audit';

export const metadata: Metadata = { title: m.eventNotFound.title, robots: { index: false } };

export default function NotFound() {
  return <AuditEventNotFound />;
}
