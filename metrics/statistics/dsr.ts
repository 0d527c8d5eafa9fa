// Directly standardised rate with Dobson's confidence limits, as PHEindicatormethods' phe_dsr:
//   DSR = Σ(xᵢwᵢ/nᵢ)/Σwᵢ; var = Σ(xᵢ(wᵢ/nᵢ)²)/(Σwᵢ)²; O = Σxᵢ;
//   limits = DSR + √(var/O)·(Byar(O) − O) × multiplier.
// Not published when fewer than 10 events in all (the Byar's approximation needs them).
import type { Estimate } from './types.ts';
import { statsMessages as m } from './messages.ts';
import { zFor } from './normal.ts';
import { byarsLower, byarsUpper } from './poisson.ts';
import { count, finite, positive } from './validate.ts';

export interface AgeBandCount {
  events: number;
  /** Population or person-years of the band: > 0 (a band with none refuses the rate). */
  population: number;
  /** The band's name for the refusal ("90+"). */
  label?: string;
  /** Standard population of the band (ESP 2013). */
  weight: number;
}

export type DsrResult =
  | (Estimate & { events: number; population: number })
  | { withheld: string; events: number; population: number };

/** Fewest events in all for which a DSR is published. */
export const DSR_MIN_EVENTS = 10;
export const DSR_WITHHELD = 'total count below 10';
/** As calculate_dsr stops on a denominator of 0: the rate over the other bands would be wrong, not smaller. */
export const DSR_NO_POPULATION = (bands: string[]) =>
  `no population in age band${bands.length === 1 ? '' : 's'} ${bands.join(', ')} of a standardised rate that needs every band (PHEindicatormethods' calculate_dsr refuses a denominator of 0)`;

export function dobsonDsr(bands: AgeBandCount[], level = 95, multiplier = 100000): DsrResult {
  if (!Array.isArray(bands) || bands.length === 0) throw new RangeError(m.noBands());
  positive('The multiplier', multiplier);
  const z = zFor(level);
  let events = 0;
  let population = 0;
  let weights = 0;
  let weighted = 0;
  let variance = 0;
  const empty: string[] = [];
  bands.forEach((b, i) => {
    count(`Age band ${i + 1}: the number of events`, b.events);
    finite(`Age band ${i + 1}: the population`, b.population);
    if (b.population < 0) throw new RangeError(m.notPositive(`Age band ${i + 1}: the population`, b.population));
    if (b.population === 0) empty.push(b.label ?? `${i + 1}`);
    finite(`Age band ${i + 1}: the standard weight`, b.weight);
    if (b.weight < 0) throw new RangeError(m.notPositive(`Age band ${i + 1}: the standard weight`, b.weight));
    const ratio = b.population === 0 ? 0 : b.weight / b.population;
    events += b.events;
    population += b.population;
    weights += b.weight;
    weighted += b.events * ratio;
    variance += b.events * ratio * ratio;
  });
  if (weights <= 0) throw new RangeError(m.noWeight());
  if (empty.length) return { withheld: DSR_NO_POPULATION(empty), events, population };
  if (events < DSR_MIN_EVENTS) return { withheld: DSR_WITHHELD, events, population };
  const value = (weighted / weights) * multiplier;
  const spread = Math.sqrt(variance / (weights * weights) / events) * multiplier;
  return {
    value,
    lower: value + spread * (byarsLower(events, z) - events),
    upper: value + spread * (byarsUpper(events, z) - events),
    method: 'Dobson',
    events,
    population,
  };
}
