/*
 * A person's browser reduced to what the fault and load runs need: cookies, the standard
 * next-auth sign-in, page and API requests, and server actions posted the way React's client
 * posts them (the action id in `Next-Action`, a FormData argument as multipart fields `_1_*`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface TTimedResponse {
  status: number;
  ms: number;
  body: string;
  contentType: string;
  /** set when no HTTP answer came at all (refused, reset, timed out on our side) */
  networkError?: string;
}

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  async request(pathname: string, init: RequestInit = {}): Promise<TTimedResponse> {
    const started = performance.now();
    try {
      const headers = new Headers(init.headers);
      if (this.cookies.size) headers.set('cookie', this.cookieHeader());
      const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      this.keepCookies(response);
      const body = await response.text();
      return { status: response.status, ms: performance.now() - started, body, contentType: response.headers.get('content-type') ?? '' };
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
      return { status: 0, ms: performance.now() - started, body: '', contentType: '', networkError: reason };
    }
  }

  get(pathname: string): Promise<TTimedResponse> {
    return this.request(pathname);
  }

  async signIn(loginId: string, password = DEMO_PASSWORD): Promise<void> {
    const csrf = await this.get('/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, loginId, password, callbackUrl: '/', json: 'true' });
    const response = await this.request('/api/auth/callback/credentials', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    if (response.status !== 200 || response.body.includes('error=')) throw new Error(`sign-in as ${loginId} failed: ${response.status} ${response.body.slice(0, 200)}`);
  }

  /**
   * Calls a server action whose last argument is a FormData (after `leading` arguments, such as
   * useActionState's previous state) and returns its decoded result, or null with the HTTP answer
   * when the action did not return (an error page, a reset, a timeout).
   */
  async action<T>(actionId: string, fields: Record<string, string>, options: { pagePath?: string; leading?: unknown[] } = {}): Promise<{ result: T | null; response: TTimedResponse }> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
    form.append('0', JSON.stringify([...(options.leading ?? []), '$K1']));
    const pagePath = options.pagePath ?? '/';
    const response = await this.request(pagePath, {
      method: 'POST',
      body: form,
      headers: { 'next-action': actionId, accept: 'text/x-component', origin: this.baseUrl },
    });
    if (response.status !== 200 || !response.contentType.includes('text/x-component')) return { result: null, response };
    return { result: decodeActionResult<T>(response.body), response };
  }
}

/**
 * The action's return value from a React Flight answer. Rows are `<id>:<json>\n`, or
 * `<id>:T<byte length in hex>,<text>` with no line break (long strings); row 0 names the row
 * holding the value (`"a":"$@<id>"`), which may refer to text rows as "$<id>".
 */
export function decodeActionResult<T>(body: string): T | null {
  const bytes = Buffer.from(body, 'utf8');
  const rows = new Map<string, string>();
  const texts = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString('latin1');
    // Hint rows (':HL[…]') have no id.
    if (!/^[0-9a-f]*$/.test(id)) return null;
    if (bytes[colon + 1] === 0x54) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString('latin1'), 16);
      texts.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString('utf8'));
      at = comma + 1 + length;
    } else {
      const newline = bytes.indexOf(0x0a, colon);
      const end = newline < 0 ? bytes.length : newline;
      rows.set(id, bytes.subarray(colon + 1, end).toString('utf8'));
      at = end + 1;
    }
  }
  const ref = /"a":"\$@([0-9a-f]+)"/.exec(rows.get('0') ?? '')?.[1];
  const row = ref ? rows.get(ref) : undefined;
  if (!row) return null;
  try {
    return JSON.parse(row, (_key, value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith('$')) return value;
      if (value.startsWith('$$')) return value.slice(1);
      return texts.get(value.slice(1)) ?? value;
    }) as T;
  } catch {
    return null;
  }
}

/** The id of a server action by its exported name, from the production build's manifest. */
export function serverActionId(exportedName: string, modulePath: string): string {
  const manifestFile = path.join('.next', 'server', 'server-reference-manifest.json');
  if (!existsSync(manifestFile)) throw new Error('no production build: .next/server/server-reference-manifest.json is missing');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }> };
  const hits = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName && (entry.filename ?? Object.keys(entry.workers).join(' ')).includes(modulePath));
  if (hits.length !== 1) throw new Error(`server action ${exportedName} in ${modulePath}: ${hits.length} matches in the manifest`);
  return hits[0]![0];
}
