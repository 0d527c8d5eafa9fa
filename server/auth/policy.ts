// Who may call what. A route states it with `config: { role }`; a route that does not is covered
// by this table, and failing that by the default: reading needs a viewer, changing needs an admin.
import type { Access } from './roles.ts';

const TABLE: { method: string; url: RegExp; access: Access }[] = [
  { method: 'GET', url: /^\/api\/health$/, access: 'public' },
  { method: 'POST', url: /^\/api\/published$/, access: 'analyst' },
  { method: 'DELETE', url: /^\/api\/published\//, access: 'analyst' },
  { method: 'GET', url: /^\/api\/(extracts|mappings)(\/|$)/, access: 'analyst' },
];

export function accessFor(method: string, routeUrl: string, declared: Access | undefined): Access {
  if (declared) return declared;
  const m = method === 'HEAD' ? 'GET' : method;
  const row = TABLE.find((r) => r.method === m && r.url.test(routeUrl));
  if (row) return row.access;
  return m === 'GET' || m === 'OPTIONS' ? 'viewer' : 'admin';
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Pages anyone may load: the sign-in page, built assets, and published charts (embedded in board papers). */
export function isPublicPage(path: string): boolean {
  return path === '/login' || path.startsWith('/published/') || path.startsWith('/assets/') || /\/[^/]+\.[A-Za-z0-9]{1,8}$/.test(path);
}
