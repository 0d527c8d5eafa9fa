// The numbers and dates as a reader sees them on the pages, in chart labels and in board papers.
import { describe, expect, it } from 'vitest';
import {
  formatCount, formatDate, formatDateTime, formatDifference, formatInterval, formatLongMonth, formatMonth,
  formatNumber, formatPercent, formatPeriod, formatRatio, formatValue,
} from '../../../core/text/format.ts';

const percent = { unit: '%' };
const rate = { unit: 'per 100,000' };
const weeks = { unit: 'weeks' };
const bare = { unit: '' };

describe('values in their unit', () => {
  it('shows one decimal place with thousands separators, the unit after it', () => {
    expect(formatValue(12.345, percent)).toBe('12.3%');
    expect(formatValue(1234.56, rate)).toBe('1,234.6 per 100,000');
    expect(formatValue(14, weeks)).toBe('14.0 weeks');
    expect(formatValue(0.05, bare)).toBe('0.1');
    expect(formatNumber(98765.43, rate)).toBe('98,765.4');
  });

  it('rounds halves away from zero as a reader expects, not to even', () => {
    expect(formatValue(2.25, percent)).toBe('2.3%');
    expect(formatValue(2.35, percent)).toBe('2.4%');
  });

  it('says "not available" for a missing or impossible figure, never NaN or Infinity', () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatValue(v, percent)).toBe('not available');
      expect(formatDifference(v, percent)).toBe('not available');
      expect(formatRatio(v)).toBe('not available');
      expect(formatPercent(v)).toBe('not available');
      expect(formatNumber(v, percent)).toBe('–');
    }
  });

  it('writes an interval with the unit once, and "not available" when an end is missing', () => {
    expect(formatInterval(11.04, 13.56, percent)).toBe('11.0 to 13.6%');
    expect(formatInterval(1200, 1350.25, rate)).toBe('1,200.0 to 1,350.3');
    expect(formatInterval(null, 13.5, percent)).toBe('not available');
  });

  it('signs a difference with a true minus and calls percentage differences percentage points', () => {
    expect(formatDifference(4.26, percent)).toBe('+4.3 percentage points');
    expect(formatDifference(-4.26, percent)).toBe('−4.3 percentage points');
    expect(formatDifference(0, percent)).toBe('0.0 percentage points');
    expect(formatDifference(-12.5, rate)).toBe('−12.5 per 100,000');
    expect(formatDifference(3, bare)).toBe('+3.0');
  });

  it('gives ratios two decimal places and percentages the digits asked for', () => {
    expect(formatRatio(1.456)).toBe('1.46');
    expect(formatPercent(95)).toBe('95.0%');
    expect(formatPercent(87.654, 2)).toBe('87.65%');
  });
});

describe('counts as published', () => {
  it('shows a suppressed count as * and others whole with separators', () => {
    expect(formatCount(null)).toBe('*');
    expect(formatCount(undefined)).toBe('*');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12345)).toBe('12,345');
  });
});

describe('dates', () => {
  it('writes days, months and periods the British way', () => {
    expect(formatDate('2025-04-01')).toBe('1 Apr 2025');
    expect(formatDate('2026-03-31T23:00:00Z')).toBe('31 Mar 2026');
    expect(formatMonth('2025-12-01')).toBe('Dec 2025');
    expect(formatLongMonth('2025-09-01')).toBe('September 2025');
    expect(formatPeriod({ from: '2025-04-01', to: '2026-03-31' })).toBe('1 Apr 2025 to 31 Mar 2026');
    expect(formatPeriod({ from: '2021-03-21', to: '2021-03-21' })).toBe('21 Mar 2021');
  });

  it('says "not known" when there is no date, and shows text that is not a date as it is', () => {
    expect(formatDate(null)).toBe('not known');
    expect(formatDate('')).toBe('not known');
    expect(formatDate('Q1 2025')).toBe('Q1 2025');
    expect(formatDateTime(null)).toBe('not known');
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });

  it('shows a load time in the reader’s clock with a 24-hour time', () => {
    expect(formatDateTime(new Date(2026, 10, 25, 14, 5).toISOString())).toBe('25 Nov 2026, 14:05');
    expect(formatDateTime(new Date(2026, 0, 2, 9, 0).toISOString())).toBe('2 Jan 2026, 09:00');
  });
});
