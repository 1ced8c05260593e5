'use client';

import { useId, useState, type MouseEvent, type ReactNode } from 'react';
import { messages as m } from '@/lib/messages/ja';

/** The 目次: always open beside the text on wide screens, a disclosure above it on narrow ones. */
export function TocDisclosure({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const listId = useId();

  function closeAfterJump(event: MouseEvent<HTMLDivElement>) {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  }

  return (
    <nav aria-label={m.reader.toc} className="rounded-8 border border-solid-gray-420 bg-white lg:border-0 lg:bg-transparent">
      <h2 className="text-std-17B-170 text-solid-gray-900">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
          className="flex min-h-12 w-full items-center justify-between gap-4 rounded-8 px-4 text-left hover:bg-solid-gray-50 lg:hidden"
        >
          <span>{m.reader.toc}</span>
          <span aria-hidden="true" className="text-dns-14N-130 font-normal text-blue-1000 underline underline-offset-2">
            {open ? m.reader.tocToggleClose : m.reader.tocToggleOpen}
          </span>
        </button>
        <span className="hidden lg:block">{m.reader.toc}</span>
      </h2>
      <div id={listId} onClick={closeAfterJump} className={`${open ? 'block' : 'hidden'} border-t border-solid-gray-200 px-4 pb-4 lg:block lg:border-0 lg:px-0`}>
        {children}
      </div>
    </nav>
  );
}
