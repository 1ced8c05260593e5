import Link from 'next/link';
import { messages as m } from '@/lib/messages/ja';

/** ホーム › 規程一覧 › …trail › the current page (without 規程一覧 for screens outside the library). */
export function Breadcrumb({ current, trail = [], inLibrary = true }: { current: string; trail?: { href: string; label: string }[]; inLibrary?: boolean }) {
  const crumbs = [{ href: '/', label: m.layout.navHome }, ...(inLibrary ? [{ href: '/documents', label: m.layout.navLibrary }] : []), ...trail];
  return (
    <nav aria-label={m.reader.breadcrumb} className="print:hidden">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-dns-14N-130">
        {crumbs.map((crumb) => (
          <li key={crumb.href} className="flex items-center gap-2">
            <Link href={crumb.href} className="dads-link">
              {crumb.label}
            </Link>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3 text-solid-gray-600" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M6 3l5 5-5 5" />
            </svg>
          </li>
        ))}
        <li aria-current="page" className="text-solid-gray-800">
          {current}
        </li>
      </ol>
    </nav>
  );
}
