import type { Metadata } from 'next';
import { parentChoices } from '@/components/documents-admin/choices';
import { NewDocumentImport } from '@/components/import/new-document-import';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { PageContainer } from '@/components/layout/page-container';
import { ingestMessages } from '@/lib/messages/ingest';
import { workflowMessages as wm } from '@/lib/messages/workflow';
import { listDepartments } from '@/lib/server/admin/departments';
import { requireScreen } from '@/lib/server/auth/screen-access';
import { listLibrary } from '@/lib/server/documents/list-library';
import { guardScreen } from '@/lib/server/http/screen';
import { getImportLimit } from '@/lib/server/ingest/read-policy-file';
import { createDocumentFromFileAction, readPolicyFileAction } from './actions';

export const dynamic = 'force-dynamic';

const m = ingestMessages.screen;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function ImportNewDocumentPage() {
  await guardScreen('/documents/new/import', () => requireScreen('document-new'));
  const [library, departments, limit] = await Promise.all([listLibrary(), listDepartments(), getImportLimit()]);

  return (
    <PageContainer>
      <WorkflowBreadcrumb
        trail={[
          { href: '/documents', label: wm.common.library },
          { href: '/documents/new', label: m.breadcrumbNew },
        ]}
        current={m.newTitle}
      />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.newTitle}</h1>
      <p className="mt-4 max-w-[48em] text-std-17N-170">{m.newLead}</p>
      <div className="mt-8">
        <NewDocumentImport
          maxBytes={limit.maxBytes}
          parents={parentChoices(library)}
          departments={departments.map((d) => ({ code: d.code, name: d.name }))}
          readAction={readPolicyFileAction}
          createAction={createDocumentFromFileAction}
        />
      </div>
    </PageContainer>
  );
}
