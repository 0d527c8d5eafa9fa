// Where to send a browser after signing in (`?next=`): only a path on this site. The sign-in page
// and the server's single sign-on route both use this rule, so neither can be made to redirect
// off-site. Pure: no DOM, no Node, nothing imported.

/** The longest `next` accepted; a real path in Parity is far shorter. */
export const MAX_NEXT_LENGTH = 2048;

/** Why a `next` was refused, for a 400 on the server. */
export const NEXT_MESSAGE = 'next must be a path on this site, such as /indicators';

// Browsers drop tab, CR and LF from a URL and read a backslash as a slash, so `/\t/evil.example`
// and `/\evil.example` both become `//evil.example`. Refused anywhere: backslashes, whitespace,
// C0 and C1 controls, and the invisible format characters (zero-width, bidi, BOM).
const FORBIDDEN = /[\\\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;
// The same characters written as percent escapes (`%09`, `%5C`, `%E2%80%8B`…) once decoded.
const FORBIDDEN_DECODED = /[\\\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;
// An origin that cannot be anyone's: a path resolved against it must stay on it.
const PLACEHOLDER_ORIGIN = 'https://parity.invalid';

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * `next` when it is a path on this site — one leading slash, nothing a browser would read as
 * another host, nothing invisible — else null. The text is returned unchanged, not normalised.
 */
export function sameSitePath(next: string | null | undefined): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT_LENGTH) return null;
  if (!next.startsWith('/') || next.startsWith('//')) return null;
  if (FORBIDDEN.test(next)) return null;
  // Encoded forms: `/%2F/evil.example`, `/%5Cevil.example`, `/%09/evil.example`.
  const plain = decoded(next);
  if (plain === null || plain.startsWith('//') || FORBIDDEN_DECODED.test(plain)) return null;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  return url.origin === PLACEHOLDER_ORIGIN ? next : null;
}
