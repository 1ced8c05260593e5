import type { Metadata } from 'next';
import Link from 'next/link';
import { LoginForm } from '@/components/auth/login-form';
import { PageContainer } from '@/components/layout/page-container';
import { Notice } from '@/components/ui/notice';
import { authMessages as m } from '@/lib/messages/auth';
import { safeCallbackPath } from '@/lib/http/safe-callback';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { getRequestOrigin } from '@/lib/server/http/request-origin';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.login.title, robots: { index: false } };

const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: m.login.invalid,
  Throttled: m.login.throttled,
  SessionRequired: m.login.sessionRequired,
  AccessDenied: m.login.accessDenied,
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Where to go after signing in: a path of this site, judged after normalising (lib/http/safe-callback.ts).
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), await getRequestOrigin());
  const errorCode = first(params.error);
  const initialError = errorCode ? (ERROR_MESSAGES[errorCode] ?? m.login.failed) : null;
  const viewer = await getViewer();

  return (
    <PageContainer>
      <div className="mx-auto max-w-[32rem]">
        <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.login.title}</h1>
        {viewer ? (
          <div className="mt-6">
            <Notice>
              <p>{m.login.alreadySignedIn(viewer.displayName)}</p>
              <p className="mt-1">
                <Link href="/" className="dads-link">
                  {m.login.toHome}
                </Link>
              </p>
            </Notice>
          </div>
        ) : (
          <>
            <p className="mt-4 text-std-17N-170">{m.login.lead}</p>
            <div className="mt-6 rounded-12 border border-solid-gray-420 bg-white p-6 md:p-8">
              <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
            </div>
            <p className="mt-6 text-std-16N-170 text-solid-gray-700">
              {m.login.publicNote}{' '}
              <Link href="/documents" className="dads-link">
                {m.login.toLibrary}
              </Link>
            </p>
          </>
        )}
      </div>
    </PageContainer>
  );
}
