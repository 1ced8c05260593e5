import { Tag, type TTagTone } from '@/components/ui/tag';
import { messages as m } from '@/lib/messages/ja';
import type { TDocumentKind } from '@/lib/domain/documents';

const KIND_TONES = {
  BASIC_POLICY: 'key',
  STANDARD: 'green',
  SAFETY_MANAGEMENT_STANDARD: 'purple',
  PROCEDURE: 'gray',
} as const satisfies Record<TDocumentKind, TTagTone>;

export function KindLabel({ kind }: { kind: TDocumentKind }) {
  return <Tag tone={KIND_TONES[kind]}>{m.kind[kind]}</Tag>;
}
