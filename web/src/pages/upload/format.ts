// Small formatters for the upload and extract pages.

const count = new Intl.NumberFormat('en-GB');
export const formatCount = (n: number) => count.format(n);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
/** "3 Jan 2026, 14:05" from an ISO timestamp (UTC) — shown in UK time. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export function formatPeriod(from: string | null, to: string | null): string {
  if (!from || !to) return 'no dates';
  const f = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const t = new Date(`${to.slice(0, 10)}T00:00:00Z`);
  return `${day.format(f)} to ${day.format(t)}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
