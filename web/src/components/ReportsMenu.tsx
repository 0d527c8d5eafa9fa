// "Reports" in the main navigation: a disclosure with the board report and the annual-report pack.
// Both are pages the server draws, so these are plain links that load the page, not client routes.
import { useEffect, useId, useRef, useState } from 'react';

const reports = [
  { href: '/reports/board', label: 'Board report', hint: 'A4, printable' },
  { href: '/reports/annual', label: 'Annual-report pack', hint: 'every statement indicator' },
];

export function ReportsMenu() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <div className="nav-disclosure" ref={root}>
      <button ref={button} type="button" className="nav-link nav-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Reports
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
          <path d={open ? 'M1 7l4-4 4 4' : 'M1 3l4 4 4-4'} fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      <ul id={id} className="nav-submenu" hidden={!open}>
        {reports.map((r) => (
          <li key={r.href}>
            <a href={r.href}>
              {r.label}
              <span className="nav-submenu-hint">{r.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
