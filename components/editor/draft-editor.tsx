'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { ui } from '@/components/forms/styles';
import type { TFormAction } from '@/components/forms/use-dal-form';
import { ConflictPanel, type TConflict } from '@/components/editor/conflict-panel';
import { toLf } from '@/components/editor/format';
import { formatTime } from '@/lib/format/tokyo-time';
import { LineNumberedTextarea, type TTextEditorHandle } from '@/components/editor/line-numbered-textarea';
import { PolicyPreview } from '@/components/editor/policy-preview';
import { SubmitForm, type TCheckDateAction, type TSubmitAction } from '@/components/editor/submit-form';
import { ConflictCopies, DecisionRecord } from '@/components/editor/workflow-records';
import { workflowMessages as m } from '@/lib/messages/workflow';
import { issueLines, useDeepParse } from '@/components/editor/use-deep-parse';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TActionResult } from '@/lib/domain/action-result';
import type { TSaveResult } from '@/lib/server/workflow/save-draft';
import type { TDraftEditorView } from '@/lib/server/workflow/views';

export type TSaveAction = (formData: FormData) => Promise<TActionResult<TSaveResult>>;

/** What a save came to; the submit form saves first and goes on only after 'saved' or 'unchanged'. */
export type TSaveOutcome = 'saved' | 'unchanged' | 'conflict' | 'error';

const AUTOSAVE_MS = 5000;
const PANE_HEIGHT = 'h-[60dvh] min-h-[20rem] lg:h-[calc(100dvh-14rem)] lg:min-h-[28rem]';

const ARTICLE_LINE = /^(第[0-9０-９〇一二三四五六七八九十百千]+(?:条(?:の[0-9０-９〇一二三四五六七八九十]+)?)?)(?=[\s　（(]|$)/;

/** The article (第14条, 第１ …) that the caret's line belongs to: the nearest article line at or above it. */
function articleAt(text: string, line: number): string | null {
  const lines = text.split('\n', line);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const match = ARTICLE_LINE.exec(lines[index] ?? '');
    if (match) return match[1] ?? null;
  }
  return null;
}

/**
 * The editor of an open draft: the text on the left, the reader's rendering of it on the right,
 * saved by button, Ctrl+S and a timer. The version the text is based on lives here and moves on
 * with every save; a save based on an older version comes back as a conflict to resolve.
 */
