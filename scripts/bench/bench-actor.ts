import type pg from 'pg';
import { permissionsOf } from '../../lib/server/auth/permissions';

/** A bench account as the actor the data access layer would build for it, for EXPLAIN scripts. */
export async function loadBenchActor(client: pg.Client, login: string) {
  const { rows } = await client.query(
    `SELECT u.id, u.login_id, u.display_name, u.roles::text[] AS roles, u.department_id, d.code, d.name
     FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.login_id = $1`,
    [login],
  );
  const user = rows[0];
  if (!user) throw new Error(`no account ${login}`);
  return {
    kind: 'user' as const,
    id: user.id,
    loginId: user.login_id,
    displayName: user.display_name,
    roles: user.roles,
    departmentId: user.department_id,
    departmentCode: user.code,
    departmentName: user.name,
    sessionId: 'explain',
    permissions: permissionsOf(user.roles),
  };
}
