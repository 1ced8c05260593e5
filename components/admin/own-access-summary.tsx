import { ui } from '@/components/forms/styles';
import { adminMessages as m } from '@/lib/messages/admin';
import type { TRole } from '@/lib/domain/roles';


/**
 * An administrator's own roles and department in their edit form: shown, not editable (another
 * administrator changes them), and sent back unchanged so that saving the name changes nothing else.
 */
export function OwnAccessSummary({ idPrefix, roles, departmentCode, departmentName }: { idPrefix: string; roles: readonly TRole[]; departmentCode: string | null; departmentName: string | null }) {
  return (
    <div role="group" aria-labelledby={`${idPrefix}-own-access`} aria-describedby={`${idPrefix}-own-access-note`}>
      <p id={`${idPrefix}-own-access`} className={ui.label}>
        {m.accounts.ownAccessHeading}
      </p>
      <p id={`${idPrefix}-own-access-note`} className={ui.hint}>
        {m.accounts.ownAccessNote}
      </p>
      <dl className="mt-3 space-y-2 text-std-16N-170 text-solid-gray-900">
        <div className="flex gap-3">
          <dt className="shrink-0 text-solid-gray-700">{m.accounts.roles}</dt>
          <dd>{roles.length === 0 ? m.common.none : roles.map((role) => m.roles[role]).join('、')}</dd>
        </div>
        <div className="flex gap-3">
          <dt className="shrink-0 text-solid-gray-700">{m.accounts.department}</dt>
          <dd>{departmentName ?? m.accounts.noDepartment}</dd>
        </div>
      </dl>
      {roles.map((role) => (
        <input key={role} type="hidden" name="roles" value={role} />
      ))}
      <input type="hidden" name="departmentCode" value={departmentCode ?? ''} />
    </div>
  );
}
