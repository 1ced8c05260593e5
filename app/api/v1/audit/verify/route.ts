import { verifyAuditChainForAuditor } from '@/lib/server/audit/verify-for-auditor';
import { jsonFromError, jsonOk } from '@/lib/server/http/json';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    return jsonOk(await verifyAuditChainForAuditor());
  } catch (error) {
    return jsonFromError(error);
  }
}
