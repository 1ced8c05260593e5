/*
 * The roles an account may hold. Client-safe: the Prisma enum `Role` is the same list, and
 * tests/unit/domain/vocabulary.test.ts keeps the two in step.
 */
export const ROLES = ['STAFF', 'EDITOR', 'APPROVER', 'AUDITOR', 'ADMIN', 'CISO', 'SECURITY_GENERAL', 'SECURITY_RESPONSIBLE', 'SECURITY_MANAGER'] as const;
export type TRole = (typeof ROLES)[number];
