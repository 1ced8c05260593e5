'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { authMessages as a } from '@/lib/messages/auth';

/**
 * The signed-in person's corner of the header, folded into one button so the header keeps to one
 * line: the name on the button; the department and sign-out in the panel it opens (a disclosure:
 * Enter or Space opens it, Escape closes it and returns to the button, as does a click elsewhere).
 */
export function AccountMenu({ displayName, departmentName }: { displayName: string; departmentName: string | null }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={a.header.accountButton(displayName)}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-10 max-w-[10rem] items-center gap-1.5 rounded-6 border border-solid-gray-420 bg-white px-3 text-oln-16B-100 text-solid-gray-900 hover:border-solid-gray-900 hover:underline aria-expanded:border-blue-900 aria-expanded:bg-blue-50"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-solid-gray-700" fill="currentColor">
          <path d="M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5.5 6.5c0-2.6 2.4-4.5 5.5-4.5s5.5 1.9 5.5 4.5V15h-11v-.5Z" />
        </svg>
        <span className="truncate">{displayName}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 shrink-0 transition-transform ${open ? 'rotate-180' : ''}`} fill="none" stroke="currentColor" strokeWidth="2">
          <path d="m3.5 6 4.5 4.5L12.5 6" />
        </svg>
      </button>
      <div
        id={`${id}-panel`}
        hidden={!open}
        className="absolute top-full right-0 z-40 mt-2 w-max max-w-[min(20rem,calc(100vw-2rem))] rounded-8 border border-solid-gray-420 bg-white p-4 shadow-2"
      >
        <p className="text-dns-14N-130 text-solid-gray-800">
          <span className="sr-only">{a.header.account}: </span>
          <span className="block text-dns-16B-130 break-all text-solid-gray-900">{displayName}</span>
          <span className="mt-1 block">
            {a.header.department}: {departmentName ?? a.header.noDepartment}
          </span>
        </p>
        <div className="mt-3">
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
