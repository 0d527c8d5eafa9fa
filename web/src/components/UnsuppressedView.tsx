// The analyst view of a page of figures: a toggle (analysts, admins and local mode only) that asks
// the server for unsuppressed figures on screen, kept in the URL as `view=unsuppressed`; the
// banner saying what that means while it is on; and a note for anyone whose link asks for it but
// whose account may not have it. Files never carry these figures: see ChartActions.tsx.
import { allows, useSession } from '../auth/session.ts';
import { useQuery } from '../router.tsx';
import './unsuppressed.css';

export interface UnsuppressedView {
  /** The account may turn the view on. */
  allowed: boolean;
  /** The URL asks for it. */
  requested: boolean;
  /** Requests should carry `view=unsuppressed`. */
  on: boolean;
  /** False while it is not yet known who is signed in and the URL asks for the view: hold the requests. */
  ready: boolean;
  /** The query parameter to add to each on-screen request. */
  param: 'unsuppressed' | null;
  set: (on: boolean) => void;
}

export function useUnsuppressedView(): UnsuppressedView {
  const [query, setQuery] = useQuery();
  const session = useSession();
  const requested = query.get('view') === 'unsuppressed';
  const allowed = session !== null && session.mode !== 'signed-out' && allows(session, 'analyst');
  const on = requested && allowed;
  return {
    allowed,
    requested,
    on,
    ready: !requested || session !== null,
    param: on ? 'unsuppressed' : null,
    set: (next) => setQuery({ view: next ? 'unsuppressed' : null }, { replace: true }),
  };
}

export function UnsuppressedToggle({ view }: { view: UnsuppressedView }) {
  if (!view.allowed) return null;
  return (
    <div className="unsuppressed-toggle">
      <label>
        <input type="checkbox" checked={view.on} onChange={(e) => view.set(e.target.checked)} aria-describedby="unsuppressed-hint" />
        Show unsuppressed figures (on screen only)
      </label>
      <span id="unsuppressed-hint" className="hint">
        Small counts shown as they are. Downloads, copies and publications still apply disclosure control.
      </span>
    </div>
  );
}

/** Above the charts while the view is on; for a viewer whose link asked for it, a note instead. */
export function UnsuppressedNotice({ view }: { view: UnsuppressedView }) {
  if (view.on) {
    return (
      <section className="unsuppressed-banner" aria-labelledby="unsuppressed-heading">
        <h2 id="unsuppressed-heading">Unsuppressed figures: on screen only</h2>
        <p>
          Small numbers are shown: counts of 1 to 7, and the values computed from them, appear exactly as recorded, and
          counts are not rounded. <strong>Do not copy these figures into reports, e-mails or slides.</strong>
        </p>
        <p>
          Downloads (PNG, SVG, CSV), copied images and publications still apply disclosure control. Your view of these
          figures is recorded in the audit log.
        </p>
      </section>
    );
  }
  if (view.requested && view.ready && !view.allowed) {
    return (
      <div className="callout">
        <p>This link asks for unsuppressed figures, which only analysts and administrators can see. The figures below have disclosure control applied.</p>
      </div>
    );
  }
  return null;
}
