// Slope and relative index of inequality as PHEindicatormethods' phe_sii. The point estimates
// are closed-form and must equal R's lm(y√a ~ √a + b√a − 1) (reproduced with numpy's lstsq);
// the intervals are simulated with our own generator, so R's numbers cannot be matched digit
// for digit: they are tested for reproducibility and for behaving like a confidence interval.
import { describe, expect, it } from 'vitest';
import { relativeRanks, sii, statsMessages, weightedLine, zFor, type QuantileValue } from '../../../metrics/statistics/index.ts';
import { expectClose } from './close.ts';

// The example of phe_sii's documentation, "Area1": deciles, most → least deprived.
const pops = [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534];
const values = [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3];
const lowers = [72.7, 75.3, 80.9, 80.2, 77.1, 78, 79, 81.4, 75.8, 83.2];
const uppers = [79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4];
const area1: QuantileValue[] = pops.map((denominator, i) => ({ value: values[i], lower: lowers[i], upper: uppers[i], denominator }));

// PHEindicatormethods' tests/testthat/DSR_testdata.csv, 2010: DSRs by quintile (rates).
const dsr2010: QuantileValue[] = [
  [1434002, 150.2200205, 147.3194185, 153.1498241],
  [1450590, 131.0221747, 128.3676972, 133.7051129],
  [1453827, 127.4954973, 125.0421198, 129.975513],
  [1440980, 130.494241, 128.2469515, 132.7657553],
  [1457780, 135.4664241, 133.2469515, 137.8657553],
].map(([denominator, value, lower, upper]) => ({ value, lower, upper, denominator }));

describe('sii point estimates', () => {
  it('match lm() on the phe_sii documentation example', () => {
    const r = sii(area1, { reps: 1000 });
    expectClose(r.sii, 7.00023476007992);
    expectClose(r.rii, 1.0897097049119417);
  });

  it('match lm() on PHE\'s quintile DSR test data, whatever the transform', () => {
    for (const transform of ['none', 'log'] as const) {
      const r = sii(dsr2010, { reps: 1000, transform });
      expectClose(r.sii, -14.848682584798354);
      expectClose(r.rii, 0.8956757889879817);
    }
  });

  it('use mid-point ranks of the cumulative population share', () => {
    const { a, b } = relativeRanks([20, 30, 50]);
    expect(a).toEqual([0.2, 0.3, 0.5]);
    [0.1, 0.35, 0.75].forEach((rank, i) => expectClose(b[i], rank, 1e-15));
  });

  it('recover an exact line: y = 10 − 4b gives SII −4 and RII 6/10', () => {
    const { b } = relativeRanks([1, 2, 3, 4, 5]);
    const q = b.map((rank, i) => ({ value: 10 - 4 * rank, lower: 9 - 4 * rank, upper: 11 - 4 * rank, denominator: i + 1 }));
    const r = sii(q, { reps: 1000 });
    expectClose(r.sii, -4, 1e-12);
    expectClose(r.rii, 0.6, 1e-12);
  });
});

// PHEindicatormethods' tests/testthat/testdata_SII.xlsx: phe_sii's own results (default
// parameters: no transform of the fit) for value types 0 (quintiles), 1 (rates) and 2 (proportions).
const PHE_SII = [
  { case: 'default quintiles, area1', pops: [7291, 7997, 6105, 7666, 5790], values: [75.933459010308098, 78.344238272784295, 83.836063104165405, 83.637539966493094, 80.465503152955904], sii: 7.9193341471008738, rii: 1.1037116952527257 },
  { case: 'default quintiles, area2', pops: [21675, 20065, 19750, 24713, 20112], values: [70.548531859999997, 71.571557339999998, 72.486986709999996, 73.519855190000001, 73.146054250000006], sii: 3.6215563376545648, rii: 1.0513892712719326 },
  { case: 'rate deciles, area1', pops: [279012, 255993, 236961, 214315, 192812, 183546, 168593, 164822, 154836, 138165], values: [5.8922196894757208, 4.7345044591063035, 3.827634083245766, 3.8681380211371112, 3.6771570234217785, 3.1436261209723995, 3.1258711808912585, 2.9425683464586041, 2.8287995039913199, 2.7648101907140012], sii: -3.2752012326471758, rii: 0.40600068953980034 },
  { case: 'rate deciles, area2', pops: [13837, 14519, 14940, 14599, 12311, 21675, 20065, 19750, 24713, 20112], values: [4.8967499999999999, 4.5678000000000001, 4.67666, 4.3566599999999998, 3.9, 3.8, 3.5, 3.2, 3.21, 2.8], sii: -2.2876789027787421, rii: 0.53525176979876143 },
  { case: 'proportion deciles, area1', pops: [34353, 32112, 27715, 25372, 23889, 23260, 23180, 24193, 23609, 24488], values: [0.21212121212121202, 0.214281265570503, 0.204077214504781, 0.19186504808450303, 0.17480848926284101, 0.16663800515907098, 0.15603968938740301, 0.14657132228330499, 0.140370197805921, 0.12087553087226401], sii: -0.10720032333730493, rii: 0.53340153064655071 },
  { case: 'proportion deciles, area2', pops: [36111, 31803, 26681, 24184, 23023, 21506, 22197, 23679, 23271, 23464], values: [0.12079421782836301, 0.117410307203723, 0.11363891908099401, 0.105896460469732, 0.10007383920427401, 9.4113270715149314e-2, 8.7309095823760008e-2, 8.36606275602855e-2, 7.9755919384641799e-2, 6.9681213774292497e-2], sii: -5.81854710713103e-2, rii: 0.54701284615554346 },
];

