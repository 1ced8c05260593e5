import Link from 'next/link';
import { auditMessages as m } from '@/lib/messages/audit';

/** A sequence number that names no event the reader may see: missing, malformed or out of their scope alike. */
export function AuditEventNotFound() {
  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-10 md:px-8 md:pt-16">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.eventNotFound.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.eventNotFound.body}</p>
      <ul className="mt-6 flex flex-wrap gap-x-8 gap-y-2 text-std-17N-170">
        <li>
          <Link href="/audit" className="dads-link">
            {m.eventNotFound.toList}
          </Link>
        </li>
        <li>
          <Link href="/" className="dads-link">
            {m.eventNotFound.toHome}
          </Link>
        </li>
      </ul>
    </div>
  );
}
