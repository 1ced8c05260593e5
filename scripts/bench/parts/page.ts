/*
 * Target 1: anonymous /documents/basic-policy, req/s against a bare node:http server that sends
 * the same HTML bytes from memory (in a process of its own, like the portal).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectStatus, fmt, loadRun, measurement, median, type TBenchContext, type TPartResult, warmUp } from '../lib';

const BARE_SERVER = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

export async function startBareServer(body: Buffer): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isms-bench-'));
  const file = path.join(dir, 'page.html');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', BARE_SERVER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/documents/basic-policy`,
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runPage(ctx: TBenchContext): Promise<TPartResult> {
  const url = `${ctx.baseUrl}/documents/basic-policy`;
  const page = await expectStatus(url, 200);
  const bare = await startBareServer(page.body);
  try {
    await warmUp(url, { seconds: ctx.quick ? 2 : 5 });
    await warmUp(bare.url, { seconds: 2 });
    const portal: number[] = [];
    const reference: number[] = [];
    const p99: number[] = [];
    for (let run = 0; run < ctx.runs; run += 1) {
      const a = await loadRun(url, { connections: ctx.connections, duration: ctx.duration });
      const b = await loadRun(bare.url, { connections: ctx.connections, duration: ctx.duration });
      portal.push(a.requestsPerSecond);
      p99.push(a.p99);
      reference.push(b.requestsPerSecond);
      ctx.log(`  run ${run + 1}: portal ${fmt(a.requestsPerSecond, 0)} req/s, bare ${fmt(b.requestsPerSecond, 0)} req/s`);
    }
    const ratio = median(portal) / median(reference);
    return {
      measurements: [
        measurement('page', '/documents/basic-policy（匿名）', 'req/s', portal),
        measurement('page', '同じバイト列の node:http（参照）', 'req/s', reference),
        measurement('page', '/documents/basic-policy p99', 'ms', p99),
      ],
      targets: [
        {
          id: 1,
          label: '匿名 /documents/basic-policy の req/s（node:http 比）',
          measured: `${fmt(ratio, 3)} ×（${fmt(median(portal), 0)} / ${fmt(median(reference), 0)} req/s）`,
          target: '≥ 0.12 ×',
          pass: ratio >= 0.12,
        },
      ],
      details: { htmlBytes: page.body.length, ratio },
    };
  } finally {
    bare.stop();
  }
}
