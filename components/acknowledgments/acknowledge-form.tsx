'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ErrorBox } from '@/components/forms/error-box';
import { ui } from '@/components/forms/styles';
import type { TActionResult } from '@/lib/domain/action-result';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';

type TAcknowledgeAction = (formData: FormData) => Promise<TActionResult<{ number: number; edition: number | null }>>;

/**
 * 確認しました: one click, below the text or comparison it confirms. The form names the revision
 * shown and where the comparison started, so the DAL refuses a click on a page grown stale.
 */
export function AcknowledgeForm({ slug, number, comparedFrom, action }: { slug: string; number: number; comparedFrom: number | null; action: TAcknowledgeAction }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  async function submit(formData: FormData) {
    if (pending) return;
    setPending(true);
    setFailure(null);
    try {
      const result = await action(formData);
      if (!result.ok) {
        setFailure(result.error.message);
        requestAnimationFrame(() => failureRef.current?.focus());
        return;
      }
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={submit} className="mt-4">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="comparedFrom" value={comparedFrom ?? ''} />
      {failure && (
        <div ref={failureRef} tabIndex={-1} role="alert" className="mb-4">
          <ErrorBox heading={m.page.confirmHeading} message={failure} />
        </div>
      )}
      <p className="text-std-16N-170 text-solid-gray-900">{m.page.confirmLead}</p>
      <button type="submit" aria-disabled={pending} className={`mt-3 ${ui.primary}`}>
        {pending ? m.page.pending : m.page.button}
      </button>
    </form>
  );
}
