import { hash } from '@node-rs/argon2';
import pg from 'pg';

/** Direct database access for arranging and checking e2e scenarios (the app is never bypassed for what is tested). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A throwaway STAFF account of 総務部 with the given password. */
export async function createStaffAccount(loginId: string, password: string): Promise<void> {
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await sql(
    `INSERT INTO users (id, login_id, display_name, department_id, password_hash, roles)
     SELECT gen_random_uuid(), $1, 'テスト 職員', id, $2, ARRAY['STAFF']::"Role"[] FROM departments WHERE code = 'general-affairs'`,
    [loginId, passwordHash],
  );
}
