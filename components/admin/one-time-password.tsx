import { adminMessages as m } from '@/lib/messages/admin';

/**
 * A generated password, shown once: it lives only in the state of the form that received it,
 * so leaving or reloading the page loses it for good. The box says so before anything else.
 */
export function OneTimePassword({
  title,
  loginId,
  password,
}: {
  title: string;
  loginId: string;
  password: string;
}) {
  return (
    <div className="rounded-8 border-2 border-l-8 border-yellow-900 bg-yellow-50 px-4 py-4 text-solid-gray-900 md:px-5">
      <p className="text-std-17B-170">{title}</p>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-4 gap-y-2">
        <dt className="text-std-16N-170 text-solid-gray-700">{m.accounts.loginId}</dt>
        <dd className="text-mono-16N-150">{loginId}</dd>
        <dt className="text-std-16N-170 text-solid-gray-700">{m.accounts.passwordLabel}</dt>
        <dd>
          <code translate="no" className="inline-block rounded-4 border border-solid-gray-420 bg-white px-3 py-1 text-mono-17B-150 tracking-wider select-all">
            {password}
          </code>
        </dd>
      </dl>
      <p className="mt-3 text-std-16N-170">{m.accounts.passwordBoxNote}</p>
    </div>
  );
}
