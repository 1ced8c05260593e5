import type { ReactNode } from 'react';
import { formatJst } from '@/lib/format/tokyo-time';
import { VerifyChainButton } from '@/components/audit/verify-chain-button';
import { Tag } from '@/components/ui/tag';
import { auditMessages as m } from '@/lib/messages/audit';
import type { TVerifyResult } from '@/lib/server/audit/verify-chain';
import type { TLastVerification } from '@/lib/server/audit/verify-for-auditor';
import type { TActionResult } from '@/lib/domain/action-result';

const MONO = 'font-mono text-mono-14N-150 break-all';

/** The auditors' box: the outcome of the last verification of the hash chain, and a button to run one. */
export function ChainVerification({ last, action }: { last: TLastVerification | null; action: () => Promise<TActionResult<TVerifyResult>> }) {
  return (
    <section
      aria-labelledby="audit-chain-heading"
      className={`rounded-12 border bg-white p-5 md:p-6 ${last && !last.ok ? 'border-2 border-error-1' : 'border-solid-gray-420'}`}
    >
      <h2 id="audit-chain-heading" className="text-std-20B-150 text-solid-gray-900">
        {m.chain.heading}
      </h2>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{m.chain.lead}</p>
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-start">
        {last ? (
          <div>
            <h3 className="text-std-16B-170 text-solid-gray-900">{m.chain.lastHeading}</h3>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-std-16N-170 sm:grid-cols-[9rem_minmax(0,1fr)]">
              <Item label={m.chain.result}>
                {last.ok ? <Tag tone="green">{m.chain.ok}</Tag> : <Tag tone="red">{m.chain.broken}</Tag>}
              </Item>
              <Item label={m.chain.at}>
                <time dateTime={last.at} title={last.at} className="tabular-nums">
                  {formatJst(last.at)}
                </time>
              </Item>
              <Item label={m.chain.by}>
                <span className={MONO}>{last.by ?? m.table.anonymous}</span>
              </Item>
              <Item label={m.chain.checked}>
                <span className="tabular-nums">{m.chain.checkedCount(last.checked)}</span>
              </Item>
              {last.ok && last.head && (
                <>
                  <Item label={m.chain.headSeq}>
                    <span className={MONO}>{last.head.seq}</span>
                  </Item>
                  <Item label={m.chain.headHash}>
                    <span className={MONO}>{last.head.hash}</span>
                  </Item>
                </>
              )}
              {!last.ok && (
                <>
                  <Item label={m.chain.brokenAt} alert>
                    <span className={`${MONO} font-bold`}>{last.brokenAt ?? m.table.none}</span>
                  </Item>
                  <Item label={m.chain.reason} alert>
                    {last.reason ?? m.table.none}
                  </Item>
                </>
              )}
            </dl>
          </div>
        ) : (
          <p className="text-std-16B-170 text-solid-gray-900">{m.chain.never}</p>
        )}
        <VerifyChainButton action={action} />
      </div>
    </section>
  );
}

function Item({ label, alert = false, children }: { label: string; alert?: boolean; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className={`text-dns-14B-130 sm:pt-1 ${alert ? 'text-error-2' : 'text-solid-gray-700'}`}>{label}</dt>
      <dd className={alert ? 'text-error-2' : 'text-solid-gray-900'}>{children}</dd>
    </div>
  );
}
