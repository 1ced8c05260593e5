import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { PageContainer } from '@/components/layout/page-container';
import { adminMessages as m } from '@/lib/messages/admin';
import { listAccounts } from '@/lib/server/admin/accounts';
import { listDepartments } from '@/lib/server/admin/departments';
import { listRestrictedGrants } from '@/lib/server/admin/grants';
import { loadAdminPage } from './guard';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.overview.title, robots: { index: false } };

export default async function AdminPage() {
  const loaded = await loadAdminPage('/admin', () => Promise.all([listAccounts(), listDepartments(), listRestrictedGrants()]));
  const [accounts, departments, restricted] = loaded;
  const sections = [
    { href: '/admin/accounts', title: m.overview.accounts, description: m.overview.accountsDescription, count: accounts.length },
    { href: '/admin/departments', title: m.overview.departments, description: m.overview.departmentsDescription, count: departments.length },
    { href: '/admin/grants', title: m.overview.grants, description: m.overview.grantsDescription, count: restricted.reduce((sum, d) => sum + d.grants.length, 0) },
  ];

  return (
    <PageContainer>
      <AdminPageHeader current={null} title={m.overview.title} lead={m.overview.lead} />
      <ul className="mt-8 grid gap-6 md:grid-cols-3">
        {sections.map((section) => (
          <li key={section.href} className="flex flex-col rounded-12 border border-solid-gray-420 bg-white p-6">
            <h2 className="text-std-20B-150 text-solid-gray-900">
              <Link href={section.href} className="dads-link">
                {section.title}
              </Link>
            </h2>
            <p className="mt-2 flex-1 text-std-16N-170">{section.description}</p>
            <p className="mt-4 text-std-16N-170 text-solid-gray-700">
              {m.overview.countLabel}: <span className="text-std-18B-160 text-solid-gray-900 tabular-nums">{m.overview.count(section.count)}</span>
            </p>
          </li>
        ))}
      </ul>
    </PageContainer>
  );
}
