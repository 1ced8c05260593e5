/** Shared class lists of the administration forms, after the design system's input and button specs. */
export const ui = {
  label: 'block text-std-16B-170 text-solid-gray-900',
  hint: 'mt-1 text-dns-14N-130 text-solid-gray-700',
  input:
    'mt-2 block min-h-12 w-full rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 text-solid-gray-900 hover:border-black aria-invalid:border-error-1',
  select:
    'mt-2 block min-h-12 w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170 text-solid-gray-900 hover:border-black',
  checkbox: 'size-5 shrink-0 accent-blue-900',
  primary:
    'inline-flex min-h-12 items-center justify-center rounded-8 bg-blue-900 px-6 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 aria-disabled:cursor-wait aria-disabled:bg-solid-gray-600',
  secondary:
    'inline-flex min-h-12 items-center justify-center rounded-8 border border-blue-900 bg-white px-5 text-oln-16B-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100 aria-disabled:cursor-wait',
  danger:
    'inline-flex min-h-12 items-center justify-center rounded-8 bg-error-2 px-6 text-oln-16B-100 text-white hover:bg-red-1100 hover:underline active:bg-red-1200 aria-disabled:cursor-wait aria-disabled:bg-solid-gray-600',
  dangerOutline:
    'inline-flex min-h-12 items-center justify-center rounded-8 border border-error-2 bg-white px-5 text-oln-16B-100 text-error-2 hover:bg-red-50 hover:underline active:bg-red-100',
  /** smaller buttons for the actions repeated on every row of a list */
  rowButton:
    'inline-flex min-h-10 items-center justify-center rounded-6 border border-blue-900 bg-white px-4 text-oln-16N-100 text-blue-900 hover:bg-blue-50 hover:underline active:bg-blue-100',
  rowDanger:
    'inline-flex min-h-10 items-center justify-center rounded-6 border border-error-2 bg-white px-4 text-oln-16N-100 text-error-2 hover:bg-red-50 hover:underline active:bg-red-100',
  textButton: 'dads-link rounded-4 px-1 py-2 text-std-16N-170',
  card: 'rounded-12 border border-solid-gray-420 bg-white p-5 md:p-6',
} as const;
