import { Link } from '../router.tsx';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <ul>
        <li>
          <Link href="/">Go to the Core20PLUS5 overview</Link>
        </li>
        <li>
          <Link href="/indicators">Browse all indicators</Link>
        </li>
      </ul>
    </>
  );
}
