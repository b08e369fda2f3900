/**
 * Where to go after signing in. Only a same-origin relative path is honoured ("/agent?x=1"),
 * never "//evil.example", "/\\evil.example", "https://…" or "javascript:": an attacker's link to
 * /login?next=… must not turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2000) return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  // Browsers treat "\" like "/" and drop tabs/newlines in URLs; refuse anything they could reinterpret.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  const base = 'http://same-origin.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  // Sending someone back to the sign-in page itself would only loop.
  if (url.pathname === '/login') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page that returns to `path` (the current page when omitted). */
export function signInUrl(path?: string): string {
  const here = path ?? `${window.location.pathname}${window.location.search}`;
  const next = safeNextPath(here);
  return next ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
