import type { Metadata } from 'next';
import { AccountCreateForm } from '@/components/admin/account-create-form';
import { AccountList } from '@/components/admin/account-list';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { PageContainer } from '@/components/layout/page-container';
import { adminMessages as m } from '@/lib/messages/admin';
import { listAccounts } from '@/lib/server/admin/accounts';
import { listDepartments } from '@/lib/server/admin/departments';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { createAccountAction, resetPasswordAction, setAccountStatusAction, updateAccountAction } from '../actions';
import { loadAdminPage } from '../guard';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.accounts.title, robots: { index: false } };

export default async function AccountsPage() {
  const loaded = await loadAdminPage('/admin/accounts', () => Promise.all([listAccounts(), listDepartments(), getViewer()]));
  const [accounts, departmentRows, viewer] = loaded;
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
    </PageContainer>
  );
}
