import { Tag } from '@/components/ui/tag';
import { authMessages as a } from '@/lib/messages/auth';

/** Marks a non-public document of which the reader sees only the public edition (外部に周知すべき事項). */
export function ExcerptTag() {
  return <Tag tone="key">{a.access.excerptTag}</Tag>;
}
