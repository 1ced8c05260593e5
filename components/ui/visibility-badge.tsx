import { Tag, type TTagTone } from '@/components/ui/tag';
import { messages as m } from '@/lib/messages/ja';
import type { TVisibility } from '@/lib/domain/documents';

const VISIBILITY_TONES = {
  PUBLIC: 'gray',
  STAFF: 'orange',
  RESTRICTED: 'red',
} as const satisfies Record<TVisibility, TTagTone>;

export function VisibilityBadge({ visibility }: { visibility: TVisibility }) {
  return (
    <Tag tone={VISIBILITY_TONES[visibility]}>
      <span className="sr-only">{m.visibilityLabel}: </span>
      {m.visibility[visibility]}
    </Tag>
  );
}
