import type { Metadata } from 'next';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { GrantsCard } from '@/components/admin/grants-card';
import { PageContainer } from '@/components/layout/page-container';
import { EmptyState } from '@/components/ui/empty-state';
import { adminMessages as m } from '@/lib/messages/admin';
import { listAccounts } from '@/lib/server/admin/accounts';
import { listDepartments } from '@/lib/server/admin/departments';
import { listRestrictedGrants } from '@/lib/server/admin/grants';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { addGrantAction, revokeGrantAction } from '../actions';
import { loadAdminPage } from '../guard';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.grants.title, robots: { index: false } };

export default async function GrantsPage() {
  const loaded = await loadAdminPage('/admin/grants', async () => {
    const [documents, departments, viewer] = await Promise.all([listRestrictedGrants(), listDepartments(), getViewer()]);
    // The login ids only fill suggestions; without account:manage the field is typed by hand.
    const accounts = viewer?.can['account:manage'] ? await listAccounts() : [];
    return { documents, departments, accounts };
  });
  const departments = loaded.departments.map((d) => ({ code: d.code, name: d.name }));
  const accounts = loaded.accounts.filter((a) => a.status === 'ACTIVE').map((a) => ({ loginId: a.loginId, displayName: a.displayName }));

  return (
    <PageContainer>
      <AdminPageHeader current="grants" title={m.grants.title} lead={m.grants.lead} />
      <p className="mt-4 max-w-[56rem] text-std-16N-170 text-solid-gray-800">{m.twoPerson.grantsNote}</p>
      <div className="mt-8 max-w-[56rem] space-y-6">
        {loaded.documents.length === 0 ? (
          <EmptyState>{m.grants.empty}</EmptyState>
        ) : (
          loaded.documents.map((document) => (
            <GrantsCard
              key={document.slug}
              document={{ slug: document.slug, title: document.title, grants: document.grants }}
              departments={departments}
              accounts={accounts}
              addAction={addGrantAction}
              revokeAction={revokeGrantAction}
            />
          ))
        )}
      </div>
    </PageContainer>
  );
}
