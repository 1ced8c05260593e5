import Form from 'next/form';
import Link from 'next/link';
import { ui } from '@/components/forms/styles';
import { actionLabel, type TFilterValues } from '@/components/audit/format';
import { auditMessages as m } from '@/lib/messages/audit';

export type TActionChoices = { prefixes: string[]; actions: string[] };

/**
 * The filters as a GET form, so that a filtered view is a URL that can be shared, bookmarked
 * and reached with the back button. Keyed by the query string, so that the fields follow the
 * URL after 「条件をクリア」 or a step back in history.
 */
export function AuditFilterForm({ values, choices }: { values: TFilterValues; choices: TActionChoices }) {
  const action = values.action ?? '';
  const unknownAction = action !== '' && !choices.prefixes.includes(action) && !choices.actions.includes(action);
  return (
    <section aria-labelledby="audit-filter-heading" className={ui.card}>
      <h2 id="audit-filter-heading" className="text-std-20B-150 text-solid-gray-900">
        {m.filter.heading}
      </h2>
      <Form key={JSON.stringify(values)} action="/audit" className="mt-4">
        <div className="grid gap-x-6 gap-y-5 md:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="audit-filter-actor" className={ui.label}>
              {m.filter.actor}
            </label>
            <input
              id="audit-filter-actor"
              name="actor"
              type="text"
              defaultValue={values.actor ?? ''}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className={ui.input}
            />
          </div>
          <div>
            <label htmlFor="audit-filter-action" className={ui.label}>
              {m.filter.action}
            </label>
            <select id="audit-filter-action" name="action" defaultValue={action} className={ui.select}>
              <option value="">{m.filter.all}</option>
              {unknownAction && (
                <optgroup label={m.filter.currentGroup}>
                  <option value={action}>{action}</option>
                </optgroup>
              )}
              {choices.prefixes.length > 0 && (
                <optgroup label={m.filter.prefixGroup}>
                  {choices.prefixes.map((code) => (
                    <option key={code} value={code}>
                      {actionLabel(code)}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={m.filter.actionGroup}>
                {choices.actions.map((code) => (
                  <option key={code} value={code}>
                    {actionLabel(code)}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div>
            <label htmlFor="audit-filter-document" className={ui.label}>
              {m.filter.document}
            </label>
            <input
              id="audit-filter-document"
              name="document"
              type="text"
              defaultValue={values.document ?? ''}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby="audit-filter-document-hint"
              className={ui.input}
            />
            <p id="audit-filter-document-hint" className={ui.hint}>
              {m.filter.documentHint}
            </p>
          </div>
          <div>
            <label htmlFor="audit-filter-outcome" className={ui.label}>
              {m.filter.outcome}
            </label>
            <select id="audit-filter-outcome" name="outcome" defaultValue={values.outcome ?? ''} className={ui.select}>
              <option value="">{m.filter.all}</option>
              <option value="SUCCESS">{m.outcomes.SUCCESS}</option>
              <option value="DENIED">{m.outcomes.DENIED}</option>
              <option value="FAILED">{m.outcomes.FAILED}</option>
            </select>
          </div>
          <fieldset className="md:col-span-2">
            <legend className={ui.label}>{m.filter.period}</legend>
            <div className="mt-2 grid gap-y-3 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] sm:items-end sm:gap-x-3">
              <div>
                <label htmlFor="audit-filter-from" className="block text-dns-14N-130 text-solid-gray-700">
                  {m.filter.from}
                </label>
                <input id="audit-filter-from" name="from" type="date" defaultValue={values.from ?? ''} className={ui.input} />
              </div>
              <span aria-hidden="true" className="hidden pb-3 text-std-16N-170 text-solid-gray-700 sm:block">
                {m.filter.periodSeparator}
              </span>
              <div>
                <label htmlFor="audit-filter-to" className="block text-dns-14N-130 text-solid-gray-700">
                  {m.filter.to}
                </label>
                <input id="audit-filter-to" name="to" type="date" defaultValue={values.to ?? ''} className={ui.input} />
              </div>
            </div>
          </fieldset>
        </div>
        <div className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-3">
          <button type="submit" className={ui.primary}>
            {m.filter.submit}
          </button>
          <Link href="/audit" className="dads-link text-std-16N-170">
            {m.filter.clear}
          </Link>
        </div>
      </Form>
    </section>
  );
}
