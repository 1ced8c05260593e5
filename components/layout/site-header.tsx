import Link from 'next/link';
import { AccountMenu } from '@/components/layout/account-menu';
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

const NAV_LINK = 'dads-link inline-flex min-h-10 items-center rounded-4 whitespace-nowrap text-solid-gray-800';

/*
 * One line from 1024px up, whatever roles the person holds (five links, the search box, the tasks
 * link and the account button fit in 1280px): the brand and links keep their width, the search box
 * gives way, and the person's name, department and sign-out fold into the account menu. Below
 * 1024px the row wraps: brand, then links, then search and account.
 */
export function SiteHeader({ account }: { account: THeaderAccount }) {
  return (
    <header className="border-b border-solid-gray-420 bg-white print:hidden">
      <div className="mx-auto flex w-full max-w-[1200px] flex-wrap items-center gap-x-8 gap-y-1 px-4 py-3 md:px-8 md:py-4 lg:flex-nowrap lg:gap-x-5">
        <Link
          href="/"
          className="shrink-0 rounded-4 text-std-18B-160 whitespace-nowrap text-solid-gray-900 no-underline hover:underline hover:underline-offset-4 md:text-std-20B-150 lg:text-std-18B-160"
        >
          {m.portal.name}
        </Link>
        <div className="flex w-full min-w-0 flex-wrap items-center gap-x-5 gap-y-1 md:w-auto md:flex-1 lg:flex-nowrap lg:gap-x-4 print:hidden">
          <nav aria-label={m.layout.mainNav} className="shrink-0">
            <ul className="flex flex-wrap gap-x-5 text-dns-16N-130 lg:flex-nowrap lg:gap-x-4">
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
          <div className="min-w-[11rem] flex-1 lg:max-w-[18rem]">
            <SearchBox />
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {account ? (
              <>
                {account.taskCount > 0 && (
                  <Link
                    href="/#my-tasks"
                    aria-label={w.tasks.headerLinkLabel(account.taskCount)}
                    className="inline-flex min-h-10 shrink-0 items-center gap-1 rounded-6 border border-orange-900 bg-orange-50 px-3 text-oln-16N-100 whitespace-nowrap text-orange-1100 hover:underline"
                  >
                    {w.tasks.headerLink(account.taskCount)}
                  </Link>
                )}
                <AccountMenu displayName={account.displayName} departmentName={account.departmentName} />
              </>
            ) : (
              <Link
                href="/login"
                className="inline-flex min-h-10 items-center rounded-6 border border-blue-900 bg-white px-4 text-oln-16N-100 whitespace-nowrap text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100"
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
