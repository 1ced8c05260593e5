'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { FormFeedback } from '@/components/forms/form-feedback';
import { ui } from '@/components/forms/styles';
import { useDalForm, type TFormAction } from '@/components/forms/use-dal-form';
import { excerptMessages as m } from '@/lib/messages/excerpts';

type TArticleChoice = { id: string; label: string; selected: boolean };

/**
 * Checkboxes of the open draft's articles; the checked ones become its public edition (外部に周知すべき
 * 事項) once approved. `version` names the draft text they were shown for.
 */
export function ExcerptForm({ slug, number, version, articles, action }: { slug: string; number: number; version: number; articles: TArticleChoice[]; action: TFormAction<unknown> }) {
  const router = useRouter();
  const id = useId();
  const [checked, setChecked] = useState(() => new Set(articles.filter((a) => a.selected).map((a) => a.id)));
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action, { onSuccess: () => router.refresh() });

  function toggle(articleId: string, on: boolean) {
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(articleId);
      else next.delete(articleId);
      return next;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="documentSlug" value={slug} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="version" value={version} />
      <FormFeedback
        state={state}
        feedbackRef={feedbackRef}
        success={
          <p>
            {m.saved}{' '}
            <Link href={`/documents/${slug}`} className="dads-link">
              {m.toDocument}
            </Link>
          </p>
        }
      />
      <fieldset aria-describedby={`${id}-count`}>
        <legend className="text-std-18B-160 text-solid-gray-900">{m.legend}</legend>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-std-16N-170">
          <p id={`${id}-count`} className="text-solid-gray-700" aria-live="polite">
            {m.selectedCount(checked.size, articles.length)}
          </p>
          <button type="button" onClick={() => setChecked(new Set(articles.map((a) => a.id)))} className={ui.textButton}>
            {m.selectAll}
          </button>
          <button type="button" onClick={() => setChecked(new Set())} className={ui.textButton}>
            {m.clearAll}
          </button>
        </div>
        <ul className="mt-3 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
          {articles.map((article) => (
            <li key={article.id}>
              <label htmlFor={`${id}-${article.id}`} className="flex min-h-12 cursor-pointer items-center gap-3 px-2 py-2 text-std-16N-170 hover:bg-solid-gray-50">
                <input
                  id={`${id}-${article.id}`}
                  type="checkbox"
                  name="anchors"
                  value={article.id}
                  checked={checked.has(article.id)}
                  onChange={(event) => toggle(article.id, event.target.checked)}
                  className={ui.checkbox}
                />
                <span>{article.label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" aria-disabled={pending || undefined} className={ui.primary}>
        {pending ? m.saving : m.save}
      </button>
    </form>
  );
}
