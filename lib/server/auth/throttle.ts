import 'server-only';
import { wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { serverEnv } from '@/lib/server/env';

/*
 * Failed sign-in counters in PostgreSQL, so a lock-out holds across every app instance.
 * Keys: `id:<login id>` (whether or not the account exists, so a lock-out reveals nothing) and
 * `addr:<client address>`.
 */
export function throttleKeys(loginId: string, clientAddress: string | null): { key: string; max: number }[] {
  const env = serverEnv();
  const keys = [{ key: `id:${loginId.normalize('NFKC').toLowerCase()}`, max: env.PORTAL_SIGNIN_MAX_FAILURES }];
  if (clientAddress) keys.push({ key: `addr:${clientAddress}`, max: env.PORTAL_SIGNIN_MAX_FAILURES_PER_ADDRESS });
  return keys;
}

export async function isThrottled(keys: { key: string }[]): Promise<boolean> {
  const locked = await db().signInThrottle.count({ where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: wallClock() } } });
  return locked > 0;
}

/** Counts one failure against every key; returns true when that failure locked one of them. */
export async function recordFailure(keys: { key: string; max: number }[]): Promise<boolean> {
  const at = wallClock();
  const windowMs = serverEnv().PORTAL_SIGNIN_LOCK_MINUTES * 60_000;
  const windowStart = new Date(at.getTime() - windowMs);
  const lockUntil = new Date(at.getTime() + windowMs);
  let lockedNow = false;
  for (const { key, max } of keys) {
    // One statement per key: concurrent failures never lose a count.
    const rows = await db().$queryRaw<{ failures: number; locked: boolean }[]>`
      INSERT INTO sign_in_throttles (key, failures, window_start, locked_until)
      VALUES (${key}, 1, ${at}, CASE WHEN 1 >= ${max} THEN ${lockUntil}::timestamptz ELSE NULL END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_throttles.window_start < ${windowStart} THEN 1 ELSE sign_in_throttles.failures + 1 END,
        window_start = CASE WHEN sign_in_throttles.window_start < ${windowStart} THEN ${at} ELSE sign_in_throttles.window_start END,
        locked_until = CASE
          WHEN (CASE WHEN sign_in_throttles.window_start < ${windowStart} THEN 1 ELSE sign_in_throttles.failures + 1 END) >= ${max}
          THEN ${lockUntil}::timestamptz ELSE sign_in_throttles.locked_until END
      RETURNING failures, (locked_until IS NOT NULL AND locked_until > ${at}) AS locked`;
    if (rows[0]?.locked && rows[0].failures === max) lockedNow = true;
  }
  return lockedNow;
}

export async function clearFailures(key: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key } });
}
