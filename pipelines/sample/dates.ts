/**
 * Dates as whole days since 1970-01-01 (UTC), so that arithmetic is integer and formatting is
 * cheap and free of time zones. The sample covers three financial years, April 2023 – March 2026.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export const PERIOD_START = dayOf(2023, 4, 1);
export const PERIOD_END = dayOf(2026, 3, 31);
export const PERIOD_DAYS = PERIOD_END - PERIOD_START + 1;
/** The date ages of the patient pool refer to: the middle of the period. */
export const REFERENCE_DAY = dayOf(2024, 10, 1);

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Days 1860-01-01 … 2133: every birth and event the sample draws, indexed by day number + offset. */
const YMD_OFFSET = 40_000;
const ymdCache: (Readonly<Ymd> | undefined)[] = new Array(80_000);

/**
 * Called a few million times for the default sample (ages, seasons, formatting) over a few tens
 * of thousands of distinct days: a `Date` for each call was a quarter of the generator's time.
 */
export function ymd(dayNumber: number): Readonly<Ymd> {
  const slot = dayNumber + YMD_OFFSET;
  let parts = ymdCache[slot];
  if (parts === undefined) {
    const d = new Date(dayNumber * MS_PER_DAY);
    parts = Object.freeze({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    // Only whole days inside the table are kept; anything else is computed every time.
    if (Number.isInteger(slot) && slot >= 0 && slot < ymdCache.length) ymdCache[slot] = parts;
  }
  return parts;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const isoCache = new Map<number, string>();

/** `YYYY-MM-DD`. */
export function isoDate(dayNumber: number): string {
  let s = isoCache.get(dayNumber);
  if (s === undefined) {
    const { year, month, day } = ymd(dayNumber);
    s = `${year}-${pad2(month)}-${pad2(day)}`;
    isoCache.set(dayNumber, s);
  }
  return s;
}

/** UK `dd/mm/yyyy`, as many trust systems export. */
export function ukDate(dayNumber: number): string {
  const { year, month, day } = ymd(dayNumber);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** `YYYY-MM-DD HH:MM:SS` from a day number and seconds after midnight (may exceed one day). */
export function isoDateTime(dayNumber: number, seconds: number): string {
  const whole = Math.floor(seconds);
  const day = dayNumber + Math.floor(whole / 86_400);
  const s = ((whole % 86_400) + 86_400) % 86_400;
  return `${isoDate(day)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** 0 Sunday … 6 Saturday. */
export function weekday(dayNumber: number): number {
  return (dayNumber + 4) % 7;
}

/** The last day of each month of the period, in order (the 36 waiting-list census dates). */
export function monthEnds(): number[] {
  const ends: number[] = [];
  for (let i = 0; i < 36; i++) {
    const year = 2023 + Math.floor((3 + i) / 12);
    const month = ((3 + i) % 12) + 1;
    ends.push(dayOf(year, month, 1) + daysInMonth(year, month) - 1);
  }
  return ends;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Fraction of the way through the period (0 at April 2023, 1 at March 2026), clamped. */
export function periodFraction(dayNumber: number): number {
  return Math.min(1, Math.max(0, (dayNumber - PERIOD_START) / (PERIOD_DAYS - 1)));
}

/** Whole years between a birth date and an event date. */
export function ageAt(birthDay: number, eventDay: number): number {
  const b = ymd(birthDay);
  const e = ymd(eventDay);
  let age = e.year - b.year;
  if (e.month < b.month || (e.month === b.month && e.day < b.day)) age--;
  return age;
}

/** Winter pressure: 1 in summer, up to 1 + amplitude in January. */
export function winterFactor(dayNumber: number, amplitude: number): number {
  const { month } = ymd(dayNumber);
  const distance = Math.min(Math.abs(month - 1), 12 - Math.abs(month - 1));
  return 1 + amplitude * Math.max(0, 1 - distance / 3);
}

const BANK_HOLIDAYS = new Set(
  [
    [2023, 4, 7], [2023, 4, 10], [2023, 5, 1], [2023, 5, 8], [2023, 5, 29], [2023, 8, 28], [2023, 12, 25], [2023, 12, 26],
    [2024, 1, 1], [2024, 3, 29], [2024, 4, 1], [2024, 5, 6], [2024, 5, 27], [2024, 8, 26], [2024, 12, 25], [2024, 12, 26],
    [2025, 1, 1], [2025, 4, 18], [2025, 4, 21], [2025, 5, 5], [2025, 5, 26], [2025, 8, 25], [2025, 12, 25], [2025, 12, 26],
    [2026, 1, 1],
  ].map(([y, m, d]) => dayOf(y, m, d)),
);

/** A working day: Monday to Friday and not an English bank holiday. */
export function isWorkingDay(dayNumber: number): boolean {
  const w = weekday(dayNumber);
  return w !== 0 && w !== 6 && !BANK_HOLIDAYS.has(dayNumber);
}

/** The next working day on or after `dayNumber`. */
export function nextWorkingDay(dayNumber: number): number {
  let d = dayNumber;
  while (!isWorkingDay(d)) d++;
  return d;
}
