import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { serverEnv } from '@/lib/server/env';

/*
 * Failed sign-in counters in PostgreSQL, so a lock-out holds across every app instance.
 * Keys: `id:<login id>` (whether or not the account exists, so a lock-out reveals nothing) and
 * `addr:<client address>`.
 *
 * Check and count are one step: an attempt first reserves one failure on every key, in one
 * transaction that refuses when any key is locked, and only then is the password verified. A
 * correct password gives the reservation back. So parallel wrong passwords cannot all pass a check
 * before the first of them is counted: the (max+1)-th reservation finds the lock.
 */
export type TThrottleKey = { key: string; max: number };
export type TReservedKey = TThrottleKey & { failures: number };

export function throttleKeys(loginId: string, clientAddress: string | null): TThrottleKey[] {
  const env = serverEnv();
  const keys = [{ key: `id:${loginId.normalize('NFKC').toLowerCase()}`, max: env.PORTAL_SIGNIN_MAX_FAILURES }];
  if (clientAddress) keys.push({ key: `addr:${clientAddress}`, max: env.PORTAL_SIGNIN_MAX_FAILURES_PER_ADDRESS });
  return keys;
}

class ThrottledError extends Error {}

/**
 * Reserves one attempt on every key, or none when any key is locked (null). A reservation that
 * brings a key to its maximum locks it at once: until that attempt fails or gives its reservation
 * back, no other attempt gets through.
 */
export async function reserveAttempt(keys: TThrottleKey[]): Promise<TReservedKey[] | null> {
  const at = wallClock();
  const windowMs = serverEnv().PORTAL_SIGNIN_LOCK_MINUTES * 60_000;
  const windowStart = new Date(at.getTime() - windowMs);
  const lockUntil = new Date(at.getTime() + windowMs);
  try {
    return await db().$transaction(async (tx) => {
      const reserved: TReservedKey[] = [];
      // Keys in sorted order: two attempts sharing both keys lock their rows in the same order.
      for (const { key, max } of [...keys].sort((a, b) => (a.key < b.key ? -1 : 1))) {
        // One upsert per key; the WHERE refuses a locked row and leaves it untouched (no row returned).
        const rows = await tx.$queryRaw<{ failures: number }[]>(Prisma.sql`
          INSERT INTO sign_in_throttles AS t (key, failures, window_start, locked_until)
          VALUES (${key}, 1, ${at}, CASE WHEN 1 >= ${max} THEN ${lockUntil}::timestamptz ELSE NULL END)
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN t.window_start < ${windowStart} THEN 1 ELSE t.failures + 1 END,
            window_start = CASE WHEN t.window_start < ${windowStart} THEN ${at} ELSE t.window_start END,
            locked_until = CASE
              WHEN (CASE WHEN t.window_start < ${windowStart} THEN 1 ELSE t.failures + 1 END) >= ${max}
              THEN ${lockUntil}::timestamptz ELSE NULL END
          WHERE t.locked_until IS NULL OR t.locked_until <= ${at}
          RETURNING failures`);
        if (!rows[0]) throw new ThrottledError();
        reserved.push({ key, max, failures: rows[0].failures });
      }
      return reserved;
    });
  } catch (error) {
    if (error instanceof ThrottledError) return null;
    throw error;
  }
}

/** The attempt failed: its reservation stands as the failure. True when it was the one that locked a key. */
export function lockedBy(reserved: TReservedKey[]): boolean {
  return reserved.some(({ failures, max }) => failures >= max);
}

/**
 * The password was right: the login id's counter starts again, and the address gets its
 * reservation back (and loses the lock when that reservation was what reached the maximum).
 */
export async function refundAttempt(reserved: TReservedKey[]): Promise<void> {
  const isId = (k: TReservedKey) => k.key.startsWith('id:');
  await db().$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key: { in: reserved.filter(isId).map((k) => k.key) } } });
    for (const { key, max } of reserved.filter((k) => !isId(k))) {
      await tx.$executeRaw(Prisma.sql`
        UPDATE sign_in_throttles SET
          failures = GREATEST(failures - 1, 0),
          locked_until = CASE WHEN failures - 1 < ${max} THEN NULL ELSE locked_until END
        WHERE key = ${key}`);
    }
  });
}
