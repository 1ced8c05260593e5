import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { refuseHostileRequest } from '@/lib/http/request-guard';

/*
 * lib/http/request-guard.ts reads React's server-action reply format, which is private to React
 * and Next.js. Next.js offers a body size limit and allowed origins (next.config.ts) but nothing
 * that refuses the references a form never sends, so the guard keeps its own reading, and this
 * test pins it: on a React or Next.js upgrade it fails until someone re-checks the format
 * (README, "Keeping dependencies current") and updates the versions below.
 */
const PINNED = { next: '16.4.6', react: '19.3.1', 'react-dom': '19.3.1' };

const load = createRequire(import.meta.url);
type TEncodeReply = (value: unknown) => Promise<string | FormData>;
const CLIENTS = ['webpack', 'turbopack'].map((bundler) => ({
  bundler,
  encodeReply: (load(`next/dist/compiled/react-server-dom-${bundler}/client.edge.js`) as { encodeReply: TEncodeReply }).encodeReply,
}));

function actionRequest(body: string | FormData): NextRequest {
  return new NextRequest('http://localhost/documents/sample/edit', {
    method: 'POST',
    headers: { 'next-action': '7f00', origin: 'http://localhost', host: 'localhost', ...(typeof body === 'string' ? { 'content-type': 'text/plain;charset=UTF-8' } : {}) },
    body,
  });
}

describe("the request guard's reading of React's server-action format", () => {
  it('was checked against the installed React and Next.js', () => {
    const installed = Object.fromEntries(Object.keys(PINNED).map((name) => [name, (load(`${name}/package.json`) as { version: string }).version]));
    expect(installed, 'React or Next.js changed: re-check lib/http/request-guard.ts against the new server-action format, then update PINNED').toEqual(PINNED);
  });

  for (const { bundler, encodeReply } of CLIENTS) {
    it(`accepts what React's own client (${bundler}) encodes for the portal's forms`, async () => {
      const form = new FormData();
      form.set('text', '第1条　本文');
      const state = { ok: false, error: { code: 'INVALID_INPUT', message: '$ で始まる文' } };
      for (const args of [[form], [state, form], []]) {
        const encoded = await encodeReply(args);
        expect(await refuseHostileRequest(actionRequest(encoded)), JSON.stringify(args)).toBeNull();
      }
    });
  }

  it('refuses a reference no form sends (a promise chunk)', async () => {
    const form = new FormData();
    form.set('0', '["$@1"]');
    form.set('1', '{}');
    expect((await refuseHostileRequest(actionRequest(form)))?.status).toBe(400);
  });
});
