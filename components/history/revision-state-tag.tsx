import { Tag, type TTagTone } from '@/components/ui/tag';
import { dayBefore } from '@/components/history/format';
import { historyMessages as m } from '@/lib/messages/history';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TRevisionState } from '@/lib/domain/documents';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

const STATE_TONES = {
  'in-force': 'green',
  superseded: 'gray',
  scheduled: 'yellow',
  draft: 'gray',
  'in-review': 'key',
  rejected: 'red',
  withdrawn: 'gray',
  abolition: 'gray',
  confirming: 'orange',
  rebased: 'gray',
} as const satisfies Record<TRevisionState, TTagTone>;

/** The revision's state in words: 現行, 未施行, 旧版（令和6年3月31日まで）, 差戻し … */
export function stateLabel(revision: Pick<TRevisionEntry, 'state' | 'supersededOn'>): string {
  if (revision.state === 'superseded' && revision.supersededOn) return m.supersededUntil(formatWareki(dayBefore(revision.supersededOn)));
  return m.state[revision.state];
}

export function RevisionStateTag({ revision }: { revision: Pick<TRevisionEntry, 'state' | 'supersededOn'> }) {
  return <Tag tone={STATE_TONES[revision.state]}>{stateLabel(revision)}</Tag>;
}
