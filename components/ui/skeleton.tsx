import { messages as m } from '@/lib/messages/ja';

function SkeletonBlock({ className }: { className: string }) {
  return <div aria-hidden="true" className={`rounded-8 bg-solid-gray-100 motion-safe:animate-pulse ${className}`} />;
}

/** Placeholder for the data-driven part of a page while it streams in. */
export function ContentSkeleton({ variant }: { variant: 'home' | 'list' }) {
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">{m.loading}</span>
      {variant === 'home' ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <SkeletonBlock className="h-64" />
          <SkeletonBlock className="h-64" />
        </div>
      ) : (
        <div className="max-w-[56rem] space-y-4">
          <SkeletonBlock className="h-28" />
          <SkeletonBlock className="ml-6 h-28" />
          <SkeletonBlock className="ml-12 h-28" />
        </div>
      )}
    </div>
  );
}
