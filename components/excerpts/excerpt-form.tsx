'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { FormFeedback } from '@/components/admin/form-feedback';
import { ui } from '@/components/admin/styles';
import { useDalForm, type TFormAction } from '@/components/admin/use-dal-form';
import { adminMessages as m } from '@/lib/messages/admin';

type TArticleChoice = { id: string; label: string; selected: boolean };

/** Checkboxes of the articles in force; the checked ones become the public edition (外部に周知すべき事項). */
export function ExcerptForm({ slug, articles, action }: { slug: string; articles: TArticleChoice[]; action: TFormAction<void> }) {
  const id = useId();
  const [checked, setChecked] = useState(() => new Set(articles.filter((a) => a.selected).map((a) => a.id)));
  const { state, pending, feedbackRef, onSubmit } = useDalForm(action);

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
      <FormFeedback
        state={state}
        feedbackRef={feedbackRef}
        success={
          <p>
            {m.excerpts.saved}{' '}
            <Link href={`/documents/${slug}`} className="dads-link">
              {m.excerpts.toDocument}
            </Link>
          </p>
        }
      />
      <fieldset aria-describedby={`${id}-count`}>
        <legend className="text-std-18B-160 text-solid-gray-900">{m.excerpts.legend}</legend>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-std-16N-170">
          <p id={`${id}-count`} className="text-solid-gray-700" aria-live="polite">
            {m.excerpts.selectedCount(checked.size, articles.length)}
          </p>
          <button type="button" onClick={() => setChecked(new Set(articles.map((a) => a.id)))} className={ui.textButton}>
            {m.excerpts.selectAll}
          </button>
          <button type="button" onClick={() => setChecked(new Set())} className={ui.textButton}>
            {m.excerpts.clearAll}
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
        {pending ? m.excerpts.saving : m.excerpts.save}
      </button>
    </form>
  );
}
