import type { Metadata } from 'next';
import { AccountCreateForm } from '@/components/admin/account-create-form';
import { AccountList } from '@/components/admin/account-list';
import { DirectoryLinkForm, DirectoryLinkList } from '@/components/admin/directory-link-form';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { PageContainer } from '@/components/layout/page-container';
import { adminMessages as m } from '@/lib/messages/admin';
import { directoryLinkMessages as dm } from '@/lib/messages/directory-link';
import { listAccounts } from '@/lib/server/admin/accounts';
import { listDepartments } from '@/lib/server/admin/departments';
import { listDirectoryLinks } from '@/lib/server/admin/directory-links';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { createAccountAction, resetPasswordAction, setAccountStatusAction, updateAccountAction } from '../actions';
import { loadAdminPage } from '../guard';
import { setDirectoryLinkAction } from './directory-link-actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.accounts.title, robots: { index: false } };

export default async function AccountsPage() {
  const loaded = await loadAdminPage('/admin/accounts', () => Promise.all([listAccounts(), listDepartments(), getViewer(), listDirectoryLinks()]));
  const [accounts, departmentRows, viewer, directory] = loaded;
  const departments = departmentRows.map((d) => ({ code: d.code, name: d.name }));

  return (
    <PageContainer>
      <AdminPageHeader current="accounts" title={m.accounts.title} lead={m.accounts.lead} />
      <section aria-labelledby="create-account-heading" className="mt-8 rounded-12 border border-solid-gray-420 bg-white p-5 md:p-8">
        <h2 id="create-account-heading" className="text-std-22B-150 text-solid-gray-900">
          {m.accounts.createHeading}
        </h2>
        <div className="mt-4">
          <AccountCreateForm action={createAccountAction} departments={departments} />
        </div>
      </section>
      <section aria-labelledby="account-list-heading" className="mt-12">
        <h2 id="account-list-heading" className="text-std-24B-150 text-solid-gray-900">
          {m.accounts.listHeading}
          <span className="ml-3 text-std-16N-170 text-solid-gray-700">{m.overview.count(accounts.length)}</span>
        </h2>
        <div className="mt-4 max-w-[56rem]">
          <AccountList
            accounts={accounts}
            departments={departments}
            currentLoginId={viewer?.loginId ?? null}
            actions={{ update: updateAccountAction, resetPassword: resetPasswordAction, setStatus: setAccountStatusAction }}
          />
        </div>
      </section>
      <section aria-labelledby="directory-link-heading" className="mt-12 max-w-[56rem]">
        <h2 id="directory-link-heading" className="text-std-24B-150 text-solid-gray-900">
          {dm.heading}
        </h2>
        <p className="mt-2 text-std-16N-170">{dm.lead}</p>
        {!directory.configuredIssuer && <p className="mt-2 text-std-16N-170 text-solid-gray-700">{dm.notConfigured}</p>}
        <div className="mt-4 rounded-12 border border-solid-gray-420 bg-white p-5 md:p-8">
          <DirectoryLinkForm action={setDirectoryLinkAction} accounts={accounts.map((a) => ({ id: a.id, loginId: a.loginId, displayName: a.displayName }))} defaultIssuer={directory.configuredIssuer ?? ''} />
        </div>
        <h3 className="mt-8 text-std-20B-150 text-solid-gray-900">{dm.listHeading}</h3>
        <div className="mt-3">
          <DirectoryLinkList action={setDirectoryLinkAction} links={directory.links} />
        </div>
      </section>
    </PageContainer>
  );
}
