// Directly standardised rates with Dobson limits, the formulas of PHEindicatormethods' phe_dsr.
// Reference values: the same formulas evaluated independently with mpmath at 40 digits.
import { describe, expect, it } from 'vitest';
import { dobsonDsr, DSR_NO_POPULATION, DSR_WITHHELD, type AgeBandCount } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

const bands: AgeBandCount[] = [
  { events: 12, population: 5200, weight: 5500 },
  { events: 30, population: 7100, weight: 6000 },
  { events: 85, population: 6300, weight: 7000 },
  { events: 160, population: 4100, weight: 5500 },
  { events: 220, population: 1900, weight: 4000 },
];

describe('dobsonDsr', () => {
  it('standardises five age bands with Dobson 95% limits', () => {
    const r = dobsonDsr(bands);
    if ('withheld' in r) throw new Error('expected a rate');
    expect(r).toMatchObject({ method: 'Dobson', events: 507, population: 24600 });
    expectClose(r.value, 2893.86037818255);
    expectClose(r.lower, 2637.356022274624);
    expectClose(r.upper, 3167.814747458923);
  });

  it('widens to 99.8% limits', () => {
    const r = dobsonDsr(bands, 99.8);
    if ('withheld' in r) throw new Error('expected a rate');
    expectClose(r.lower, 2497.3198563863627);
    expectClose(r.upper, 3330.6012430003863);
  });

  it('publishes from exactly 10 events', () => {
    const r = dobsonDsr([{ events: 4, population: 1000, weight: 3000 }, { events: 6, population: 2000, weight: 1000 }]);
    if ('withheld' in r) throw new Error('expected a rate');
    expectClose(r.value, 375);
    expectClose(r.lower, 122.64850406905411);
    expectClose(r.upper, 781.24974288104675);
  });

  it('withholds the rate when fewer than 10 events in all, keeping the counts', () => {
    expect(dobsonDsr([{ events: 9, population: 1000, weight: 1 }])).toEqual({ withheld: DSR_WITHHELD, events: 9, population: 1000 });
    expect(DSR_WITHHELD).toBe('total count below 10');
  });

  it('refuses, with the band named, a rate where a band has no population (as calculate_dsr stops)', () => {
    const r = dobsonDsr([...bands, { events: 3, population: 0, weight: 1000, label: '90+' }]);
    expect(r).toEqual({ withheld: DSR_NO_POPULATION(['90+']), events: 510, population: 24600 });
    expect(DSR_NO_POPULATION(['90+'])).toContain('age band 90+');
  });

  it('refuses no bands, fractional events, a negative population and weights adding to 0', () => {
    expect(() => dobsonDsr([])).toThrow(RangeError);
    expect(() => dobsonDsr([{ events: 1.5, population: 10, weight: 1 }])).toThrow(RangeError);
    expect(() => dobsonDsr([{ events: 1, population: -1, weight: 1 }])).toThrow(RangeError);
    expect(() => dobsonDsr([{ events: 12, population: 10, weight: 0 }])).toThrow(RangeError);
  });
});
