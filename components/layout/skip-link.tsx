import { messages as m } from '@/lib/messages/ja';

export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded-4 bg-white text-dns-16B-130 text-blue-1000 underline shadow-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
    >
      <span className="block px-4 py-3">{m.layout.skipToContent}</span>
    </a>
  );
}
