import { ui } from '@/components/forms/styles';
import { adminMessages as m } from '@/lib/messages/admin';

export type TDepartmentOption = { code: string; name: string };

/** A select named `departmentCode`; the empty value means no department. */
export function DepartmentSelect({ id, departments, defaultValue }: { id: string; departments: TDepartmentOption[]; defaultValue: string }) {
  return (
    <div>
      <label htmlFor={id} className={ui.label}>
        {m.accounts.department}
      </label>
      <select id={id} name="departmentCode" defaultValue={defaultValue} className={ui.select}>
        <option value="">{m.accounts.noDepartment}</option>
        {departments.map((department) => (
          <option key={department.code} value={department.code}>
            {department.name}
          </option>
        ))}
      </select>
    </div>
  );
}
