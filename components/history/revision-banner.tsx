import type { ReactNode } from 'react';
import { dayBefore } from '@/components/history/format';
import { Notice } from '@/components/ui/notice';
import { historyMessages as m } from '@/lib/messages/history';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TRevisionEntry } from '@/lib/server/history/get-revision-history';

/** What the reader must know before reading a revision that is not the one in force. */
export function revisionNotice(revision: TRevisionEntry, inForceNumber: number | null): { tone: 'info' | 'warning'; text: string } | null {
  const wareki = (iso: string | null) => (iso ? formatWareki(iso) : null);
  switch (revision.state) {
    case 'in-force':
      return null;
    case 'superseded':
      return {
        tone: 'warning',
        text: revision.supersededOn ? m.revisionPage.superseded(formatWareki(dayBefore(revision.supersededOn)), inForceNumber) : m.revisionPage.supersededUndated(inForceNumber),
      };
    case 'scheduled':
      return { tone: 'info', text: m.revisionPage.scheduled(wareki(revision.effectiveDate) ?? m.facts.effectiveUndecided) };
    case 'draft':
      return { tone: 'warning', text: m.revisionPage.draft };
    case 'in-review':
      return { tone: 'warning', text: m.revisionPage.inReview };
    case 'rejected':
      return { tone: 'warning', text: m.revisionPage.rejected };
    case 'withdrawn':
      return { tone: 'warning', text: m.revisionPage.withdrawn };
    case 'abolition':
      return { tone: 'warning', text: m.revisionPage.abolition(wareki(revision.effectiveDate)) };
    case 'confirming':
      return { tone: 'warning', text: m.revisionPage.confirming(wareki(revision.effectiveDate) ?? m.facts.effectiveUndecided) };
    case 'rebased':
      return { tone: 'warning', text: m.revisionPage.rebased(revision.rebasedToNumber ?? 0) };
  }
}

export function RevisionBanner({ revision, inForceNumber, children }: { revision: TRevisionEntry; inForceNumber: number | null; children?: ReactNode }) {
  const notice = revisionNotice(revision, inForceNumber);
  if (!notice) return null;
  return (
    <Notice tone={notice.tone}>
      <p className="text-std-16B-170">{notice.text}</p>
      {children}
    </Notice>
  );
}
