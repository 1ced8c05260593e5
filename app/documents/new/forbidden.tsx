import type { Metadata } from 'next';
import { ForbiddenPanel } from '@/components/ui/forbidden-panel';
import { workflowMessages } from '@/lib/messages/workflow';
import { messages } from '@/lib/messages/ja';

export const metadata: Metadata = { title: messages.forbidden.title, robots: { index: false } };

/** Creating a document refused a signed-in person who may not manage documents (403). */
export default function Forbidden() {
  return <ForbiddenPanel body={workflowMessages.forbidden.documentsBody} />;
}
