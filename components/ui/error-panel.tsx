'use client';

import Link from 'next/link';
import { messages as m } from '@/lib/messages/ja';

/** What an error boundary shows: a plain message and a retry button; never the error's text or stack. */
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div role="alert" className="mx-auto w-full max-w-[1200px] px-4 pt-10 md:px-8 md:pt-16">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.error.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.error.body}</p>
      <div className="mt-6 flex flex-wrap items-center gap-x-8 gap-y-4">
        <button
          type="button"
          onClick={() => retry()}
          className="inline-flex min-h-12 items-center rounded-8 bg-blue-900 px-6 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200"
        >
          {m.error.retry}
        </button>
        <Link href="/" className="dads-link text-std-17N-170">
          {m.error.toHome}
        </Link>
      </div>
      {digest && <p className="mt-6 text-dns-14N-130 text-solid-gray-700">{m.error.reference(digest)}</p>}
    </div>
  );
}
