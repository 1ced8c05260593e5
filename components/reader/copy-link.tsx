'use client';

import { createContext, use, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { messages as m } from '@/lib/messages/ja';

/*
 * One polite live region for the whole text, so a screen reader hears 「リンクをコピーしました」
 * once, however many copy buttons the page has.
 */
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function CopyLinkProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((next: string) => {
    // Clear first: a live region does not speak again when its text stays the same.
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(next), 50);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <AnnounceContext value={announce}>
      {children}
      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
    </AnnounceContext>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the legacy path (e.g. permission denied in an embedded view)
    }
  }
  // Intranet portals are often served over plain http, where navigator.clipboard does not exist.
  const active = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  active?.focus();
  return ok;
}

/** Copies the address of one node of the text (location.origin + pathname + '#' + id). */
export function CopyLinkButton({ id, target }: { id: string; target: string }) {
  const announce = use(AnnounceContext);
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    const ok = await writeClipboard(`${window.location.origin}${window.location.pathname}#${id}`);
    announce(ok ? m.reader.copied : m.reader.copyFailed);
    if (!ok) return;
    setCopied(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied(false), 2000);
  }

  // The negative right margin gives the button no width in the line: an invisible button must
  // never push the last character of a paragraph onto a line of its own. It hangs in the
  // text's right padding instead.
  return (
    <button
      type="button"
      onClick={copy}
      className={`group/copy relative -mr-[1.6em] inline-flex size-[1.6em] translate-x-1 translate-y-[0.15em] items-center justify-center rounded-4 align-baseline text-solid-gray-600 indent-0 transition-opacity group-hover:opacity-100 hover:bg-blue-50 hover:text-blue-1000 focus-visible:opacity-100 pointer-coarse:opacity-50 print:hidden ${copied ? 'opacity-100' : 'opacity-0'}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-[1.05em]" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
        <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
      </svg>
      <span className="sr-only">{m.reader.copyLinkFor(target)}</span>
      <span
        aria-hidden="true"
        className={`pointer-events-none absolute right-0 bottom-full mb-1 rounded-4 bg-solid-gray-900 px-2 py-1 text-dns-14N-120 whitespace-nowrap text-white group-hover/copy:block group-focus-visible/copy:block ${copied ? 'block' : 'hidden'}`}
      >
        {copied ? m.reader.copied : m.reader.copyLink}
      </span>
    </button>
  );
}
