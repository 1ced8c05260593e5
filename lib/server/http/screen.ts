import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { PermissionDeniedError } from '@/lib/server/auth/actor';

/**
 * Runs the DAL reads of a role-gated page and turns the DAL's refusal into the answer the person
 * gets: an anonymous reader is sent to sign in and comes back to `path`; a signed-in person
 * without the permission gets the area's forbidden.tsx with HTTP 403 (forbidden(), enabled by
 * experimental.authInterrupts). Anything else, notFound() included, passes through.
 */
export async function guardScreen<T>(path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof PermissionDeniedError)) throw error;
    if (error.permission === 'sign-in') redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    forbidden();
  }
}
