'use server';

import { revalidatePath } from 'next/cache';
import { verifyAuditChainForAuditor } from '@/lib/server/audit/verify-for-auditor';
import { runAction } from '@/lib/server/http/action-result';

/** Verifies the hash chain and records it; the DAL refuses anyone but an auditor, button or not. */
export async function verifyChainAction() {
  const result = await runAction(() => verifyAuditChainForAuditor());
  revalidatePath('/audit');
  return result;
}
