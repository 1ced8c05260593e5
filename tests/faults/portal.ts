/*
 * The portal as a person runs it (`npm start`: migrate, seed, build if stale, `next start`), in a
 * process group of its own so that the fault runner can kill it outright and start it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface TPortal {
  baseUrl: string;
  /** the last lines the portal printed, for a report when something goes wrong */
  output: () => string;
  /** SIGKILL to the whole process group: no shutdown handler runs, in-flight requests die */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startPortal(options: { port: number; env: Record<string, string>; readyTimeoutMs?: number }): Promise<TPortal> {
  const baseUrl = `http://localhost:${options.port}`;
  const lines: string[] = [];
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/start.ts'], {
    env: { ...process.env, ...options.env, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const portal: TPortal = {
    baseUrl,
    output: () => lines.join('\n'),
    kill: async () => {
      signalGroup(child, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 600_000);
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline && !exitedEarly) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return portal;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await portal.kill();
  throw new Error(`the portal did not become ready:\n${portal.output().split('\n').slice(-40).join('\n')}`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}
