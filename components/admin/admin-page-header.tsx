import Link from 'next/link';
import { adminMessages as m } from '@/lib/messages/admin';

const SECTIONS = [
  { key: 'accounts', href: '/admin/accounts', label: m.overview.accounts },
  { key: 'departments', href: '/admin/departments', label: m.overview.departments },
  { key: 'grants', href: '/admin/grants', label: m.overview.grants },
] as const;

export type TAdminSection = (typeof SECTIONS)[number]['key'];

/** Breadcrumb, title, lead and the menu of the administration screens. */
export function AdminPageHeader({ current, title, lead }: { current: TAdminSection | null; title: string; lead: string }) {
  return (
    <header>
      <nav aria-label={m.common.breadcrumb}>
        <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-dns-14N-130">
          <Crumb href="/" label={m.common.home} />
          {current ? <Crumb href="/admin" label={m.common.adminHome} /> : null}
          <li aria-current="page" className="text-solid-gray-800">
            {title}
          </li>
        </ol>
      </nav>
      <h1 className="mt-6 text-std-28B-150 text-solid-gray-900 md:text-std-36B-140">{title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{lead}</p>
      {current && (
        <nav aria-label={m.common.adminNav} className="mt-6 border-b border-solid-gray-420">
          <ul className="-mb-px flex flex-wrap gap-x-1">
            {SECTIONS.map((section) => {
              const active = section.key === current;
              return (
                <li key={section.key}>
                  <Link
                    href={section.href}
                    aria-current={active ? 'page' : undefined}
                    className={`inline-flex min-h-12 items-center rounded-t-8 border-b-4 px-4 text-dns-16N-130 hover:bg-solid-gray-50 hover:underline ${active ? 'border-blue-900 font-bold text-blue-1000' : 'border-transparent text-solid-gray-800'}`}
                  >
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </header>
  );
}

function Crumb({ href, label }: { href: string; label: string }) {
  return (
    <li className="flex items-center gap-2">
      <Link href={href} className="dads-link">
        {label}
      </Link>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3 text-solid-gray-600" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 3l5 5-5 5" />
      </svg>
    </li>
  );
}
