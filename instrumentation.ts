import type { Instrumentation } from 'next';

/*
 * A request that failed because the database could not be reached tells the proxy, so that the
 * requests after it are answered with a 503 at once (lib/server/db-availability.ts).
 */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { reportDatabaseFailure } = await import('@/lib/server/db-availability');
  reportDatabaseFailure(error);
};
