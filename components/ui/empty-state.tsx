import type { ReactNode } from 'react';

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-8 border border-dashed border-solid-gray-420 bg-solid-gray-50 px-6 py-10 text-center text-std-16N-170 text-solid-gray-700">
      {children}
    </div>
  );
}
