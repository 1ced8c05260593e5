import Link from 'next/link';
import { workflowMessages as m } from '@/lib/messages/workflow';

/** What a signed-in person without the role sees instead of an approval or document-management screen. */
export function WorkflowForbidden({ body = m.forbidden.body }: { body?: string }) {
  return (
    <div className="mx-auto w-full max-w-[1200px] px-4 pt-10 md:px-8 md:pt-16">
      <h1 className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150">{m.common.forbiddenTitle}</h1>
      <p className="mt-4 max-w-[40em] text-std-17N-170">{body}</p>
      <p className="mt-6 text-std-17N-170">
        <Link href="/" className="dads-link">
          {m.common.toHome}
        </Link>
      </p>
    </div>
  );
}
