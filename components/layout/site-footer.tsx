import { messages as m } from '@/lib/messages/ja';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50 print:hidden">
      <div className="mx-auto w-full max-w-[1200px] px-4 py-6 text-std-16N-170 text-solid-gray-700 md:px-8">
        <p>{m.layout.footerNote}</p>
      </div>
    </footer>
  );
}
