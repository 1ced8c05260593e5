import { NextResponse, type NextRequest } from 'next/server';
import { IMPORT_MAX_MB_CEILING } from '@/lib/domain/ingest';
import { httpMessages as m } from '@/lib/messages/http';

/*
 * Refuses, before Next.js handles them, requests that Next.js would answer with a 500 or let
 * through. Not authorisation (that is the DAL's): only the shape of a request.
 *  - A state-changing request from another origin (CSRF): 403. Next.js refuses only server
 *    actions, and with a 500; sign-in and sign-out posts would reach next-auth.
 *  - A body larger than any form of the portal sends: 413. Next.js answers an oversized server
 *    action with a 500 and cuts a route handler's body at 10 MB without saying so.
 *  - A server action payload that the portal's forms never send: 400 or 415, before React
 *    decodes it. The forms send a FormData (`$K1`), after at most the previous form state, or no
 *    argument at all; every other React reference (`$@`, `$Q`, `$h`, `$1:…` …) is refused, as
 *    the reply decoder is where React's server-action vulnerabilities have been.
 */

/** Matches `experimental.serverActions.bodySizeLimit` in next.config.ts: a largest draft (1,000,000 characters, 3 bytes each) fits. */
export const MAX_ACTION_BODY_BYTES = 4 * 1024 * 1024;
/**
 * The import screens (/documents/new/import, /documents/<slug>/import) post a Word, PDF or text
 * file: up to the largest limit PORTAL_IMPORT_MAX_MB may set, plus a megabyte for the form around
 * it and for the text sent back with the draft. The DAL refuses a file over the configured limit.
 */
export const MAX_UPLOAD_BODY_BYTES = (IMPORT_MAX_MB_CEILING + 1) * 1024 * 1024;
const UPLOAD_PATH = /^\/documents\/[a-z0-9-]+\/import$/;
/** Sign-in and sign-out forms, and any other post to /api. */
const MAX_API_BODY_BYTES = 64 * 1024;
/** The previous form state is a TActionResult: a few levels deep. */
const MAX_PAYLOAD_DEPTH = 8;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Escaped strings and plain values React encodes with a `$` prefix; references are not among them. */
const PLAIN_VALUE = /^\$(?:\$|undefined$|NaN$|-?Infinity$|-0$|D\d{4}-)/;
const FORM_DATA = /^\$K\d{1,6}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function fromThisSite(origin: string, request: NextRequest, publicOrigin: string | undefined): boolean {
  const host = hostOf(origin);
  if (!host) return false;
  return [request.headers.get('x-forwarded-host'), request.headers.get('host'), hostOf(publicOrigin)].includes(host);
}

/** Previous form state: plain JSON, no React references, no prototype keys, shallow. */
function isPlainState(value: unknown, depth = 0): boolean {
  if (depth > MAX_PAYLOAD_DEPTH) return false;
  if (typeof value === 'string') return !value.startsWith('$') || PLAIN_VALUE.test(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every((item) => isPlainState(item, depth + 1));
  return Object.entries(value).every(([key, item]) => !FORBIDDEN_KEYS.has(key) && isPlainState(item, depth + 1));
}

/** The argument list of a server action as the portal's forms encode it: [], [form] or [state, form]. */
function isFormPayload(root: string): boolean {
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return false;
  }
  if (!Array.isArray(args) || args.length > 2) return false;
  if (args.length === 0) return true;
  const form = args.at(-1);
  return typeof form === 'string' && FORM_DATA.test(form) && (args.length === 1 || isPlainState(args[0]));
}

async function readForm(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  try {
    return await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
  } catch {
    return null;
  }
}

export async function refuseHostileRequest(request: NextRequest, options: { publicOrigin?: string } = {}): Promise<NextResponse | null> {
  if (!UNSAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get('origin');
  if (origin !== null && !fromThisSite(origin, request, options.publicOrigin)) return refuse(403, 'FORBIDDEN', m.crossOrigin);

  const path = request.nextUrl.pathname;
  const limit = path.startsWith('/api/') ? MAX_API_BODY_BYTES : UPLOAD_PATH.test(path) ? MAX_UPLOAD_BODY_BYTES : MAX_ACTION_BODY_BYTES;
  if (Number(request.headers.get('content-length') ?? 0) > limit) return refuse(413, 'PAYLOAD_TOO_LARGE', m.tooLarge);
  // Read whatever was sent, declared or not (a chunked body has no length).
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > limit) return refuse(413, 'PAYLOAD_TOO_LARGE', m.tooLarge);

  const contentType = request.headers.get('content-type') ?? '';
  const multipart = /^multipart\/form-data\s*;\s*boundary=/i.test(contentType);
  const action = request.headers.get('next-action');
  if (action === null) {
    if (!multipart) return null;
    // A form posted without JavaScript: Next.js checks its action id; bound arguments
    // ($ACTION_REF_) would be decoded like a payload, and no form of the portal has them.
    const form = await readForm(body, contentType);
    if (!form) return refuse(400, 'INVALID_INPUT', m.malformed);
    return [...form.keys()].some((key) => key.startsWith('$ACTION_REF_')) ? refuse(400, 'INVALID_INPUT', m.malformed) : null;
  }
  if (multipart) {
    const form = await readForm(body, contentType);
    const root = form?.get('0');
    return typeof root === 'string' && isFormPayload(root) ? null : refuse(400, 'INVALID_INPUT', m.malformed);
  }
  if (/^text\/plain(?:;|$)/i.test(contentType)) return isFormPayload(new TextDecoder().decode(body)) ? null : refuse(400, 'INVALID_INPUT', m.malformed);
  return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', m.unsupportedType);
}
