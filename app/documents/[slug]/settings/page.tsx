import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findNode, parentChoices } from '@/components/documents-admin/choices';
import { DocumentForm } from '@/components/documents-admin/document-form';
import { WorkflowBreadcrumb } from '@/components/editor/workflow-breadcrumb';
import { PageContainer } from '@/components/layout/page-container';
import { KindLabel } from '@/components/ui/kind-label';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { ZSlug } from '@/lib/schemas/documents';
import { listDepartments } from '@/lib/server/admin/departments';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { listLibrary } from '@/lib/server/documents/list-library';
import { updateDocumentMetadataAction } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.documentForm.settingsTitle, robots: { index: false } };

/** For editors only: anyone else, and any unknown slug, gets the same 404 as a missing document. */
export default async function DocumentSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) notFound();
  const viewer = await getViewer();
  if (!viewer?.can['document:manage']) notFound();
  const [library, departments] = await Promise.all([listLibrary(), listDepartments()]);
  const node = findNode(library, slug.data);
  if (!node) notFound();

  return (
    <PageContainer>
      <WorkflowBreadcrumb
        trail={[{ href: '/documents', label: m.common.library }, ...(node.inForce ? [{ href: `/documents/${node.slug}`, label: node.title }] : [])]}
        current={m.documentForm.settingsTitle}
      />
      <div className="mt-6">
        <KindLabel kind={node.kind} />
      </div>
      <h1 className="mt-3 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.documentForm.settingsTitle}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.documentForm.settingsLead}</p>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">
        {node.inForce ? (
          <Link href={`/documents/${node.slug}`} className="dads-link">
            {node.title}
          </Link>
        ) : (
          node.title
        )}
        <span className="ml-3 font-mono">{node.slug}</span>
      </p>
      <div className="mt-8">
        {/* The DAL has no read of requiredApprovals and reviewIntervalMonths yet: those two start empty. */}
        <DocumentForm
          mode="settings"
          slug={node.slug}
          initial={{
            title: node.title,
            parentSlug: node.parentSlug ?? '',
            departmentCode: node.department?.code ?? '',
            visibility: node.visibility,
            requiredApprovals: null,
            reviewIntervalMonths: null,
          }}
          parents={parentChoices(library, node.slug)}
          departments={departments.map((d) => ({ code: d.code, name: d.name }))}
          action={updateDocumentMetadataAction}
        />
      </div>
    </PageContainer>
  );
}
