// Who may call what. Every route declares it in `config` — the least role it needs, or 'public' —
// and the access guard reads it from the route a request matched, after routing, so how a URL is
// spelled (percent-encoding, case, a `#` or `;` suffix, an absolute-form request line) cannot
// change the answer. A route that declares nothing is refused (see guard.ts).
import type { Access } from './roles.ts';

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Route config for the usual cases. `page` marks HTML pages: a signed-out browser is sent to sign in. */
type AccessName = 'public' | 'viewer' | 'analyst' | 'admin' | 'publicPage' | 'viewerPage';

export const access: Readonly<Record<AccessName, Readonly<{ role: Access; page?: boolean }>>> = {
  public: { role: 'public' },
  viewer: { role: 'viewer' },
  analyst: { role: 'analyst' },
  admin: { role: 'admin' },
  publicPage: { role: 'public', page: true },
  viewerPage: { role: 'viewer', page: true },
};
