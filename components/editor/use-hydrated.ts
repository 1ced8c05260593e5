'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true after. Text fields stay read-only until
 * then: typing into a controlled field before React takes it over can be lost, or (when React
 * resets the value under a pending selection) land twice.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