describe('sii point estimates against phe_sii\'s own test results', () => {
  for (const c of PHE_SII) {
    it(`match testdata_SII, ${c.case}`, () => {
      // The limits only feed the simulated interval; the point estimates are closed-form.
      const q = c.values.map((value, i) => ({ value, lower: value * 0.9, upper: value * 1.1, denominator: c.pops[i] }));
      const r = sii(q, { reps: 1000 });
      expectClose(r.sii, c.sii);
      expectClose(r.rii, c.rii);
    });
  }
});

describe('sii orientation', () => {
  it('reads most minus least deprived, and most over least, the way of a Q1 − Q5 gap', () => {
    const phe = sii(dsr2010, { reps: 2000, transform: 'log' });
    const gap = sii(dsr2010, { reps: 2000, transform: 'log', orientation: 'most-minus-least' });
    // Q1 (150.2) is above Q5 (135.5): the gap, the SII and the RII all say "higher among the most deprived".
    expectClose(gap.sii, 14.848682584798354);
    expectClose(gap.rii, 1 / 0.8956757889879817);
    expectClose(gap.siiLower, -phe.siiUpper, 1e-12);
    expectClose(gap.siiUpper, -phe.siiLower, 1e-12);
    expectClose(gap.riiLower, 1 / phe.riiUpper, 1e-12);
    expectClose(gap.riiUpper, 1 / phe.riiLower, 1e-12);
    expect(gap.riiLower).toBeGreaterThan(1);
    expect(gap.riiLower).toBeLessThan(gap.rii);
    expect(gap.riiUpper).toBeGreaterThan(gap.rii);
  });
});

describe('sii at 99.8%', () => {
  it('reads wider positions of the same draws, with the se still from the 95% limits (phe_sii)', () => {
    const at95 = sii(dsr2010, { reps: 10_000, transform: 'log' });
    const at998 = sii(dsr2010, { reps: 10_000, transform: 'log', level: 99.8 });
    expect(at998.sii).toBe(at95.sii);
    expect(at998.siiLower).toBeLessThan(at95.siiLower);
    expect(at998.siiUpper).toBeGreaterThan(at95.siiUpper);
    // Normal draws: the 99.8% half-width is about z(0.999)/z(0.975) = 1.577 times the 95% one.
    const ratio = (at998.siiUpper - at998.siiLower) / (at95.siiUpper - at95.siiLower);
    expect(Math.abs(ratio / (3.090232306167813 / 1.959963984540054) - 1)).toBeLessThan(0.06);
  });
});

describe('sii simulated intervals', () => {
  it('are reproducible for a seed and change with it', () => {
    expect(sii(area1, { seed: 5 })).toEqual(sii(area1, { seed: 5 }));
    expect(sii(area1, { seed: 5 }).siiLower).not.toBe(sii(area1, { seed: 6 }).siiLower);
  });

  it('contain the estimate and agree with the analytic WLS interval when untransformed', () => {
    const r = sii(area1);
    expect(r.siiLower).toBeLessThan(r.sii);
    expect(r.siiUpper).toBeGreaterThan(r.sii);
    expect(r.riiLower).toBeLessThan(r.rii);
    expect(r.riiUpper).toBeGreaterThan(r.rii);
    // Without a transform the slope is linear in the values: Var(β₁) = Σ cᵢ² seᵢ².
    const { a, b } = relativeRanks(pops);
    const bMean = a.reduce((s, ai, i) => s + ai * b[i], 0);
    const sxx = a.reduce((s, ai, i) => s + ai * (b[i] - bMean) ** 2, 0);
    const se = area1.map((q) => (q.upper - q.lower) / (2 * 1.959963984540054));
    const sd = Math.sqrt(a.reduce((s, ai, i) => s + ((ai * (b[i] - bMean)) / sxx) ** 2 * se[i] ** 2, 0));
    expect(Math.abs(r.siiUpper - r.siiLower) / (2 * zFor(95) * sd) - 1).toBeLessThan(0.05);
  });

  it('narrow when the quantiles have more events (narrower limits)', () => {
    const tight = dsr2010.map((q) => ({ ...q, lower: q.value - (q.value - q.lower) / 3, upper: q.value + (q.upper - q.value) / 3 }));
    const wide = sii(dsr2010, { transform: 'log' });
    const narrow = sii(tight, { transform: 'log' });
    expect(narrow.siiUpper - narrow.siiLower).toBeLessThan((wide.siiUpper - wide.siiLower) / 2);
  });

  it('widen from 95% to 99.8%', () => {
    const r95 = sii(area1, { transform: 'logit', multiplier: 100 });
    const r998 = sii(area1, { transform: 'logit', multiplier: 100, level: 99.8 });
    expect(r998.siiLower).toBeLessThan(r95.siiLower);
    expect(r998.siiUpper).toBeGreaterThan(r95.siiUpper);
  });
});

describe('sii input checks', () => {
  it('refuses one quantile, limits that do not surround the value and values outside a transform', () => {
    expect(() => sii(area1.slice(0, 1))).toThrow(statsMessages.tooFewQuantiles(1));
    expect(() => sii([{ ...area1[0], lower: 90 }, area1[1]])).toThrow(statsMessages.limitsAroundValue(0));
    expect(() => sii(area1, { transform: 'logit', multiplier: 1 })).toThrow(RangeError);
    expect(() => sii([{ ...area1[0], lower: 0 }, area1[1]], { transform: 'log' })).toThrow(RangeError);
    expect(() => sii(area1, { reps: 10 })).toThrow(statsMessages.tooFewReps(10, 95));
  });

  it('fits by weighted least squares', () => {
    const line = weightedLine([0.5, 0.5], [0.25, 0.75], [1, 3]);
    expectClose(line.slope, 4, 1e-15);
    expectClose(line.intercept, 0, 1e-15);
  });
});
