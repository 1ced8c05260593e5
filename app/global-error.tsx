'use client';

import { ErrorPanel } from '@/components/ui/error-panel';
import { messages as m } from '@/lib/messages/ja';
import './globals.css';

/* Replaces the root layout when that itself fails, so it brings its own document and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="ja">
      <body className="bg-white text-solid-gray-800">
        <title>{m.error.title}</title>
        <main className="pb-16">
          <ErrorPanel error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
