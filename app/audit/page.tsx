import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { AuditEventTable } from '@/components/audit/audit-event-table';
import { AuditFilterForm, type TActionChoices } from '@/components/audit/audit-filter-form';
import { AuditPagination } from '@/components/audit/audit-pagination';
import { ChainVerification } from '@/components/audit/chain-verification';
import { ExportCsvForm } from '@/components/audit/export-csv-form';
import { FILTER_KEYS, type TFilterValues } from '@/components/audit/format';
import { PageContainer } from '@/components/layout/page-container';
import { Breadcrumb } from '@/components/reader/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { auditMessages as m } from '@/lib/messages/audit';
import { ADMIN_ACTION_PREFIXES, listAuditEvents, type TAuditPage } from '@/lib/server/audit/list-events';
import { getLastVerification, type TLastVerification } from '@/lib/server/audit/verify-for-auditor';
import { PermissionDeniedError } from '@/lib/server/auth/actor';
import { getViewer } from '@/lib/server/auth/get-viewer';
import { DalError } from '@/lib/domain/errors';
import { requireScreen } from '@/lib/server/auth/screen-access';
import { verifyChainAction } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: m.title, robots: { index: false } };

const ACTION_PREFIXES = Object.keys(m.actionPrefixes);
const ACTION_CODES = Object.keys(m.actions);

type TSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type TLoaded =
  | { kind: 'sign-in' }
  | { kind: 'forbidden' }
  | { kind: 'ok'; scope: TAuditPage['scope']; page: TAuditPage | null; error: string | null; last: TLastVerification | null };

/**
 * The viewer decides only what to show around the trail (the scope note, the auditors' box);
 * the DAL checks the permission again on every read, and its refusal wins.
 */
async function load(filter: Record<string, string | undefined>): Promise<TLoaded> {
  try {
    const viewer = await getViewer();
    if (!viewer) return { kind: 'sign-in' };
    await requireScreen('audit');
    const auditor = viewer.can['audit:read'] === true;
    const [listed, last] = await Promise.all([
      listAuditEvents(filter).catch((error: unknown) => {
        if (error instanceof DalError && error.code === 'INVALID_INPUT') return error;
        throw error;
      }),
      auditor ? getLastVerification() : Promise.resolve(null),
    ]);
    const scope = auditor ? 'all' : 'administrative';
    if (listed instanceof DalError) return { kind: 'ok', scope, page: null, error: listed.message, last };
    return { kind: 'ok', scope: listed.scope, page: listed, error: null, last };
  } catch (error) {
    if (!(error instanceof PermissionDeniedError)) throw error;
    return error.permission === 'sign-in' ? { kind: 'sign-in' } : { kind: 'forbidden' };
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = await searchParams;
  const values: TFilterValues = Object.fromEntries(FILTER_KEYS.map((key) => [key, first(params[key]) ?? '']).filter(([, v]) => v !== ''));
  const before = first(params.before);
  const loaded = await load({ ...values, before });
  if (loaded.kind === 'sign-in') redirect('/login?callbackUrl=/audit');
  // app/audit/forbidden.tsx, with HTTP 403
  if (loaded.kind === 'forbidden') forbidden();

  const { scope, page, error, last } = loaded;
  const visible = (code: string) => scope === 'all' || ADMIN_ACTION_PREFIXES.some((prefix) => code.startsWith(prefix));
  const choices: TActionChoices = { prefixes: ACTION_PREFIXES.filter(visible), actions: ACTION_CODES.filter(visible) };

  return (
    <PageContainer>
      <Breadcrumb inLibrary={false} current={m.title} />
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{m.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.lead}</p>
      {scope === 'administrative' && (
        <div className="mt-6 max-w-[42.5rem]">
          <Notice>
            <p>{m.adminScopeNote}</p>
          </Notice>
        </div>
      )}

      {scope === 'all' && (
        <div className="mt-8">
          <ChainVerification last={last} action={verifyChainAction} />
        </div>
      )}

      <div className="mt-8">
        <AuditFilterForm values={values} choices={choices} />
      </div>

      <section aria-labelledby="audit-results-heading" className="mt-10">
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
          <h2 id="audit-results-heading" className="text-std-24B-150 text-solid-gray-900">
            {m.table.heading}
          </h2>
          {!error && (
            <ExportCsvForm values={values} />
          )}
        </div>
        {page && page.events.length > 0 && <p className="mt-1 text-std-16N-170 text-solid-gray-700">{m.table.shown(page.events.length)}</p>}
        <div className="mt-4">
          {error && (
            <div role="alert" className="mb-4 rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
              <p className="text-std-16B-170 text-error-2">{m.invalidFilterHeading}</p>
              <p className="mt-1">{error}</p>
            </div>
          )}
          {page && (page.events.length > 0 ? <AuditEventTable events={page.events} /> : <EmptyState>{m.table.empty}</EmptyState>)}
        </div>
        <AuditPagination values={values} nextBefore={page?.nextBefore ?? null} paged={Boolean(before)} />
      </section>
    </PageContainer>
  );
}
