import { NextResponse } from 'next/server';
import { checkDatabase } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await checkDatabase();
  return NextResponse.json(ok ? { status: 'ok' } : { status: 'unavailable', message: 'データベースに接続できません。' }, {
    status: ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
