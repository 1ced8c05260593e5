import { ui } from '@/components/forms/styles';
import type { TChangeKind } from '@/lib/domain/acknowledgments';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';

/** 実質改正 / 形式改正 as a radio group (uncontrolled: the form reads it by name `changeKind`). */
export function ChangeKindField({ id, defaultValue = 'SUBSTANTIVE', legend }: { id: string; defaultValue?: TChangeKind; legend: string }) {
  return (
    <fieldset>
      <legend className={ui.label}>{legend}</legend>
      <p id={`${id}-hint`} className={ui.hint}>
        {m.fields.changeKindHint}
      </p>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {(['SUBSTANTIVE', 'WORDING'] as const).map((kind) => (
          <label key={kind} className="flex min-h-11 items-center gap-2 text-std-16N-170">
            <input type="radio" name="changeKind" value={kind} defaultChecked={kind === defaultValue} aria-describedby={`${id}-hint`} className={ui.checkbox} />
            {m.kinds[kind]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The approver's part of 遵守の確認: confirm the mark, ask before the effective date, days to acknowledge. */
export function ApprovalAckFields({ id, proposedKind }: { id: string; proposedKind: TChangeKind }) {
  return (
    <div className="space-y-5">
      <ChangeKindField id={`${id}-kind`} defaultValue={proposedKind} legend={m.fields.changeKindConfirm} />
      <label className="flex min-h-11 items-center gap-2 text-std-16N-170">
        <input type="checkbox" name="earlyReading" value="on" className={ui.checkbox} />
        {m.fields.earlyReading}
      </label>
      <div>
        <label htmlFor={`${id}-due`} className={ui.label}>
          {m.fields.ackDueDays}
        </label>
        <p id={`${id}-due-hint`} className={ui.hint}>
          {m.fields.ackDueDaysHint}
        </p>
        <input id={`${id}-due`} name="ackDueDays" type="number" inputMode="numeric" min={1} max={365} defaultValue={14} aria-describedby={`${id}-due-hint`} className={`${ui.input} max-w-[8rem]`} />
      </div>
    </div>
  );
}

/** The fields above, copied from the form element into the FormData a workflow form sends. */
export function copyAckFields(from: HTMLFormElement, to: FormData): void {
  const data = new FormData(from);
  for (const name of ['changeKind', 'earlyReading', 'ackDueDays']) {
    const value = data.get(name);
    if (typeof value === 'string') to.set(name, value);
  }
}
