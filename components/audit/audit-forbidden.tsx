import Link from 'next/link';
import { auditMessages as m } from '@/lib/messages/audit';

/** What a signed-in person who may not read the trail sees instead of it. */
export function AuditForbidden() {
  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-10 md:px-8 md:pt-16">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.forbidden.title}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{m.forbidden.body}</p>
      <p className="mt-6 text-std-17N-170">
        <Link href="/" className="dads-link">
          {m.forbidden.toHome}
        </Link>
      </p>
    </div>
  );
}
