import { Tag, type TTagTone } from '@/components/ui/tag';
import { auditMessages as m } from '@/lib/messages/audit';
import type { TAuditEventRow } from '@/lib/server/audit/list-events';

const OUTCOME_TONES = {
  SUCCESS: 'green',
  DENIED: 'red',
  FAILED: 'red',
} as const satisfies Record<TAuditEventRow['outcome'], TTagTone>;

export function OutcomeBadge({ outcome }: { outcome: TAuditEventRow['outcome'] }) {
  return <Tag tone={OUTCOME_TONES[outcome]}>{m.outcomes[outcome]}</Tag>;
}
