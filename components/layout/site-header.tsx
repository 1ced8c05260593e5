import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SearchBox } from '@/components/search/search-box';
import { authMessages as a } from '@/lib/messages/auth';
import { messages as m } from '@/lib/messages/ja';
import { workflowMessages as w } from '@/lib/messages/workflow';

/** Who is signed in, as far as the header needs it; null for an anonymous reader. */
export type THeaderAccount = {
  displayName: string;
  departmentName: string | null;
  /** shows the 管理 link; the administration screens check again themselves */
  showAdmin: boolean;
  /** shows the 監査記録 link; the audit screen checks again itself */
  showAudit: boolean;
  /** shows the 承認待ち link; the approval screens check again themselves */
  showApprovals: boolean;
  /** drafts to finish and revisions to approve (「あなたの作業」 on the home page) */
  taskCount: number;
} | null;

const NAV_LINK = 'dads-link inline-block rounded-4 py-2 text-solid-gray-800';

export function SiteHeader({ account }: { account: THeaderAccount }) {
  return (
    <header className="border-b border-solid-gray-420 bg-white print:border-b-2 print:border-black">
      <div className="mx-auto flex w-full max-w-[1200px] flex-wrap items-center gap-x-10 gap-y-1 px-4 py-3 md:px-8 md:py-4">
        <Link
          href="/"
          className="rounded-4 text-std-18B-160 text-solid-gray-900 no-underline hover:underline hover:underline-offset-4 md:text-std-20B-150"
        >
          {m.portal.name}
        </Link>
        <div className="flex w-full flex-wrap items-center gap-x-6 gap-y-1 md:w-auto md:flex-1 print:hidden">
          <nav aria-label={m.layout.mainNav}>
            <ul className="flex flex-wrap gap-x-6 text-dns-16N-130">
              <li>
                <Link href="/" className={NAV_LINK}>
                  {m.layout.navHome}
                </Link>
              </li>
              <li>
                <Link href="/documents" className={NAV_LINK}>
                  {m.layout.navLibrary}
                </Link>
              </li>
              {account?.showApprovals && (
                <li>
                  <Link href="/approvals" className={NAV_LINK}>
                    {w.header.approvals}
                  </Link>
                </li>
              )}
              {account?.showAudit && (
                <li>
                  <Link href="/audit" className={NAV_LINK}>
                    {a.header.audit}
                  </Link>
                </li>
              )}
              {account?.showAdmin && (
                <li>
                  <Link href="/admin" className={NAV_LINK}>
                    {a.header.admin}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          <SearchBox />
          <div className="ml-auto flex items-center gap-3">
            {account ? (
              <>
                <p className="min-w-0 text-right text-dns-14N-130 text-solid-gray-800">
                  <span className="sr-only">{a.header.account}: </span>
                  <span className="block text-dns-16B-130 text-solid-gray-900">{account.displayName}</span>
                  <span className="block text-solid-gray-700">{account.departmentName ?? a.header.noDepartment}</span>
                </p>
                {account.taskCount > 0 && (
                  <Link
                    href="/#my-tasks"
                    aria-label={w.tasks.headerLinkLabel(account.taskCount)}
                    className="inline-flex min-h-10 shrink-0 items-center gap-1 rounded-6 border border-orange-900 bg-orange-50 px-3 text-oln-16N-100 text-orange-1100 hover:underline"
                  >
                    {w.tasks.headerLink(account.taskCount)}
                  </Link>
                )}
                <SignOutButton />
              </>
            ) : (
              <Link
                href="/login"
                className="inline-flex min-h-10 items-center rounded-6 border border-blue-900 bg-white px-4 text-oln-16N-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100"
              >
                {a.header.login}
              </Link>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
