import Link from 'next/link';
import { messages as m } from '@/lib/messages/ja';

/**
 * What a signed-in person sees on a screen their roles do not open (the 403 page of each area: the
 * forbidden.tsx files under app/): that they may not, who may, and the way home.
 */
export function ForbiddenPanel({ body = m.forbidden.body }: { body?: string }) {
  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-10 md:px-8 md:pt-16">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.forbidden.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{body}</p>
      <p className="mt-6 text-std-17N-170">
        <Link href="/" className="dads-link">
          {m.forbidden.toHome}
        </Link>
      </p>
    </div>
  );
}
