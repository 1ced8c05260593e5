import { Tag } from '@/components/ui/tag';
import { messages as m } from '@/lib/messages/ja';

export function ScheduledTag() {
  return <Tag tone="yellow">{m.document.scheduled}</Tag>;
}
