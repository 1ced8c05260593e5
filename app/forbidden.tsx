import type { Metadata } from 'next';
import { ForbiddenPanel } from '@/components/ui/forbidden-panel';
import { messages } from '@/lib/messages/ja';

export const metadata: Metadata = { title: messages.forbidden.title, robots: { index: false } };

/** The 403 page of a screen that forbidden() refused (lib/server/http/screen.ts). */
export default function Forbidden() {
  return <ForbiddenPanel />;
}
