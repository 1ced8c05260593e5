import type { TDeepTree } from '@/lib/policy-text/deep/tree';

/*
 * DTOs that the data access layer hands to pages and route handlers.
 * Plain, serialisable objects: never a Prisma row.
 */

export const DOCUMENT_KINDS = ['BASIC_POLICY', 'STANDARD', 'SAFETY_MANAGEMENT_STANDARD', 'PROCEDURE'] as const;
export type TDocumentKind = (typeof DOCUMENT_KINDS)[number];

export const VISIBILITIES = ['PUBLIC', 'STAFF', 'RESTRICTED'] as const;
export type TVisibility = (typeof VISIBILITIES)[number];

export const REVISION_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CONFIRMING', 'REBASED'] as const;
export type TRevisionStatus = (typeof REVISION_STATUSES)[number];

/** Where a revision stands for its reader: the status together with its place in the chain and the date. */
export type TRevisionState = 'in-force' | 'superseded' | 'scheduled' | 'draft' | 'in-review' | 'rejected' | 'withdrawn' | 'abolition' | 'confirming' | 'rebased';

export interface TDepartmentRef {
  code: string;
  name: string;
}

export interface TRevisionRef {
  /** the revision's stable number (its address: /documents/{slug}/revisions/{number}) */
  number: number;
  /** 第n版: its place among the document's approved revisions */
  edition: number;
  /** ISO date YYYY-MM-DD */
  effectiveDate: string;
}

export interface TDocumentSummary {
  id: string;
  slug: string;
  kind: TDocumentKind;
  title: string;
  visibility: TVisibility;
  department: TDepartmentRef | null;
  parentSlug: string | null;
  /** the revision in force on the date asked for (today by default); null when none is */
  inForce: TRevisionRef | null;
  /** an approved revision whose effective date is still ahead (未施行); always null for readers of the public edition */
  scheduled: TRevisionRef | null;
  /** the date a 廃止 came into force, when it has by the date asked for */
  abolishedOn: string | null;
  /** full: the reader may read the whole document; excerpt: only its public edition (外部に周知すべき事項) */
  edition: 'full' | 'excerpt';
}

export interface TLibraryNode extends TDocumentSummary {
  children: TLibraryNode[];
}

export interface THistoryEntry {
  /** ISO date */
  date: string;
  /** 制定 for the first entry, 一部改正 / 全部改正 after it */
  label: string;
  /** the revision that the entry belongs to, when the portal holds it */
  revisionNumber: number | null;
}

export interface TRevisionView {
  number: number;
  status: TRevisionStatus;
  effectiveDate: string | null;
  changeReason: string | null;
  /** ISO timestamp */
  approvedAt: string | null;
  tree: TDeepTree;
}

export interface TDocumentView {
  document: TDocumentSummary;
  revision: TRevisionView;
  /** the document's 沿革, oldest first, from the supplementary provisions and the revisions */
  history: THistoryEntry[];
  /** the ISO date the page was asked for (today when not given) */
  asOf: string;
}

export interface TRecentRevision {
  document: TDocumentSummary;
  revisionNumber: number;
  effectiveDate: string;
}

export interface TPortalOverview {
  counts: Record<TDocumentKind, number>;
  basicPolicy: TDocumentSummary | null;
  recent: TRecentRevision[];
  /** for a signed-in reader with a department: the documents owned by or granted to it; null otherwise */
  forMyDepartment: { departmentName: string; documents: TDocumentSummary[] } | null;
}
