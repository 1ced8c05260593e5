'use client';

import { useEffect, useRef } from 'react';

/** A one-time confirmation after a step (作成しました, 提出しました …); takes the focus so that it is read out. */
export function NoticeBanner({ children }: { children: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="rounded-8 border-2 border-success-1 bg-green-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
      {children}
    </div>
  );
}
