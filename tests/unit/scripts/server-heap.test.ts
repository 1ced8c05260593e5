import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_HEAP_MB, serverMemoryEnv, serverNodeArgs } from '../../../scripts/lib/server-heap';

/** only the variables these read */
const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe('the server process memory settings', () => {
  it('limits the V8 heap by PORTAL_MAX_HEAP_MB, 0 for V8 own limit, and refuses anything else', () => {
    expect(serverNodeArgs(env({}))).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`]);
    expect(serverNodeArgs(env({ PORTAL_MAX_HEAP_MB: '512' }))).toEqual(['--max-old-space-size=512']);
    expect(serverNodeArgs(env({ PORTAL_MAX_HEAP_MB: '0' }))).toEqual([]);
    expect(() => serverNodeArgs(env({ PORTAL_MAX_HEAP_MB: '-1' }))).toThrow('PORTAL_MAX_HEAP_MB');
    expect(() => serverNodeArgs(env({ PORTAL_MAX_HEAP_MB: '1.5' }))).toThrow('PORTAL_MAX_HEAP_MB');
  });

  it('gives the server two malloc arenas unless MALLOC_ARENA_MAX is set', () => {
    expect(serverMemoryEnv(env({}))).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(serverMemoryEnv(env({ MALLOC_ARENA_MAX: ' ' }))).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(serverMemoryEnv(env({ MALLOC_ARENA_MAX: '4' }))).toEqual({ MALLOC_ARENA_MAX: '4' });
  });
});
