/*
 * Reading known fields from a form post. Server actions read only the fields they name (never the
 * whole FormData), so a stray `status` or `role` field is ignored; a missing or file field reads as ''.
 */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

export function formTexts(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === 'string');
}
