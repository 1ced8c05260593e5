// Vitest runs outside React's server environment, where the real `server-only` package throws
// on import. Integration tests exercise lib/server directly, so it stands in for it there.
export {};
