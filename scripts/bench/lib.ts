/*
 * What the benchmark parts share: statistics, a keep-alive HTTP client that times requests,
 * the next-auth sign-in flow, an autocannon run, and the shapes of a part's result.
 */
import http from 'node:http';
import autocannon from 'autocannon';

export interface TBenchContext {
  baseUrl: string;
  databaseUrl: string;
  /** pid of the next-server process */
  serverPid: number;
  /** documents in the corpus this server holds */
  documents: number;
  events: number;
  runs: number;
  /** seconds of each load run */
  duration: number;
  connections: number;
  quick: boolean;
  log: (line: string) => void;
}

/** One figure measured several times (one value per run). */
export interface TMeasurement {
  part: string;
  name: string;
  unit: string;
  values: number[];
}

export interface TTargetResult {
  id: number;
  label: string;
  /** what was measured, as printed: "0.09 × (1,234 / 13,456 req/s)" */
  measured: string;
  target: string;
  pass: boolean;
  note?: string;
}

export interface TPartResult {
  measurements: TMeasurement[];
  targets: TTargetResult[];
  details?: Record<string, unknown>;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—');

export const measurement = (part: string, name: string, unit: string, values: number[]): TMeasurement => ({ part, name, unit, values });

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export interface TTimedResponse {
  status: number;
  ms: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

/** A GET (or POST) over a keep-alive connection, timed from the request to the last byte. */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<TTimedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout: ${url}`)));
    if (options.body) req.write(options.body);
    req.end();
  });
}

export async function expectStatus(url: string, status: number, headers: Record<string, string> = {}): Promise<TTimedResponse> {
  const response = await request(url, { headers });
  if (response.status !== status) throw new Error(`${url}: expected ${status}, got ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  return response;
}

/** Signs in through next-auth's credentials flow (csrf, then the callback) and returns the Cookie header to send. */
export async function signIn(baseUrl: string, loginId: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (headers: http.IncomingHttpHeaders) => {
    for (const line of headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await request(`${baseUrl}/api/auth/csrf`);
  keep(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body.toString('utf8')) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, loginId, password, callbackUrl: '/', json: 'true' }).toString();
  const response = await request(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), 'content-length': String(Buffer.byteLength(form)) },
  });
  keep(response.headers);
  const text = response.body.toString('utf8');
  if (response.status !== 200 || text.includes('error=')) throw new Error(`sign-in as ${loginId} failed: ${response.status} ${text.slice(0, 200)}`);
  if (![...jar.keys()].some((name) => name.endsWith('portal.session') || name.includes('session-token'))) throw new Error(`sign-in as ${loginId}: no session cookie (${[...jar.keys()].join(', ')})`);
  return cookie();
}

export interface TLoadRun {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run: req/s over the run, latency percentiles in ms. Refuses a run with errors or non-2xx answers. */
export async function loadRun(url: string, options: { connections: number; duration: number; headers?: Record<string, string> }): Promise<TLoadRun> {
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, headers: options.headers ?? {} });
  const run = {
    requestsPerSecond: result.requests.total / (result.duration || options.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  if (run.non2xx > 0 || run.errors > 0) throw new Error(`${url}: ${run.non2xx} non-2xx answers, ${run.errors} errors in a load run`);
  return run;
}

/** Sequential requests for `seconds` (at least `minimum` of them): the latency of one reader at a time. */
export async function sequentialLatencies(url: string, options: { seconds: number; minimum?: number; headers?: Record<string, string>; check?: (r: TTimedResponse) => void }): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + options.seconds * 1000;
  while (performance.now() < until || times.length < (options.minimum ?? 1)) {
    const response = await request(url, { headers: options.headers });
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${response.body.toString('utf8').slice(0, 200)}`);
    options.check?.(response);
    times.push(response.ms);
  }
  return times;
}

export async function warmUp(url: string, options: { seconds: number; headers?: Record<string, string> }): Promise<void> {
  await autocannon({ url, connections: 4, duration: options.seconds, headers: options.headers ?? {} });
}
