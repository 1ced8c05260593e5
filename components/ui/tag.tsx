import type { ReactNode } from 'react';

const TONES = {
  key: 'border-blue-900 bg-blue-50 text-blue-1000',
  green: 'border-green-900 bg-green-50 text-green-1000',
  orange: 'border-orange-900 bg-orange-50 text-orange-1100',
  purple: 'border-purple-900 bg-purple-50 text-purple-1000',
  gray: 'border-solid-gray-600 bg-white text-solid-gray-800',
  yellow: 'border-yellow-900 bg-yellow-100 text-yellow-1200',
  red: 'border-red-1000 bg-red-50 text-red-1100',
} as const;

export type TTagTone = keyof typeof TONES;

/** A small bordered label (the design system's チップラベル); colour is never the only signal, the text is. */
export function Tag({ tone, children }: { tone: TTagTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-4 border px-2 py-0.5 text-dns-14N-130 whitespace-nowrap print:border-black print:bg-white print:text-black ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
