import type { Metadata } from 'next';
import { ForbiddenPanel } from '@/components/ui/forbidden-panel';
import { acknowledgmentMessages } from '@/lib/messages/acknowledgments';
import { messages } from '@/lib/messages/ja';

export const metadata: Metadata = { title: messages.forbidden.title, robots: { index: false } };

/** The managers' view refused a signed-in person without a scope (403). */
export default function Forbidden() {
  return <ForbiddenPanel body={acknowledgmentMessages.board.forbiddenBody} />;
}
