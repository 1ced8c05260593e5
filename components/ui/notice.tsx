import type { ReactNode } from 'react';

const TONES = {
  info: 'border-blue-900 bg-blue-50',
  warning: 'border-yellow-900 bg-yellow-50',
} as const;

/** The design system's 注意喚起 panel: a bordered box with a coloured rule on the left. */
export function Notice({ tone = 'info', children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div className={`rounded-8 border border-l-8 px-4 py-3 text-std-16N-170 text-solid-gray-900 print:border-black print:bg-white ${TONES[tone]}`}>
      {children}
    </div>
  );
}
