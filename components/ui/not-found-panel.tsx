import Link from 'next/link';
import { messages as m } from '@/lib/messages/ja';

type TLink = { href: string; label: string };

/** The not-found page's body: what was not found, and where to go instead (the library and home by default). */
export function NotFoundPanel({
  title = m.notFound.title,
  body = m.notFound.body,
  links = [
    { href: '/documents', label: m.notFound.toLibrary },
    { href: '/', label: m.notFound.toHome },
  ],
}: {
  title?: string;
  body?: string;
  links?: TLink[];
}) {
  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-10 md:px-8 md:pt-16">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{body}</p>
      <ul className="mt-6 flex flex-wrap gap-x-8 gap-y-2 text-std-17N-170">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="dads-link">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
