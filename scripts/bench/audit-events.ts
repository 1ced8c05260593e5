/*
 * Hash-chained audit events in bulk, for the benchmarks (npm run bench:audit, bench:corpus):
 * a realistic mix of actors, actions and documents, appended after whatever head the trail
 * already has, so that `npm run audit:verify` still finds an intact chain.
 */
import type pg from 'pg';
import { eventHash, GENESIS_HASH, type TChainedFields } from '@/lib/server/audit/chain';

export interface TAuditActor {
  loginId: string;
  department: string;
}

const ACTIONS = ['document.read', 'document.read', 'document.read', 'auth.sign-in', 'auth.sign-out', 'draft.save', 'revision.submit', 'revision.approve', 'account.update', 'document.compare'];
const BATCH = 2000;

export const SYNTHETIC_ACTORS: TAuditActor[] = Array.from({ length: 400 }, (_, i) => ({
  loginId: `user-${String(i).padStart(4, '0')}`,
  department: ['general-affairs', 'policy', 'citizens', 'welfare'][i % 4]!,
}));
export const SYNTHETIC_DOCUMENTS: string[] = Array.from({ length: 2000 }, (_, i) => `standard-${i}`);

/** Appends `count` chained events after the current head; returns the new head's seq. */
export async function insertChainedAuditEvents(
  client: pg.Client,
  options: { count: number; actors?: TAuditActor[]; documents?: string[]; onProgress?: (done: number) => void },
): Promise<bigint> {
  const actors = options.actors ?? SYNTHETIC_ACTORS;
  const documents = options.documents ?? SYNTHETIC_DOCUMENTS;
  const head = await client.query<{ seq: string; hash: string }>('SELECT seq::text, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const first = BigInt(head.rows[0]?.seq ?? '0') + 1n;
  let prev = head.rows[0]?.hash ?? GENESIS_HASH;
  const base = Date.parse('2025-04-01T00:00:00Z');
  for (let offset = 0; offset < options.count; offset += BATCH) {
    const rows: unknown[] = [];
    const placeholders: string[] = [];
    for (let i = offset; i < Math.min(options.count, offset + BATCH); i += 1) {
      const actor = actors[(i * 7919) % actors.length]!;
      const action = ACTIONS[i % ACTIONS.length]!;
      const fields: TChainedFields = {
        seq: first + BigInt(i),
        occurredAt: new Date(base + i * 30_000),
        actorId: null,
        actorLoginId: actor.loginId,
        actorRoles: ['STAFF'],
        actorDepartment: actor.department,
        action,
        targetType: 'document',
        targetId: documents[(i * 104729) % documents.length]!,
        outcome: i % 97 === 0 ? 'DENIED' : 'SUCCESS',
        clientAddress: `10.0.${(i >> 8) & 255}.${i & 255}`,
        userAgent: 'Mozilla/5.0 (bench)',
        requestId: null,
        details: { revision: (i % 5) + 1 },
      };
      const hash = eventHash(prev, fields);
      const n = rows.length;
      placeholders.push(`($${n + 1}::bigint,$${n + 2}::timestamptz,$${n + 3},ARRAY['STAFF']::"Role"[],$${n + 4},$${n + 5},'document',$${n + 6},$${n + 7}::"AuditOutcome",$${n + 8},'Mozilla/5.0 (bench)',$${n + 9}::jsonb,$${n + 10},$${n + 11})`);
      rows.push(fields.seq.toString(), fields.occurredAt.toISOString(), fields.actorLoginId, fields.actorDepartment, action, fields.targetId, fields.outcome, fields.clientAddress, JSON.stringify(fields.details), prev, hash);
      prev = hash;
    }
    await client.query(
      `INSERT INTO audit_events (seq, occurred_at, actor_login_id, actor_roles, actor_department, action, target_type, target_id, outcome, client_address, user_agent, details, prev_hash, hash) VALUES ${placeholders.join(',')}`,
      rows,
    );
    options.onProgress?.(Math.min(options.count, offset + BATCH));
  }
  const last = first + BigInt(options.count) - 1n;
  // The app appends with nextval(): the sequence continues after the bulk rows.
  if (options.count > 0) await client.query('SELECT setval(pg_get_serial_sequence($1, $2), $3)', ['audit_events', 'seq', last.toString()]);
  await client.query('ANALYZE audit_events');
  return last;
}

/** The filters a reviewer uses on the trail, with values that exist in events made above. */
export function auditFilters(total: number, actors: TAuditActor[] = SYNTHETIC_ACTORS, documents: string[] = SYNTHETIC_DOCUMENTS): Record<string, Record<string, string>> {
  return {
    '最新ページ（条件なし）': {},
    '操作者で絞り込み': { actor: actors[42 % actors.length]!.loginId },
    '操作で絞り込み（承認）': { action: 'revision.approve' },
    '文書で絞り込み': { document: documents[1234 % documents.length]! },
    '結果＝拒否': { outcome: 'DENIED' },
    '期間（1日）＋操作': { from: '2025-06-01', to: '2025-06-01', action: 'document.read' },
    '古いページ（keyset）': { before: String(Math.max(1, Math.floor(total / 3))) },
  };
}
