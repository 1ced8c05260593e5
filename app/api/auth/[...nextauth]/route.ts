import NextAuth from 'next-auth';
import { authOptions } from '@/lib/server/auth/auth-options';

export const dynamic = 'force-dynamic';

type TContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: TContext) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
