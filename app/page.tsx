import { Suspense } from 'react';
import Link from 'next/link';
import { AckTasks } from '@/components/acknowledgments/ack-tasks';
import { hasTasks, MyTasks } from '@/components/approvals/my-tasks';
import { BasicPolicyCard } from '@/components/home/basic-policy-card';
import { KindCounts } from '@/components/home/kind-counts';
import { MyDepartmentDocuments } from '@/components/home/my-department-documents';
import { PolicyFamily } from '@/components/home/policy-family';
import { RecentRevisions } from '@/components/home/recent-revisions';
import { PageContainer } from '@/components/layout/page-container';
import { EmptyState } from '@/components/ui/empty-state';
import { ContentSkeleton } from '@/components/ui/skeleton';
import { messages as m } from '@/lib/messages/ja';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { getPortalOverview } from '@/lib/server/documents/get-portal-overview';
import { getMyTasks } from '@/lib/server/workflow/views';
import { listMyAcknowledgmentTasks } from '@/lib/server/acknowledgments/my-tasks';
import { acknowledgmentMessages } from '@/lib/messages/acknowledgments';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <PageContainer>
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.home.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.home.lead}</p>
      <Tasks />
      <Acknowledgments />
      <div className="mt-8">
        <Suspense fallback={<ContentSkeleton variant="home" />}>
          <Overview />
        </Suspense>
      </div>
      <PolicyFamily />
    </PageContainer>
  );
}

/** 「あなたの作業」 for a signed-in person with something to do; nothing otherwise. */
async function Tasks() {
  const [tasks, viewer] = await Promise.all([getMyTasks(), getViewer()]);
  if (!hasTasks(tasks)) return null;
  return (
    <div className="mt-8">
      <MyTasks tasks={tasks} canCreateDocument={viewer?.can['document:manage'] === true} />
    </div>
  );
}

/** 「確認が必要な文書」 (遵守の確認) and, for managers, the way to their units' figures. */
async function Acknowledgments() {
  const [tasks, viewer] = await Promise.all([listMyAcknowledgmentTasks(), getViewer()]);
  const board = viewer?.can['acknowledgment:read'] === true;
  if (tasks.length === 0 && !board) return null;
  return (
    <div className="mt-8">
      {tasks.length > 0 && <AckTasks tasks={tasks} />}
      {board && (
        <p className={tasks.length > 0 ? 'mt-4' : ''}>
          <Link href="/acknowledgments/board" className="dads-link text-std-16B-170">
            {acknowledgmentMessages.board.title}
          </Link>
        </p>
      )}
    </div>
  );
}

async function Overview() {
  const overview = await getPortalOverview();
  const total = Object.values(overview.counts).reduce((sum, n) => sum + n, 0);
  if (total === 0) return <EmptyState>{m.home.empty}</EmptyState>;
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {overview.basicPolicy && <BasicPolicyCard document={overview.basicPolicy} />}
        <KindCounts counts={overview.counts} />
      </div>
      {overview.forMyDepartment && (
        <div className="mt-12">
          <MyDepartmentDocuments departmentName={overview.forMyDepartment.departmentName} documents={overview.forMyDepartment.documents} />
        </div>
      )}
      <div className="mt-12">
        <RecentRevisions recent={overview.recent} />
      </div>
    </>
  );
}
