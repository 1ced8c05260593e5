/*
 * The V8 heap limit of the portal's server process (`npm start` and `npm run bench`).
 *
 * Without a limit V8 sizes the old space from the machine's memory (about 4 GiB on a large server)
 * and lets the heap grow long before it collects: after a load run the server held 761 MiB although
 * its live data fell back to about 70 MiB (bench/RESULTS.md). A limit makes it collect sooner. The
 * largest single render, the full 新旧対照表 of two 500-article revisions, needs about 30 MiB
 * above idle, so the default leaves room for several at once.
 */
export const DEFAULT_SERVER_HEAP_MB = 320;

/** Node arguments for the server: PORTAL_MAX_HEAP_MB (megabytes; 0 for V8's own limit). */
export function serverNodeArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.PORTAL_MAX_HEAP_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_SERVER_HEAP_MB;
  if (!Number.isInteger(mb) || mb < 0) throw new Error(`PORTAL_MAX_HEAP_MB は 0 以上の整数（MB）で指定してください: ${raw}`);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

/**
 * Environment for the server process. glibc gives each thread that allocates its own malloc arena
 * (up to 8 per core), and the server's threads (libuv's pool, V8's GC and compiler threads) leave
 * them fragmented after bursts of large responses; two arenas kept the RSS after the benchmark's
 * load about 45 MiB lower at the same throughput (bench/RESULTS.md, target 7). A MALLOC_ARENA_MAX
 * already set wins.
 */
export function serverMemoryEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX?.trim() || '2' };
}
