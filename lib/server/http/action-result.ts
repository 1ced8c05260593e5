import 'server-only';
import { recordRefusal } from '@/lib/server/audit/record-refusal';
import { getActor, PermissionDeniedError } from '@/lib/server/auth/actor';
import type { TActionResult } from '@/lib/domain/action-result';
import { DalError } from '@/lib/domain/errors';


/**
 * Runs one DAL call for a server action and turns the DAL's typed failures into a result the
 * form can show. Anything else is a bug and propagates to the error boundary.
 */
export async function runAction<T>(fn: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (error instanceof PermissionDeniedError) {
      await recordUnrecordedRefusal(error);
      return { ok: false, error: { code: 'FORBIDDEN', message: error.message } };
    }
    if (error instanceof DalError) {
      const lines = error.code === 'PARSE_FAILED' && Array.isArray(error.details) ? (error.details as { line: number; message: string }[]).map(({ line, message }) => ({ line, message })) : undefined;
      return { ok: false, error: { code: error.code, message: error.message, ...(lines ? { lines } : {}) } };
    }
    throw error;
  }
}

/**
 * Every server action and route handler answers a refusal through here: one thrown without
 * refusePermission (a DAL rule refusing after the permission check) is recorded now.
 */
export async function recordUnrecordedRefusal(error: PermissionDeniedError): Promise<void> {
  if (error.recorded) return;
  error.recorded = true;
  try {
    await recordRefusal({ actor: await getActor(), action: error.permission === 'sign-in' ? 'sign-in.required' : error.permission.replace(':', '.'), reason: error.permission });
  } catch (failure) {
    console.error('recording a refusal failed', failure);
  }
}
