import type { Metadata } from 'next';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { DepartmentCreateForm } from '@/components/admin/department-create-form';
import { DepartmentRenameForm } from '@/components/admin/department-rename-form';
import { PageContainer } from '@/components/layout/page-container';
import { EmptyState } from '@/components/ui/empty-state';
import { adminMessages as m } from '@/lib/messages/admin';
import { listDepartments } from '@/lib/server/admin/departments';
import { requireScreen } from '@/lib/server/auth/screen-access';
import { createDepartmentAction, renameDepartmentAction } from '../actions';
import { loadAdminPage } from '../guard';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.departments.title, robots: { index: false } };

export default async function DepartmentsPage() {
  // Any signed-in account may list departments (they fill choosers), so the screen itself is shown
  // only to those who may change them; the changes are checked again in the DAL.
  const departments = await loadAdminPage('/admin/departments', async () => {
    await requireScreen('admin-departments');
    return listDepartments();
  });

  return (
    <PageContainer>
      <AdminPageHeader current="departments" title={m.departments.title} lead={m.departments.lead} />
      <section aria-labelledby="create-department-heading" className="mt-8 rounded-12 border border-solid-gray-420 bg-white p-5 md:p-8">
        <h2 id="create-department-heading" className="text-std-22B-150 text-solid-gray-900">
          {m.departments.createHeading}
        </h2>
        <div className="mt-4">
          <DepartmentCreateForm action={createDepartmentAction} departments={departments} />
        </div>
      </section>
      <section aria-labelledby="department-list-heading" className="mt-12">
        <h2 id="department-list-heading" className="text-std-24B-150 text-solid-gray-900">
          {m.departments.listHeading}
          <span className="ml-3 text-std-16N-170 text-solid-gray-700">{m.overview.count(departments.length)}</span>
        </h2>
        <div className="mt-4 max-w-[56rem]">
          {departments.length === 0 ? (
            <EmptyState>{m.departments.empty}</EmptyState>
          ) : (
            <ul className="divide-y divide-solid-gray-200 border-y border-solid-gray-200">
              {departments.map((department) => (
                <li key={department.id} className="grid gap-x-6 gap-y-2 py-4 md:grid-cols-[14rem_minmax(0,1fr)]">
                  <dl className="text-std-16N-170">
                    <div style={{ paddingLeft: `${department.depth * 1.5}rem` }} className="flex gap-2 text-solid-gray-700">
                      <dt className="sr-only">{m.departments.kind}</dt>
                      <dd>{m.departments.kinds[department.kind]}</dd>
                    </div>
                    <div style={{ paddingLeft: `${department.depth * 1.5}rem` }}>
                      <dt className="sr-only">{m.departments.code}</dt>
                      <dd className="text-mono-16N-150 text-solid-gray-900">{department.code}</dd>
                    </div>
                    <div className="flex gap-2 text-solid-gray-700">
                      <dt>{m.departments.userCount}</dt>
                      <dd>{m.departments.userCountValue(department.userCount)}</dd>
                    </div>
                  </dl>
                  <DepartmentRenameForm department={department} action={renameDepartmentAction} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </PageContainer>
  );
}
