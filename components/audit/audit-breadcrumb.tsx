import Link from 'next/link';
import { auditMessages as m } from '@/lib/messages/audit';

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3 text-solid-gray-600" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M6 3l5 5-5 5" />
    </svg>
  );
}

/** ホーム › 監査記録 (› 連番 N on an event's page); the last crumb is the current page. */
export function AuditBreadcrumb({ current }: { current?: string }) {
  return (
    <nav aria-label={m.breadcrumb}>
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-dns-14N-130">
        <li className="flex items-center gap-2">
          <Link href="/" className="dads-link">
            {m.home}
          </Link>
          <Chevron />
        </li>
        {current ? (
          <>
            <li className="flex items-center gap-2">
              <Link href="/audit" className="dads-link">
                {m.title}
              </Link>
              <Chevron />
            </li>
            <li aria-current="page" className="text-solid-gray-800">
              {current}
            </li>
          </>
        ) : (
          <li aria-current="page" className="text-solid-gray-800">
            {m.title}
          </li>
        )}
      </ol>
    </nav>
  );
}
