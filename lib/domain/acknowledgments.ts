/*
 * 遵守の確認 (issue 18): the vocabulary of acknowledgment tasks, client-safe.
 */
export const ACK_STATES = ['done', 'open', 'overdue'] as const;
/** done: acknowledged the revision asked for (or a later one); open: not yet, before the due date; overdue: past it */
export type TAckState = (typeof ACK_STATES)[number];

export const CHANGE_KINDS = ['SUBSTANTIVE', 'WORDING'] as const;
export type TChangeKind = (typeof CHANGE_KINDS)[number];

export const DEPARTMENT_KINDS = ['BU', 'KA', 'KAKARI'] as const;
export type TDepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** One person's obligation for one document: which revision to read, and where they stand. */
export interface TAckObligation {
  userId: string;
  displayName: string;
  loginId: string;
  departmentId: string | null;
  departmentName: string | null;
  documentId: string;
  slug: string;
  title: string;
  /** the revision to read: the latest one asked for (its stable number and 第n版) */
  number: number;
  edition: number | null;
  effectiveDate: string;
  /** the revision was asked for before its effective date (施行前の周知) */
  early: boolean;
  /** YYYY-MM-DD */
  dueOn: string;
  state: TAckState;
  /** the last revision this person acknowledged, if any */
  lastNumber: number | null;
  lastEdition: number | null;
  acknowledgedAt: string | null;
}
