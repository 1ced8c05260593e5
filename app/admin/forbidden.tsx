import type { Metadata } from 'next';
import { ForbiddenPanel } from '@/components/ui/forbidden-panel';
import { adminMessages } from '@/lib/messages/admin';
import { messages } from '@/lib/messages/ja';

export const metadata: Metadata = { title: messages.forbidden.title, robots: { index: false } };

/** The administration screens refused a signed-in person without the administrator's role (403). */
export default function Forbidden() {
  return <ForbiddenPanel body={adminMessages.common.forbiddenBody} />;
}
