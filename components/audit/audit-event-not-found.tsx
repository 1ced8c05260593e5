import { NotFoundPanel } from '@/components/ui/not-found-panel';
import { auditMessages as m } from '@/lib/messages/audit';

/** A sequence number that names no event the reader may see: missing, malformed or out of their scope alike. */
export function AuditEventNotFound() {
  return (
    <NotFoundPanel
      title={m.eventNotFound.title}
      body={m.eventNotFound.body}
      links={[
        { href: '/audit', label: m.eventNotFound.toList },
        { href: '/', label: m.eventNotFound.toHome },
      ]}
    />
  );
}
