import 'server-only';
import { createHash } from 'node:crypto';

/*
 * The audit chain: every event's hash covers the previous event's hash and the event's own
 * canonical JSON, so altering, removing or inserting a row breaks every link after it.
 *   hash = SHA-256( prev_hash ‖ "\n" ‖ canonical JSON of the event )
 * Canonical JSON: object keys sorted at every depth, no insignificant white space, dates as
 * ISO 8601 UTC with milliseconds, bigint as a decimal string.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface TChainedFields {
  seq: bigint;
  occurredAt: Date;
  actorId: string | null;
  actorLoginId: string | null;
  actorRoles: string[];
  actorDepartment: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(prevHash: string, event: TChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}
