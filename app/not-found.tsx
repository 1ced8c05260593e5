import type { Metadata } from 'next';
import { NotFoundPanel } from '@/components/ui/not-found-panel';
import { messages as m } from '@/lib/messages/ja';

export const metadata: Metadata = { title: m.notFound.title };

export default function NotFound() {
  return <NotFoundPanel />;
}
