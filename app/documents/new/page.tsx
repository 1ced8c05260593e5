import type { Metadata } from 'next';
import Link from 'next/link';
import { parentChoices } from '@/components/documents-admin/choices';
import { DocumentForm } from '@/components/documents-admin/document-form';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { PageContainer } from '@/components/layout/page-container';
import { ingestMessages } from '@/lib/messages/ingest';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { listDepartments } from '@/lib/server/admin/departments';
import { requireScreen } from '@/lib/server/auth/screen-access';
import { listLibrary } from '@/lib/server/documents/list-library';
import { guardScreen } from '@/lib/server/http/screen';
import { createDocumentAction } from './actions';

export const dynamic = 'force-dynamic';

const im = ingestMessages.screen;

export const metadata: Metadata = { title: m.documentForm.newTitle, robots: { index: false } };

export default async function NewDocumentPage() {
  await guardScreen('/documents/new', () => requireScreen('document-new'));
  const [library, departments] = await Promise.all([listLibrary(), listDepartments()]);

  return (
    <PageContainer>
      <WorkflowBreadcrumb trail={[{ href: '/documents', label: m.common.library }]} current={m.documentForm.newTitle} />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.documentForm.newTitle}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.documentForm.newLead}</p>
      <p className="mt-3 max-w-[40em] text-std-16N-170 text-solid-gray-800">
        {im.newLinkLead}{' '}
        <Link href="/documents/new/import" className="dads-link">
          {im.newLink}
        </Link>
      </p>
      <div className="mt-8">
        <DocumentForm
          mode="create"
          initial={{ title: '', parentSlug: '', departmentCode: '', visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }}
          parents={parentChoices(library)}
          departments={departments.map((d) => ({ code: d.code, name: d.name }))}
          action={createDocumentAction}
        />
      </div>
    </PageContainer>
  );
}
