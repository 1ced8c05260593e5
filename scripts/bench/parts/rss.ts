/*
 * Target 7: resident memory of next-server after the load runs, from /proc (VmRSS now, VmHWM the
 * peak), the server process and any children it started.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fmt, measurement, type TBenchContext, type TPartResult } from '../lib';

function status(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return out;
}

const kib = (value: string | undefined): number => Number((value ?? '0').replace(/\s*kB$/, ''));

/** The process and its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(status(Number(entry)).PPid);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return out;
}

export async function runRss(ctx: TBenchContext): Promise<TPartResult> {
  const pids = processTree(ctx.serverPid);
  const rows = pids.map((pid) => {
    const s = status(pid);
    return { pid, Name: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] || (s.Name ?? ''), VmRSS: s.VmRSS, VmHWM: s.VmHWM };
  });
  const rss = rows.reduce((n, r) => n + kib(r.VmRSS), 0) / 1024;
  const peak = rows.reduce((n, r) => n + kib(r.VmHWM), 0) / 1024;
  ctx.log(`  ${rows.map((r) => `${r.pid} ${r.Name} RSS ${fmt(kib(r.VmRSS) / 1024, 0)} MiB（最大 ${fmt(kib(r.VmHWM) / 1024, 0)} MiB）`).join('、')}`);
  return {
    measurements: [measurement('rss', 'next-server RSS（負荷の後）', 'MiB', [rss]), measurement('rss', 'next-server RSS の最大値（VmHWM）', 'MiB', [peak])],
    // Issue 8 asks for the RSS after the load runs; the peak during them is printed beside it.
    targets: [{ id: 7, label: '負荷の後の next-server RSS', measured: `${fmt(rss, 0)} MiB（負荷中の最大 ${fmt(peak, 0)} MiB）`, target: '≤ 400 MB', pass: rss * 1.048576 <= 400 }],
    details: { processes: rows.map((r) => ({ pid: r.pid, name: r.Name, rssKiB: kib(r.VmRSS), hwmKiB: kib(r.VmHWM) })) },
  };
}
