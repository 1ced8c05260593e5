import { searchMessages as s } from '@/lib/messages/search';

/** The search box of the header: a plain GET form to /search, so it works without script. */
export function SearchBox({ defaultValue = '' }: { defaultValue?: string }) {
  return (
    <form role="search" method="get" action="/search" aria-label={s.box.label} className="flex w-full max-w-[18rem] items-center print:hidden">
      <label htmlFor="site-search" className="sr-only">
        {s.box.label}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        maxLength={200}
        defaultValue={defaultValue}
        placeholder={s.box.placeholder}
        autoComplete="off"
        className="block min-h-10 w-full min-w-0 rounded-l-8 border border-r-0 border-solid-gray-600 bg-white px-3 text-std-16N-170 text-solid-gray-900 placeholder:text-solid-gray-536 hover:border-black"
      />
      <button
        type="submit"
        className="inline-flex min-h-10 shrink-0 items-center rounded-r-8 border border-blue-900 bg-blue-900 px-4 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200"
      >
        {s.box.submit}
      </button>
    </form>
  );
}
