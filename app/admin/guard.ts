import 'server-only';
import { guardScreen } from '@/lib/server/http/screen';

/**
 * Runs the DAL reads of an administration page. The DAL decides: an anonymous reader is sent
 * to sign in and comes back here; a signed-in person without the permission gets app/admin/forbidden.tsx
 * with HTTP 403.
 */
export async function loadAdminPage<T>(path: string, load: () => Promise<T>): Promise<T> {
  return guardScreen(path, load);
}
