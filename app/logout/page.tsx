import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { PageContainer } from '@/components/layout/page-container';
import { authMessages as m } from '@/lib/messages/auth';
import { getViewer } from '@/lib/server/auth/get-viewer';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.logout.title, robots: { index: false } };

export default async function LogoutPage() {
  const viewer = await getViewer();
  return (
    <PageContainer>
      <div className="mx-auto max-w-[32rem]">
        <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.logout.title}</h1>
        {viewer ? (
          <div className="mt-6 rounded-12 border border-solid-gray-420 bg-white p-6 md:p-8">
            <p className="text-std-18B-160 text-solid-gray-900">{m.logout.confirm}</p>
            <p className="mt-2 text-std-16N-170">{m.logout.signedInAs(viewer.displayName)}</p>
            <div className="mt-6 flex flex-wrap items-center gap-x-8 gap-y-4">
              <SignOutButton variant="primary" />
              <Link href="/" className="dads-link text-std-17N-170">
                {m.logout.cancel}
              </Link>
            </div>
          </div>
        ) : (
          <div className="mt-6">
            <p className="text-std-17N-170">{m.logout.notSignedIn}</p>
            <p className="mt-4 text-std-17N-170">
              <Link href="/" className="dads-link">
                {m.logout.toHome}
              </Link>
            </p>
          </div>
        )}
      </div>
    </PageContainer>
  );
}
