import Link from 'next/link';
import { messages as m } from '@/lib/messages/ja';

export function SiteHeader() {
  return (
    <header className="border-b border-solid-gray-420 bg-white print:border-b-2 print:border-black">
      <div className="mx-auto flex w-full max-w-[1200px] flex-wrap items-center gap-x-10 gap-y-1 px-4 py-3 md:px-8 md:py-4">
        <Link
          href="/"
          className="rounded-4 text-std-18B-160 text-solid-gray-900 no-underline hover:underline hover:underline-offset-4 md:text-std-20B-150"
        >
          {m.portal.name}
        </Link>
        <nav aria-label={m.layout.mainNav} className="print:hidden">
          <ul className="flex gap-6 text-dns-16N-130">
            <li>
              <Link href="/" className="dads-link inline-block rounded-4 py-2 text-solid-gray-800">
                {m.layout.navHome}
              </Link>
            </li>
            <li>
              <Link href="/documents" className="dads-link inline-block rounded-4 py-2 text-solid-gray-800">
                {m.layout.navLibrary}
              </Link>
            </li>
          </ul>
        </nav>
        {/* Sign-in status goes here once accounts exist. */}
        <div className="ml-auto print:hidden" data-slot="account" />
      </div>
    </header>
  );
}
