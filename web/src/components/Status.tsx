// Loading, error and empty states. Each says what is happening or what to do next.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';

export function Loading({ what }: { what: string }) {
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

export function ErrorState({ error, retry, what }: { error: ApiError; retry?: () => void; what: string }) {
  const unknownThing = error.status === 404 && error.code !== null && /not_found|unknown/.test(error.code);
  return (
    <div className="status status-error" role="alert">
      <h2 className="status-title">{unknownThing ? `No such ${what}` : `Could not load the ${what}`}</h2>
      <p>{error.message}</p>
      {retry && !unknownThing && (
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="status status-empty">
      <h2 className="status-title">{title}</h2>
      {children}
    </div>
  );
}
