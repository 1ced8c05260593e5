import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { acknowledgeRevisionAction } from '@/app/acknowledgments/actions';
import { AcknowledgeForm } from '@/components/acknowledgments/acknowledge-form';
import { ComparisonTable } from '@/components/compare/comparison-table';
import { PageContainer } from '@/components/layout/page-container';
import { PolicyText } from '@/components/reader/policy-text';
import { Notice } from '@/components/ui/notice';
import { formatDateTime } from '@/lib/format/tokyo-time';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';
import { messages } from '@/lib/messages/ja';
import { formatWareki } from '@/lib/policy-text/wareki';
import { ZSlug } from '@/lib/schemas/documents';
import { getAcknowledgment } from '@/lib/server/acknowledgments/get-acknowledgment';
import { getViewer } from '@/lib/server/auth/get-viewer';

export const dynamic = 'force-dynamic';

type TProps = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask for the same view; read (and audit) it once per request.
const load = cache(async (slug: string) => getAcknowledgment(slug));

async function resolve({ params }: TProps) {
  const slug = ZSlug.safeParse((await params).slug);
  return slug.success ? { slug: slug.data, view: await load(slug.data) } : null;
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const resolved = await resolve(props);
  return { title: resolved?.view ? m.page.metaTitle(resolved.view.task.title) : messages.notFound.title, robots: { index: false } };
}

export default async function AcknowledgmentPage(props: TProps) {
  const resolved = await resolve(props);
  if (!resolved) notFound();
  if (!resolved.view) {
    // a reader who is not signed in has no tasks: sign in first; for everyone else the document asks nothing (or is hidden)
    if (!(await getViewer())) redirect(`/login?callbackUrl=${encodeURIComponent(`/acknowledgments/${resolved.slug}`)}`);
    notFound();
  }
  const { task } = resolved.view;
  const label = m.edition(task.edition, task.number);
  return (
    <PageContainer>
      <nav aria-label={m.page.breadcrumb} className="text-dns-14N-130">
        <ol className="flex flex-wrap gap-x-2">
          <li>
            <Link href="/" className="dads-link">
              {m.page.home}
            </Link>
            <span aria-hidden="true" className="ml-2">
              ›
            </span>
          </li>
          <li aria-current="page">{m.page.current}</li>
        </ol>
      </nav>
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.page.heading(task.title, label)}</h1>
      <p className="mt-3 text-std-16N-170 text-solid-gray-800">
        {m.page.askedSince(label, formatWareki(task.effectiveDate))}
        {resolved.view.show !== 'done' && <>　{task.state === 'overdue' ? m.page.overdueLine(formatWareki(task.dueOn)) : m.page.dueLine(formatWareki(task.dueOn))}</>}
      </p>
      {task.early && resolved.view.show !== 'done' && (
        <div className="mt-4 max-w-[56rem]">
          <Notice>{m.page.earlyNote(formatWareki(task.effectiveDate))}</Notice>
        </div>
      )}

      {resolved.view.show === 'done' && (
        <section aria-labelledby="ack-done" className="mt-8 max-w-[56rem] rounded-12 border border-green-900 bg-green-50 p-5 md:p-6">
          <h2 id="ack-done" className="text-std-24B-150 text-solid-gray-900">
            {m.page.doneHeading}
          </h2>
          <p className="mt-2 text-std-16N-170">{m.page.done(m.edition(task.lastEdition, task.lastNumber ?? task.number), task.acknowledgedAt ? formatDateTime(task.acknowledgedAt) : '')}</p>
          <p className="mt-4">
            <Link href="/" className="dads-link">
              {m.page.backHome}
            </Link>
          </p>
        </section>
      )}

      {resolved.view.show === 'comparison' && (
        <section aria-labelledby="ack-changes" className="mt-8">
          <h2 id="ack-changes" className="text-std-24B-150 text-solid-gray-900">
            {m.page.changesSince(m.edition(resolved.view.comparison.from.edition ?? null, resolved.view.comparison.from.number))}
          </h2>
          <p className="mt-2 text-std-16N-170">{m.page.changesLead(m.edition(resolved.view.comparison.from.edition ?? null, resolved.view.comparison.from.number), label)}</p>
          <div className="mt-4">
            <ComparisonTable rows={resolved.view.comparison.comparison.rows} order={['after', 'before']} all={false} caption={m.page.tableCaption(task.title)} />
          </div>
        </section>
      )}

      {resolved.view.show === 'text' && (
        <section aria-labelledby="ack-text" className="mt-8 max-w-[56rem]">
          <h2 id="ack-text" className="text-std-24B-150 text-solid-gray-900">
            {m.page.wholeText}
          </h2>
          <p className="mt-2 text-std-16N-170">{m.page.wholeLead}</p>
          <article className="mt-4">
            <PolicyText tree={resolved.view.page.tree} />
          </article>
        </section>
      )}

      {resolved.view.show !== 'done' && (
        <section aria-labelledby="ack-confirm" className="mt-10 max-w-[56rem] rounded-12 border border-solid-gray-420 bg-white p-5 md:p-6">
          <h2 id="ack-confirm" className="text-std-24B-150 text-solid-gray-900">
            {m.page.confirmHeading}
          </h2>
          <AcknowledgeForm slug={task.slug} number={task.number} comparedFrom={resolved.view.show === 'comparison' ? resolved.view.comparison.from.number : null} action={acknowledgeRevisionAction} />
        </section>
      )}
    </PageContainer>
  );
}
