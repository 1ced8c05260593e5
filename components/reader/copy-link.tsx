'use client';

import { useEffect, useRef, useState } from 'react';
import { messages as m } from '@/lib/messages/ja';

/*
 * The copy-link buttons of a regulation text are plain server-rendered markup (CopyLinkButton in
 * policy-text.tsx: one short class, no script of their own), because a standard has hundreds of
 * them. This one client component, placed once inside the text, handles every button's click and
 * holds the one polite live region, so a screen reader hears 「リンクをコピーしました」 once, however
 * many buttons the page has.
 */
export function CopyLinks() {
  const region = useRef<HTMLParagraphElement>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const root = region.current?.parentElement;
    if (!root) return;
    const resets = new Map<HTMLElement, number>();
    let announceTimer: number | undefined;

    function announce(next: string) {
      // Clear first: a live region does not speak again when its text stays the same.
      setMessage('');
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(() => setMessage(next), 50);
    }

    function showCopied(button: HTMLElement) {
      const tip = button.querySelector('.copy-link-tip');
      button.dataset.copied = '';
      if (tip) tip.textContent = m.reader.copied;
      window.clearTimeout(resets.get(button));
      resets.set(
        button,
        window.setTimeout(() => {
          delete button.dataset.copied;
          if (tip) tip.textContent = m.reader.copyLink;
          resets.delete(button);
        }, 2000),
      );
    }

    async function onClick(event: MouseEvent) {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-copy-link]') : null;
      if (!button || !root?.contains(button)) return;
      const ok = await writeClipboard(`${window.location.origin}${window.location.pathname}#${button.dataset.copyLink}`);
      announce(ok ? m.reader.copied : m.reader.copyFailed);
      if (ok) showCopied(button);
    }

    root.addEventListener('click', onClick);
    return () => {
      root.removeEventListener('click', onClick);
      resets.forEach((timer) => window.clearTimeout(timer));
      window.clearTimeout(announceTimer);
    };
  }, []);

  return (
    <p ref={region} role="status" aria-live="polite" className="sr-only">
      {message}
    </p>
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