export function DraftEditor({
  draft,
  saveAction,
  submitAction,
  withdrawAction,
  checkDateAction,
  today,
}: {
  draft: TDraftEditorView;
  /** today's date in Japan by the server's clock */
  today: string;
  saveAction: TSaveAction;
  submitAction: TSubmitAction;
  withdrawAction: TFormAction<void>;
  checkDateAction?: TCheckDateAction;
}) {
  const id = useId();
  const router = useRouter();
  const editable = draft.status === 'DRAFT';
  const handle = useRef<TTextEditorHandle>(null);

  const [initialText] = useState(() => toLf(draft.text));
  const [text, setText] = useState(initialText);
  const [caretLine, setCaretLine] = useState(1);
  const [saved, setSaved] = useState<{ text: string; at: string | null }>({ text: initialText, at: null });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ message: string; fatal: boolean } | null>(null);
  const [conflict, setConflict] = useState<(TConflict & { round: number }) | null>(null);
  const [resolved, setResolved] = useState<string | null>(null);
  const { parsed, lastGood } = useDeepParse(text);

  // The latest values for the save routine, which runs from timers and key presses.
  const textRef = useRef(initialText);
  const savedTextRef = useRef(initialText);
  const baseVersionRef = useRef(draft.version);
  const inFlight = useRef<Promise<TSaveOutcome> | null>(null);
  const blocked = useRef(false);
  const conflictRound = useRef(0);

  const dirty = text !== saved.text;

  const updateText = useCallback((next: string) => {
    textRef.current = next;
    setText(next);
  }, []);

  const persist = useCallback(async (): Promise<TSaveOutcome> => {
    if (blocked.current) return 'error';
    const snapshot = textRef.current;
    if (snapshot === savedTextRef.current) return 'unchanged';
    setSaving(true);
    try {
      const form = new FormData();
      form.set('slug', draft.slug);
      form.set('number', String(draft.number));
      form.set('baseVersion', String(baseVersionRef.current));
      form.set('text', snapshot);
      const result = await saveAction(form);
      if (!result.ok) {
        // A draft that was submitted, withdrawn or taken away meanwhile cannot be saved again from here.
        const fatal = result.error.code !== 'INVALID_INPUT';
        blocked.current = fatal;
        setSaveError({ message: result.error.message, fatal });
        return 'error';
      }
      if (!result.data.ok) {
        blocked.current = true;
        conflictRound.current += 1;
        const current = { ...result.data.current, text: toLf(result.data.current.text) };
        // What the database holds now is the other person's text.
        savedTextRef.current = current.text;
        setSaved({ text: current.text, at: null });
        setConflict({ mine: textRef.current, current, round: conflictRound.current });
        setSaveError(null);
        setResolved(null);
        // The refused text is now a conflict copy: let the page list it.
        router.refresh();
        return 'conflict';
      }
      baseVersionRef.current = result.data.version;
      savedTextRef.current = snapshot;
      setSaved({ text: snapshot, at: result.data.savedAt });
      setSaveError(null);
      return 'saved';
    } catch {
      setSaveError({ message: m.common.networkError, fatal: false });
      return 'error';
    } finally {
      setSaving(false);
    }
  }, [draft.slug, draft.number, saveAction, router]);

  /** One save at a time: a request while one runs waits for it and then saves what is newer. */
  const save = useCallback(async (): Promise<TSaveOutcome> => {
    while (inFlight.current) await inFlight.current;
    const run = persist();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [persist]);

  // Autosave once typing has stopped for a while, and only when there is something to save.
  useEffect(() => {
    if (!editable || !dirty || conflict || saving || saveError?.fatal) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [editable, dirty, conflict, saving, saveError, text, save]);

  useEffect(() => {
    if (!editable) return;
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editable, save]);

  useEffect(() => {
    if (!editable || (!dirty && !conflict)) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [editable, dirty, conflict]);

  const goToLine = useCallback((line: number) => handle.current?.goToLine(line), []);

  async function resolveWith(next: string, message: string) {
    if (!conflict) return;
    baseVersionRef.current = conflict.current.version;
    blocked.current = false;
    updateText(next);
    const outcome = await save();
    if (outcome === 'saved' || outcome === 'unchanged') {
      setConflict(null);
      setResolved(message);
    }
  }

  function adoptTheirs() {
    if (!conflict) return;
    const { current } = conflict;
    baseVersionRef.current = current.version;
    savedTextRef.current = current.text;
    blocked.current = false;
    updateText(current.text);
    setSaved({ text: current.text, at: null });
    setSaveError(null);
    setConflict(null);
    setResolved(m.conflict.resolvedAdopt);
  }

  const { errorLines, warningLines } = issueLines(parsed);
  const status = saving
    ? m.editor.statusSaving
    : conflict
      ? m.editor.statusConflict
      : saveError
        ? m.editor.saveFailed(saveError.message)
        : dirty
          ? m.editor.statusDirty
          : saved.at
            ? m.editor.statusSaved(formatTime(saved.at))
            : m.editor.statusClean;

  return (
    <div className="space-y-8">
      {conflict ? (
        <ConflictPanel
          key={conflict.round}
          conflict={conflict}
          pending={saving}
          error={saveError?.message ?? null}
          onOverwrite={() => void resolveWith(conflict.mine, m.conflict.resolvedOverwrite)}
          onAdopt={adoptTheirs}
          onSaveMerged={(merged) => void resolveWith(merged, m.conflict.resolvedMerge)}
        />
      ) : (
        <div>
          {editable && (
            <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
              <button type="button" aria-disabled={saving || undefined} onClick={() => void save()} className={ui.primary}>
                {saving ? m.editor.saving : m.editor.save}
              </button>
              <p
                role="status"
                aria-live="polite"
                className={`text-std-16N-170 ${saveError ? 'text-error-2' : dirty ? 'text-solid-gray-900' : 'text-solid-gray-700'}`}
              >
                {dirty && !saving && !saveError && (
                  <span aria-hidden="true" className="mr-2 inline-block size-2.5 rounded-full bg-yellow-700 align-middle" />
                )}
                {status}
              </p>
              {saveError?.fatal && (
                <button type="button" onClick={() => window.location.reload()} className={ui.textButton}>
                  {m.editor.reload}
                </button>
              )}
              <p className="w-full text-dns-14N-130 text-solid-gray-700">{m.editor.saveShortcut}</p>
              <p id={`${id}-text-hint`} className="w-full text-dns-14N-130 text-solid-gray-700">
                {m.editor.textHint}
              </p>
            </div>
          )}
          {resolved && (
            <p role="status" className="mb-3 rounded-8 border-2 border-success-1 bg-green-50 px-4 py-2 text-std-16N-170 text-solid-gray-900">
              {resolved}
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-2 lg:gap-5">
            <div className="min-w-0">
              <label htmlFor={`${id}-text`} className="text-std-17B-170 text-solid-gray-900">
                {editable ? m.editor.textLabel : m.editor.readOnlyLabel}
              </label>
              <LineNumberedTextarea
                id={`${id}-text`}
                value={text}
                onChange={editable ? updateText : undefined}
                readOnly={!editable}
                errorLines={errorLines}
                warningLines={warningLines}
                describedBy={editable ? `${id}-text-hint` : undefined}
                handleRef={handle}
                onCaretLine={setCaretLine}
                heightClass={PANE_HEIGHT}
              />
              {!parsed.ok && (
                // On narrow screens the preview, with the full list, is below the text: name the lines here too.
                <p className="mt-1 flex flex-wrap items-baseline gap-x-3 text-std-16N-170 text-error-2 lg:hidden">
                  <span>{m.editor.errorsHeading(parsed.errors.length)}</span>
                  {parsed.errors.slice(0, 5).map((error, index) => (
                    <button key={`${error.line}-${index}`} type="button" onClick={() => goToLine(error.line)} className="dads-link rounded-4">
                      {m.editor.goToLine(error.line)}
                    </button>
                  ))}
                </p>
              )}
            </div>
            <div className="min-w-0">
              <PolicyPreview
                id={`${id}-preview`}
                parsed={parsed}
                lastGood={lastGood}
                onGoToLine={goToLine}
                followArticle={articleAt(text, caretLine)}
                heightClass={PANE_HEIGHT}
              />
            </div>
          </div>
        </div>
      )}

      {editable ? (
        <SubmitForm
          slug={draft.slug}
          number={draft.number}
          defaultReason={draft.changeReason ?? ''}
          defaultDate={draft.effectiveDate ?? ''}
          today={today}
          action={submitAction}
          checkDateAction={checkDateAction}
          blocked={conflict !== null}
          beforeSubmit={async () => {
            const check = parseDeepText(textRef.current);
            if (!check.ok) return { ok: false as const, parseErrors: check.errors };
            const outcome = await save();
            return outcome === 'saved' || outcome === 'unchanged' ? { ok: true as const } : { ok: false as const, message: outcome === 'conflict' ? m.submit.conflictFirst : m.submit.saveFirstFailed };
          }}
          onGoToLine={goToLine}
          onSubmitted={() => router.replace(`/documents/${draft.slug}/edit?notice=submitted`)}
        />
      ) : null}

      {draft.decisions.length + draft.conflictCopies.length > 0 && (
        <div className="max-w-[56rem] space-y-4">
          <DecisionRecord decisions={draft.decisions} />
          <ConflictCopies copies={draft.conflictCopies} />
        </div>
      )}

      <section aria-labelledby={`${id}-danger`} className="border-t border-solid-gray-420 pt-6">
        <h2 id={`${id}-danger`} className="sr-only">
          {editable ? m.editor.discard : m.editor.withdraw}
        </h2>
        <ConfirmAction
          action={withdrawAction}
          fields={{ slug: draft.slug, number: String(draft.number) }}
          trigger={editable ? m.editor.discard : m.editor.withdraw}
          question={editable ? m.editor.discardQuestion : m.editor.withdrawQuestion}
          confirmLabel={editable ? m.editor.discardDo : m.editor.withdrawDo}
          pendingLabel={editable ? m.editor.discarding : m.editor.withdrawing}
          onDone={() => {
            // The draft is gone: nothing is left to save or to warn about.
            blocked.current = true;
            savedTextRef.current = textRef.current;
            setSaved({ text: textRef.current, at: null });
            router.replace(`/documents/${draft.slug}/edit?notice=${editable ? 'discarded' : 'withdrawn'}`);
          }}
        />
      </section>
    </div>
  );
}
