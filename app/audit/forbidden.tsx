import type { Metadata } from 'next';
import { ForbiddenPanel } from '@/components/ui/forbidden-panel';
import { auditMessages } from '@/lib/messages/audit';
import { messages } from '@/lib/messages/ja';

export const metadata: Metadata = { title: messages.forbidden.title, robots: { index: false } };

/** The audit trail refused a signed-in person who may not read it (403). */
export default function Forbidden() {
  return <ForbiddenPanel body={auditMessages.forbidden.body} />;
}
