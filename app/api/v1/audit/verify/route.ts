import { verifyAuditChainForAuditor } from '@/lib/server/audit/verify-for-auditor';
import { withRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** A POST: verifying records the verification (the auditors' screen shows the last one). */
export const POST = withRoute({}, () => verifyAuditChainForAuditor());
