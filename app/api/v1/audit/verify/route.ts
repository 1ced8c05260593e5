import { verifyAuditChainForAuditor } from '@/lib/server/audit/verify-for-auditor';
import { jsonFromError, jsonOk } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

/** A POST: verifying records the verification (the auditors' screen shows the last one). */
export async function POST() {
  try {
    return jsonOk(await verifyAuditChainForAuditor());
  } catch (error) {
    return jsonFromError(error);
  }
}
