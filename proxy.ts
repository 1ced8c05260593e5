import { NextResponse, type NextRequest } from 'next/server';
import { availabilityMessages as am } from '@/lib/messages/availability';
import { refuseHostileRequest } from '@/lib/http/request-guard';
import { databaseAvailable } from '@/lib/server/db-availability';

/*
 * Security headers and a request id for every response; cross-origin, oversized and malformed
 * posts refused (lib/http/request-guard.ts). Not authorisation: that lives in lib/server and is
 * checked on every read and write whatever passes through here.
 * Scripts run only with this request's nonce (Next.js adds it to its own scripts when it finds
 * the policy on the request); styles may be inline because React renders style attributes.
 * While the database cannot be reached, every request but the health check gets a 503 at once.
 */
export async function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith('/api/health') && !(await databaseAvailable())) return unavailable(request);
  const refused = await refuseHostileRequest(request, { publicOrigin: process.env.NEXTAUTH_URL });
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestId = crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-request-id', requestId);
  // The path a request was made to, for the audit trail's record of a refused one (lib/server/audit/record-refusal.ts).
  requestHeaders.set('x-portal-path', request.nextUrl.pathname);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Request-Id', requestId);
  if (request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  return response;
}

/** The 503 answer: JSON for the API, a plain page (no scripts, nothing from the database) for the rest. */
function unavailable(request: NextRequest): NextResponse {
  const headers = { 'Cache-Control': 'no-store', 'Retry-After': '5', 'X-Content-Type-Options': 'nosniff' };
  if (request.nextUrl.pathname.startsWith('/api/') || request.headers.has('next-action')) {
    return NextResponse.json({ error: { code: 'UNAVAILABLE', message: am.apiMessage } }, { status: 503, headers });
  }
  const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${am.title}</title></head>
<body style="font-family: sans-serif; margin: 4rem auto; max-width: 40rem; padding: 0 1rem; color: #1a1a1a; line-height: 1.7">
<h1 style="font-size: 1.75rem">${am.title}</h1><p>${am.body}</p><p><a href="">${am.retry}</a></p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } });
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|favicon.svg).*)' }],
};
