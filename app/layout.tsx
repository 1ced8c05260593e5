import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLink } from '@/components/layout/skip-link';
import { messages as m } from '@/lib/messages/ja';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { getMyTasks } from '@/lib/server/workflow/views';
import './globals.css';

export const metadata: Metadata = {
  title: { default: m.portal.name, template: m.portal.titleTemplate },
  description: m.portal.description,
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
};

export const viewport: Viewport = {
  themeColor: '#ffffff',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, tasks] = await Promise.all([getViewer(), getMyTasks()]);
  const account = viewer
    ? {
        displayName: viewer.displayName,
        departmentName: viewer.departmentName,
        showAdmin: viewer.can['account:manage'] === true,
        showAudit: viewer.can['audit:read'] === true || viewer.can['audit:read-admin'] === true,
        showApprovals: viewer.can['revision:approve'] === true,
        taskCount: tasks?.count ?? 0,
      }
    : null;
  return (
    <html lang="ja">
      <body className="flex min-h-dvh flex-col bg-white text-solid-gray-800 antialiased">
        <SkipLink />
        <SiteHeader account={account} />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
