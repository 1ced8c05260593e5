import 'server-only';
import { NO_STORE } from '@/lib/server/http/json';

/*
 * A file to download. Always an attachment, never shown inline: the browser saves it under the
 * Japanese name (RFC 6266 filename* in RFC 5987 encoding) and does not sniff another type into
 * it. Private, no-store like every document answer: what it holds depends on who asks.
 */

/** RFC 5987 ext-value: UTF-8, percent-encoded, with the few characters encodeURIComponent leaves that attr-char does not allow. */
function encodeExtValue(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function contentDisposition(filename: string, asciiFilename: string): string {
  const fallback = asciiFilename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=${encodeExtValue(filename)}`;
}

export function attachmentResponse(file: { filename: string; asciiFilename: string; contentType: string; body: Uint8Array }): Response {
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.filename, file.asciiFilename),
      'Content-Length': String(file.body.byteLength),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
