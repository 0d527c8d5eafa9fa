// The frame of every page: skip link, header with the main navigation, <main>, footer.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../router.tsx';
import { allows, signOut, useSession, type Role } from '../auth/session.ts';
import { ReportsMenu } from './ReportsMenu.tsx';
import '../auth/auth.css';

const nav: { href: string; label: string; match: (p: string) => boolean; role?: Role }[] = [
  { href: '/', label: 'Overview', match: (p: string) => p === '/' },
  { href: '/indicators', label: 'Indicators', match: (p: string) => p.startsWith('/indicators') },
  { href: '/completeness', label: 'Completeness', match: (p: string) => p.startsWith('/completeness') },
  { href: '/specialties', label: 'Specialties', match: (p: string) => p.startsWith('/specialties') },
  { href: '/published', label: 'Published', match: (p: string) => p === '/published' },
  { href: '/upload', label: 'Upload', match: (p: string) => p.startsWith('/upload'), role: 'analyst' },
  { href: '/extracts', label: 'Extracts', match: (p: string) => p.startsWith('/extracts'), role: 'analyst' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const session = useSession();
  const signedIn = session?.mode === 'accounts' ? session.user : null;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link href="/" className="brand">
            <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="#ffffff" />
              <rect x="7" y="16" width="5" height="9" fill="#005EB8" />
              <rect x="14" y="10" width="5" height="15" fill="#005EB8" />
              <rect x="21" y="13" width="5" height="12" fill="#005EB8" />
            </svg>
            <span className="brand-name">Parity</span>
            <span className="brand-tag">health inequalities</span>
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              {nav.filter((item) => session?.mode !== 'signed-out' && (!item.role || allows(session, item.role))).map((item) => {
                const current = item.match(pathname);
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? 'page' : undefined} className={current ? 'nav-link current' : 'nav-link'}>
                      {item.label}
                    </Link>
                  </li>
                );
              })}
              {session?.mode !== 'signed-out' && (
                <li>
                  <ReportsMenu />
                </li>
              )}
              {signedIn?.role === 'admin' && (
                <li>
                  <Link href="/admin" aria-current={pathname === '/admin' ? 'page' : undefined} className={pathname === '/admin' ? 'nav-link current' : 'nav-link'}>
                    Admin
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          {signedIn && (
            <div className="account">
              <span>
                Signed in as <strong>{signedIn.name}</strong> ({signedIn.role})
              </span>
              <button type="button" className="button button-secondary" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            Parity computes every figure from this trust's own extracts. Intervals are 95% unless stated; a difference is
            described only when intervals do not overlap. Small numbers are suppressed under the disclosure profile shown on
            each page.
          </p>
        </div>
      </footer>
    </>
  );
}
