import 'server-only';
import { redirect } from 'next/navigation';
import { PermissionDeniedError } from '@/lib/server/auth/actor';

/**
 * Runs the DAL reads of an administration page. The DAL decides: an anonymous reader is sent
 * to sign in and comes back here; a signed-in person without the permission gets `null`, and
 * the page says so (a 403 status would need experimental.authInterrupts, which is off).
 */
export async function loadAdminPage<T>(path: string, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof PermissionDeniedError)) throw error;
    if (error.permission === 'sign-in') redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    return null;
  }
}
