/*
 * Where a person may be sent after signing in or out: a path of this site, judged on the URL a
 * browser would actually follow. A string check on the raw input is not enough: `/.//evil.example`,
 * `/a/..//evil.example` and `/%2e%2e//evil.example` all start with one slash, yet the WHATWG parser
 * removes the dot segments and leaves the path `//evil.example`, which a browser reads as another
 * host once it is used as a relative URL. So the input is resolved against the site's origin first
 * and the RESULT is checked. Pure (no I/O): the login page and next-auth's redirect callback share it.
 */
const MAX_CALLBACK_LENGTH = 2000;

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The path (with query and fragment) to go to, or `/` for anything that could leave `origin`. */
export function safeCallbackPath(url: string | null | undefined, origin: string): string {
  if (!url || url.length > MAX_CALLBACK_LENGTH) return '/';
  // The parser silently drops tabs and newlines and turns `\` into `/`: refuse them instead of guessing.
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return '/';
  let base: URL;
  let candidate: URL;
  try {
    base = new URL(origin);
    candidate = new URL(url, base);
  } catch {
    return '/';
  }
  if (candidate.origin !== base.origin || candidate.username || candidate.password) return '/';
  const { pathname } = candidate;
  const decoded = decodedPath(pathname);
  // `//host` and `/\host` after normalising, also when a server decodes %2F or %5C on the way.
  if (!pathname.startsWith('/') || pathname.startsWith('//') || decoded === null || /^\/[/\\]/.test(decoded) || decoded.includes('\\')) return '/';
  const path = `${pathname}${candidate.search}${candidate.hash}`;
  // Belt and braces: the path we hand out must resolve to this origin on its own.
  return new URL(path, base).origin === base.origin ? path : '/';
}

/** The absolute URL on `origin` for a callback: built by concatenation, never by resolving a path. */
export function safeCallbackUrl(url: string | null | undefined, origin: string): string {
  return `${new URL(origin).origin}${safeCallbackPath(url, origin)}`;
}
