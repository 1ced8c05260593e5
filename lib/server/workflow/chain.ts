import 'server-only';
import { workflowErrors } from '@/lib/messages/workflow-errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RevisionStatus } from '@/lib/generated/prisma/enums';
import { formatWareki } from '@/lib/policy-text/wareki';
import { dateColumn, isoDate } from '@/lib/server/clock';
import { DalError } from '@/lib/domain/errors';

/*
 * The chain of a document (docs/decisions/007): its APPROVED revisions, and rebased copies waiting
 * for confirmation (CONFIRMING), ordered by effective date. Each amends the one before it. 第n版 is
 * the position of an APPROVED revision in it; a CONFIRMING one holds its place but has no edition
 * and is in force on no date until confirmed.
 */

export interface TChainLink {
  id: string;
  number: number;
  edition: number | null;
  status: RevisionStatus;
  effectiveDate: string;
  amendsRevisionId: string | null;
}

export async function loadChain(tx: Prisma.TransactionClient, documentId: string): Promise<TChainLink[]> {
  const rows = await tx.revision.findMany({
    where: { documentId, status: { in: ['APPROVED', 'CONFIRMING'] }, effectiveDate: { not: null } },
    orderBy: [{ effectiveDate: 'asc' }, { number: 'asc' }],
    select: { id: true, number: true, edition: true, status: true, effectiveDate: true, amendsRevisionId: true },
  });
  return rows.map((r) => ({ ...r, effectiveDate: isoDate(r.effectiveDate!) }));
}

/** The link a revision taking effect on `date` amends: the last one before that date. */
export function predecessorOn(chain: TChainLink[], date: string): TChainLink | null {
  return chain.filter((link) => link.effectiveDate < date).at(-1) ?? null;
}

/** 第3版 for a link with an edition; 改正案 otherwise (a CONFIRMING copy is not numbered yet). */
export function linkLabel(link: Pick<TChainLink, 'edition' | 'number'>): string {
  return workflowErrors.linkLabel(link.edition, link.number);
}

/**
 * Refuses a revision whose base is not the revision it would amend on `date`: another approval
 * landed in between, or the date moved it to another place in the chain. Like a stale save, it is
 * never applied on that base.
 */
export function assertBaseIsPredecessor(input: { chain: TChainLink[]; baseRevisionId: string | null; date: string }): TChainLink | null {
  const predecessor = predecessorOn(input.chain, input.date);
  if ((predecessor?.id ?? null) === input.baseRevisionId) return predecessor;
  const base = input.chain.find((link) => link.id === input.baseRevisionId);
  const m = workflowErrors.staleBase;
  const baseText = base ? m.base(linkLabel(base), formatWareki(base.effectiveDate)) : m.baseUnknown;
  const predecessorText = predecessor ? m.base(linkLabel(predecessor), formatWareki(predecessor.effectiveDate)) : m.predecessorNone;
  throw new DalError('CONFLICT', m.sentence(baseText, formatWareki(input.date), predecessorText));
}

/**
 * Numbers the APPROVED revisions of a document 1, 2, 3 … in chain order. Two statements: clearing
 * first keeps the unique (document, edition) index from seeing two rows with one number midway.
 */
export async function renumberEditions(tx: Prisma.TransactionClient, documentId: string): Promise<void> {
  await tx.$executeRaw`UPDATE revisions SET edition = NULL WHERE document_id = ${documentId}::uuid AND edition IS NOT NULL`;
  await tx.$executeRaw`
    UPDATE revisions r SET edition = c.n
    FROM (SELECT id, row_number() OVER (ORDER BY effective_date, number) AS n FROM revisions
          WHERE document_id = ${documentId}::uuid AND status = 'APPROVED' AND effective_date IS NOT NULL) c
    WHERE r.id = c.id`;
}

/** The date another revision of the chain takes effect on, as a sentence; null when the date is free. */
export async function dateClash(tx: Prisma.TransactionClient, documentId: string, effectiveDate: string): Promise<string | null> {
  const clash = await tx.revision.findFirst({ where: { documentId, status: { in: ['APPROVED', 'CONFIRMING'] }, effectiveDate: dateColumn(effectiveDate) }, select: { number: true, edition: true } });
  return clash ? workflowErrors.dateClash(formatWareki(effectiveDate), linkLabel(clash)) : null;
}

/** Refuses an effective date another revision of the chain already takes effect on. */
export async function assertDateFree(tx: Prisma.TransactionClient, documentId: string, effectiveDate: string): Promise<void> {
  const clash = await dateClash(tx, documentId, effectiveDate);
  if (clash) throw new DalError('INVALID_INPUT', clash);
}

/** The revisions a draft may start from: the one in force today and every scheduled one, oldest first. */
export function baseChoices<T extends { status: string; effectiveDate: string }>(chain: T[], today: string): T[] {
  const approved = chain.filter((link) => link.status === 'APPROVED');
  const inForce = approved.filter((link) => link.effectiveDate <= today).at(-1);
  return approved.filter((link) => link === inForce || link.effectiveDate > today);
}
