import { ui } from '@/components/forms/styles';
import { adminMessages as m } from '@/lib/messages/admin';
import { ROLES } from '@/lib/domain/roles';

/** The five roles as checkboxes named `roles`, in a fieldset with its legend. */
export function RoleCheckboxes({ idPrefix, checked }: { idPrefix: string; checked: readonly string[] }) {
  return (
    <fieldset>
      <legend className={ui.label}>{m.accounts.roles}</legend>
      <p id={`${idPrefix}-roles-hint`} className={ui.hint}>
        {m.accounts.rolesHint}
      </p>
      <ul className="mt-2 space-y-1">
        {ROLES.map((role) => (
          <li key={role}>
            <label htmlFor={`${idPrefix}-role-${role}`} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-4 py-1 text-std-16N-170 hover:bg-solid-gray-50">
              <input
                id={`${idPrefix}-role-${role}`}
                type="checkbox"
                name="roles"
                value={role}
                defaultChecked={checked.includes(role)}
                aria-describedby={`${idPrefix}-roles-hint`}
                className={ui.checkbox}
              />
              <span>{m.roles[role]}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
