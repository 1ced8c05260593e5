/*
 * npm run audit:verify [-- --expect-head <seq>:<hash>]
 * Walks the audit chain; prints the head (seq and hash, save it somewhere the database's
 * administrators cannot write) or the first broken link. Exit code 1 when the chain is broken.
 */
import { parseArgs } from 'node:util';
import { unsafeVerifyAuditChain } from '@/lib/server/audit/verify-chain';
import { disconnectDb } from '@/lib/server/db';
import { withDatabase } from './lib/database';

const { values } = parseArgs({ options: { 'expect-head': { type: 'string' } } });
const expect = values['expect-head'];
const match = expect ? /^(\d+):([0-9a-f]{64})$/.exec(expect) : null;
if (expect && !match) {
  console.error('--expect-head は <seq>:<64桁のハッシュ> の形式で指定してください。');
  process.exit(2);
}

const result = await withDatabase(async () => {
  try {
    return await unsafeVerifyAuditChain(match ? { expectHead: { seq: BigInt(match[1]!), hash: match[2]! } } : {});
  } finally {
    await disconnectDb();
  }
});

if (result.ok) {
  console.log(`監査記録の連鎖を検証しました: ${result.checked} 件、異常なし`);
  console.log(result.head ? `head ${result.head.seq}:${result.head.hash}` : 'head (記録なし)');
} else {
  console.error(`監査記録の連鎖が壊れています: seq ${result.brokenAt} — ${result.reason}（${result.checked} 件目まで正常）`);
  process.exit(1);
}
